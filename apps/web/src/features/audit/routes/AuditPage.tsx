import { useSearchParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, PageHeader, Pagination, Table, type Column } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useAuditEvents, type AuditEvent } from '../api/list-audit-events';

const PAGE_SIZE = 50;

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details ?? {});
  if (!entries.length) return <span className="muted">—</span>;
  return (
    <dl className="kv">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

const columns: Column<AuditEvent>[] = [
  { key: 'when', header: 'When', cell: (e) => <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>, className: 'col-nowrap' },
  { key: 'who', header: 'Who', cell: (e) => e.actorName ?? <span className="muted">System</span>, className: 'col-nowrap' },
  { key: 'action', header: 'Action', cell: (e) => <code className="code-inline">{e.action}</code> },
  {
    key: 'target',
    header: 'Target',
    cell: (e) => (
      <span>
        {e.targetType}
        {e.targetId && <span className="muted mono"> {e.targetId.slice(0, 8)}</span>}
      </span>
    ),
  },
  { key: 'details', header: 'Details', cell: (e) => <Details details={e.details} /> },
];

/** Every admin action and report view, newest first. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const events = useAuditEvents({ limit: PAGE_SIZE, offset });
  return (
    <>
      <PageHeader title="Audit trail" description="Who did what, and when: every admin action and every report viewed in your organisation." />
      {events.isPending && <Loading label="Loading the audit trail…" />}
      {events.isError && <ErrorAlert error={events.error} title="Could not load the audit trail" />}
      {events.data && (
        <Card className="card--flush">
          {events.data.items.length === 0 ? (
            <EmptyState title="Nothing recorded yet">Admin actions will be listed here.</EmptyState>
          ) : (
            <>
              <Table caption="Audit events" columns={columns} rows={events.data.items} rowKey={(e) => e.id} busy={events.isPlaceholderData} />
              <Pagination
                noun="events"
                offset={events.data.query.offset ?? 0}
                limit={PAGE_SIZE}
                total={events.data.total}
                onChange={(o) => setParams(o ? { offset: String(o) } : {})}
              />
            </>
          )}
        </Card>
      )}
    </>
  );
}
