import { Link } from 'react-router';
import { Card } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { reportPath } from '../api/get-report';
import { useMyReports } from '../api/list-my-reports';
import '../reports.css';
import { useT } from '@/i18n';

const SHOWN = 3;

/** Home's "Reports ready for you": the newest reports I may open, or nothing at all when there are none. */
export function ReportsReadyCard() {
  const reports = useMyReports();
  const t = useT();
  const items = reports.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      title={t('reportsReady.title')}
      className="reports-ready"
      actions={
        <Link to="/reports" className="reports-ready__all">
          {t('reportsReady.all')}
          <span aria-hidden="true"> →</span>
        </Link>
      }
    >
      <ul className="reports-ready__list">
        {items.slice(0, SHOWN).map((item) => (
          <li key={`${item.cycleId}:${item.subject.id}`}>
            <Link to={reportPath(item.cycleId, item.subject.id)} className="reports-ready__row">
              <span className="reports-ready__text">
                <strong>{item.viewer === 'subject' ? t('reportsReady.yours') : item.subject.name}</strong> · {item.cycleName}
              </span>
              <span className="reports-ready__date">
                {item.releasedAt
                  ? t('reportsReady.released', { date: formatDate(item.releasedAt) })
                  : item.closedAt
                    ? t('reportsReady.closed', { date: formatDate(item.closedAt) })
                    : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
