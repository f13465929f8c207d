import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { Badge, Button, Card, ErrorAlert, useToast } from '@/components/ui';
import { useT } from '@/i18n';
import { firstName, formatDate } from '@/lib/format';
import { useApproveExternalRater } from '../api/approve-external-rater';
import type { PendingExternalRater } from '../api/list-external-approvals';
import { useRejectExternalRater } from '../api/reject-external-rater';

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

/**
 * People from outside the organisation whom someone in my team proposed (or, for HR, someone
 * without a manager), waiting for my decision. Approving mails them their link; it is also what
 * lets their answers count toward k (someone other than the subject chose them).
 */
export function ExternalApprovals({ items }: { items: PendingExternalRater[] }) {
  const approve = useApproveExternalRater();
  const reject = useRejectExternalRater();
  const toast = useToast();
  const t = useT();
  if (items.length === 0) return null;
  const error = approve.error ?? reject.error;
  return (
    <Card
      title={
        <>
          {t('externalApprovals.title')} <Badge tone="warning">{items.length}</Badge>
        </>
      }
      description={t('externalApprovals.description')}
    >
      {error && <ErrorAlert error={error} title={t('externalRaters.failed')} />}
      <ul className="rater-list external-approvals">
        {items.map((a) => {
          const busy = (approve.isPending && approve.variables === a.id) || (reject.isPending && reject.variables === a.id);
          return (
            <li key={a.id} className="rater" data-external-approval={a.id}>
              <div className="rater__who">
                <p className="external__name">{a.name}</p>
                <p className="muted external__email">{a.email}</p>
              </div>
              <div className="rater__state">
                <p className="muted approval__when">
                  <FormattedMessage
                    id="externalApprovals.proposedBy"
                    values={{
                      subject: a.subjectName,
                      date: formatDate(a.createdAt),
                      cycle: a.cycleName,
                      link: (chunks: ReactNode[]) => <Link to={`/cycles/${a.cycleId}/subjects/${a.subjectId}/requests`}>{chunks}</Link>,
                    }}
                  />
                </p>
              </div>
              <div className="rater__actions">
                <Button
                  size="sm"
                  loading={approve.isPending && approve.variables === a.id}
                  loadingText={t('externalRaters.approving')}
                  disabled={busy}
                  onClick={() => approve.mutate(a.id, { onSuccess: () => toast.show(t('externalRaters.approved', { name: a.name })) })}
                >
                  <FormattedMessage id="externalApprovals.approve" values={{ name: a.name, subject: a.subjectName, hidden }} />
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={busy}
                  onClick={() =>
                    reject.mutate(a.id, { onSuccess: () => toast.show(t('externalApprovals.rejected', { name: a.name, subject: firstName(a.subjectName) })) })
                  }
                >
                  <FormattedMessage id="externalApprovals.reject" values={{ name: a.name, subject: a.subjectName, hidden }} />
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
