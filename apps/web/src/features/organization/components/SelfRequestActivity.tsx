import { ErrorAlert, Loading } from '@/components/ui';
import { formatDate, plural } from '@/lib/format';
import { useSelfRequestActivity } from '../api/self-request-activity';

/** What HR sees of self-started feedback: that it happened — how often, who started one and when. Never behaviours, raters, progress or reports. */
export function SelfRequestActivity() {
  const activity = useSelfRequestActivity();
  if (activity.isPending) return <Loading label="Loading…" />;
  if (activity.isError) return <ErrorAlert error={activity.error} title="Could not load the activity" />;
  const { total, running, people, items } = activity.data;
  return (
    <section aria-labelledby="self-request-activity" className="self-request-activity">
      <h3 id="self-request-activity">So far</h3>
      <p>
        {total === 0
          ? 'Nobody has asked for feedback on themselves yet.'
          : `${plural(total, 'request')} by ${plural(people, 'person', 'people')}; ${running} still collecting answers. What was asked, of whom and what came back is theirs alone.`}
      </p>
      {items.length > 0 && (
        <ul>
          {items.slice(0, 10).map((item) => (
            <li key={`${item.personId}:${item.startedAt}`}>
              {item.name}
              {item.department ? ` (${item.department})` : ''} — started {formatDate(item.startedAt)}
              {item.closedAt ? `, closed ${formatDate(item.closedAt)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
