import { Link } from 'react-router';
import { Badge, Button, Card, ErrorAlert, useToast } from '@/components/ui';
import { firstName, formatDate } from '@/lib/format';
import { useApproveExternalRater } from '../api/approve-external-rater';
import type { PendingExternalRater } from '../api/list-external-approvals';
import { useRejectExternalRater } from '../api/reject-external-rater';

/**
 * People from outside the organisation whom someone in my team proposed (or, for HR, someone
 * without a manager), waiting for my decision. Approving mails them their link; it is also what
 * lets their answers count toward k (someone other than the subject chose them).
 */
export function ExternalApprovals({ items }: { items: PendingExternalRater[] }) {
  const approve = useApproveExternalRater();
  const reject = useRejectExternalRater();
  const toast = useToast();
  if (items.length === 0) return null;
  const error = approve.error ?? reject.error;
  return (
    <Card
      title={
        <>
          From outside the organisation, waiting for your approval <Badge tone="warning">{items.length}</Badge>
        </>
      }
      description="Customers, partners or volunteers proposed as raters. Approve to mail each a link to the questionnaire; once you approve, their answers count toward the cycle’s minimum of raters like a colleague’s, because someone other than the person reviewed chose them."
    >
      {error && <ErrorAlert error={error} title="That did not work" />}
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
                  Proposed by <Link to={`/cycles/${a.cycleId}/subjects/${a.subjectId}/requests`}>{a.subjectName}</Link> on {formatDate(a.createdAt)} ·{' '}
                  {a.cycleName}
                </p>
              </div>
              <div className="rater__actions">
                <Button
                  size="sm"
                  loading={approve.isPending && approve.variables === a.id}
                  loadingText="Approving…"
                  disabled={busy}
                  onClick={() => approve.mutate(a.id, { onSuccess: () => toast.show(`Approved: a link was mailed to ${a.name}`) })}
                >
                  Approve
                  <span className="visually-hidden">
                    {' '}
                    {a.name} for {a.subjectName}
                  </span>
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={busy}
                  onClick={() =>
                    reject.mutate(a.id, { onSuccess: () => toast.show(`Not approved: ${a.name} will not be asked about ${firstName(a.subjectName)}`) })
                  }
                >
                  Reject
                  <span className="visually-hidden">
                    {' '}
                    {a.name} for {a.subjectName}
                  </span>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
