import { ErrorAlert, Loading } from '@/components/ui';
import { useT } from '@/i18n';
import { formatDate } from '@/lib/format';
import { useSelfRequestActivity } from '../api/self-request-activity';

/** What HR sees of self-started feedback: that it happened — how often, who started one and when. Never behaviours, raters, progress or reports. */
export function SelfRequestActivity() {
  const t = useT();
  const activity = useSelfRequestActivity();
  if (activity.isPending) return <Loading label={t('common.loading')} />;
  if (activity.isError) return <ErrorAlert error={activity.error} title={t('organisation.activity.loadFailed')} />;
  const { total, running, people, items } = activity.data;
  return (
    <section aria-labelledby="self-request-activity" className="self-request-activity">
      <h3 id="self-request-activity">{t('organisation.activity.title')}</h3>
      <p>{total === 0 ? t('organisation.activity.none') : t('organisation.activity.summary', { total, people, running })}</p>
      {items.length > 0 && (
        <ul>
          {items.slice(0, 10).map((item) => {
            const who = item.department ? t('organisation.activity.who', { name: item.name, department: item.department }) : item.name;
            const started = formatDate(item.startedAt);
            return (
              <li key={`${item.personId}:${item.startedAt}`}>
                {item.closedAt
                  ? t('organisation.activity.closed', { who, started, closed: formatDate(item.closedAt) })
                  : t('organisation.activity.started', { who, started })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
