import { Link } from 'react-router';
import { Button } from '@/components/ui';
import { firstName, formatDate } from '@/lib/format';
import type { PendingApproval } from '../api/list-my-approvals';
import { PersonLine } from './PersonLine';
import { useT } from '@/i18n';

interface ApprovalListProps {
  approvals: PendingApproval[];
  busyId: string | null;
  onApprove: (approval: PendingApproval) => void;
  onReject: (approval: PendingApproval) => void;
}

const subjectPage = (a: Pick<PendingApproval, 'cycleId' | 'subject'>): string => `/cycles/${a.cycleId}/subjects/${a.subject.id}/requests`;

/** Peer proposals waiting for me, grouped by the person who asked (and the cycle). */
export function ApprovalList({ approvals, busyId, onApprove, onReject }: ApprovalListProps) {
  const t = useT();
  const groups = new Map<string, PendingApproval[]>();
  for (const a of approvals) {
    const key = `${a.cycleId}:${a.subject.id}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return (
    <div className="approval-groups">
      {[...groups.entries()].map(([key, items]) => {
        const first = items[0]!;
        const name = firstName(first.subject.name);
        return (
          <section key={key} className="approval-group" aria-labelledby={`approvals-${key}`}>
            <div className="approval-group__header">
              <h3 className="approval-group__title" id={`approvals-${key}`} tabIndex={-1}>
                {first.subject.name} <span className="approval-group__cycle">· {first.cycleName}</span>
              </h3>
              <Link to={subjectPage(first)} className="approval-group__link">
                {t('approvals.all', { name })}
                <span aria-hidden="true"> →</span>
              </Link>
            </div>
            <ul className="rater-list">
              {items.map((a) => (
                <li key={a.id} className="rater" data-approval={a.id}>
                  <div className="rater__who">
                    <PersonLine person={a.rater} />
                  </div>
                  <div className="rater__state">
                    <p className="muted approval__when">{t('approvals.proposed', { name, date: formatDate(a.createdAt) })}</p>
                  </div>
                  <div className="rater__actions">
                    <Button size="sm" onClick={() => onApprove(a)} loading={busyId === a.id} loadingText={t('raters.approving')}>
                      {t('raters.approve')}
                      <span className="visually-hidden"> {t('approvals.raterFor', { rater: a.rater.name, name: first.subject.name })}</span>
                    </Button>
                    <Button size="sm" variant="secondary" onClick={() => onReject(a)} disabled={busyId === a.id}>
                      {t('raters.reject')}
                      <span className="visually-hidden"> {t('approvals.raterFor', { rater: a.rater.name, name: first.subject.name })}</span>
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
