import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, PageHeader, Pagination, PeopleCombobox, SelectField, Table, TextField, type Column } from '@/components/ui';
import { useT, type MessageId } from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { useAuditActions } from '../api/list-audit-actions';
import { useAuditEvents, type AuditEvent, type AuditQuery } from '../api/list-audit-events';
import { useSearchActors } from '../api/search-actors';
import '../audit.css';
import { ACTION_WORDS, DETAIL_WORDS, TARGET_WORDS, wordOf } from '../audit-words';

const PAGE_SIZE = 50;

/** A detail's value in words: ids become the names the API resolved (within the organisation). */
function valueText(value: unknown, names: Record<string, string>): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v, names)).join(', ');
  if (typeof value === 'string') return names[value.toLowerCase()] ?? value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** A code in the reader's words, or as it is when the catalogue has none for it. */
function worded(t: ReturnType<typeof useT>, words: Record<string, MessageId>, code: string): string {
  const id = wordOf(words, code);
  return id ? t(id) : code;
}

function Details({ event }: { event: AuditEvent }) {
  const t = useT();
  const entries = Object.entries(event.details ?? {});
  if (!entries.length) return <span className="muted">—</span>;
  return (
    <dl className="kv">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{worded(t, DETAIL_WORDS, k)}</dt>
          <dd>{valueText(v, event.names)}</dd>
        </div>
      ))}
    </dl>
  );
}

const columnsOf = (t: ReturnType<typeof useT>): Column<AuditEvent>[] => [
  { key: 'when', header: t('audit.col.when'), cell: (e) => <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>, className: 'col-nowrap' },
  { key: 'who', header: t('audit.col.who'), cell: (e) => e.actorName ?? <span className="muted">{t('audit.system')}</span>, className: 'audit-who' },
  {
    key: 'action',
    header: t('audit.col.action'),
    cell: (e) => <span title={e.action}>{worded(t, ACTION_WORDS, e.action)}</span>,
  },
  {
    key: 'target',
    header: t('audit.col.target'),
    cell: (e) => (
      <span className="audit-target">
        <span className="muted">{worded(t, TARGET_WORDS, e.targetType)}</span>{' '}
        {e.targetName ?? (e.targetId ? <span className="muted mono">{e.targetId.slice(0, 8)}</span> : null)}
      </span>
    ),
  },
  { key: 'details', header: t('audit.col.details'), cell: (e) => <Details event={e} /> },
];

/** The filters as the URL holds them (shareable, kept on reload); the actor's name is for the box only. */
function filtersOf(params: URLSearchParams): AuditQuery & { actorName?: string } {
  const get = (key: string) => params.get(key) || undefined;
  return { actorId: get('actorId'), actorName: get('actorName'), action: get('action'), from: get('from'), to: get('to') };
}

/** Every admin action and report view, newest first: filter by who, what and when; download the selection as CSV. */
export default function AuditPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const { actorName, ...filters } = filtersOf(params);
  const events = useAuditEvents({ ...filters, limit: PAGE_SIZE, offset });
  const actions = useAuditActions();
  const [actorSearch, setActorSearch] = useState('');
  const actors = useSearchActors(actorSearch);
  const filtered = Object.values(filters).some(Boolean);

  /** Changes some filters and goes back to the first page. */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('offset');
    setParams(next);
  };
  const exportQuery = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const rangeError = filters.from && filters.to && filters.from > filters.to ? t('audit.endBeforeStart') : null;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          <a className="btn btn--secondary" href={`/api/audit-events.csv${exportQuery.size ? `?${exportQuery.toString()}` : ''}`} download>
            {filtered ? t('audit.downloadFiltered') : t('audit.download')}
          </a>
        }
      />
      <Card className="card--flush">
        <form className="filters audit-filters" role="search" aria-label={t('audit.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
          <PeopleCombobox
            label={t('audit.who')}
            placeholder={t('audit.anyone')}
            value={filters.actorId ? { id: filters.actorId, name: actorName ?? t('audit.chosenPerson') } : null}
            onChange={(person) => update({ actorId: person?.id, actorName: person?.name })}
            clearLabel={(person) => t('audit.showEveryone', { name: person.name })}
            onSearch={setActorSearch}
            options={(actors.data?.items ?? []).map((p) => ({ id: p.id, name: p.name, detail: [p.title, p.department].filter(Boolean).join(' · ') }))}
            searching={actors.isFetching}
          />
          <SelectField label={t('audit.what')} name="action" value={filters.action ?? ''} onChange={(e) => update({ action: e.target.value })}>
            <option value="">{t('audit.everyAction')}</option>
            {(actions.data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {worded(t, ACTION_WORDS, a)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('audit.from')}
            type="date"
            name="from"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(e) => update({ from: e.target.value })}
          />
          <TextField
            label={t('audit.to')}
            type="date"
            name="to"
            value={filters.to ?? ''}
            min={filters.from}
            error={rangeError}
            onChange={(e) => update({ to: e.target.value })}
          />
        </form>
        {filtered && (
          <p className="audit-filters__summary">
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => setParams({})}>
              {t('audit.clearFilters')}
            </button>
          </p>
        )}
        {events.isPending && <Loading label={t('audit.loading')} />}
        {events.isError && <ErrorAlert error={events.error} title={t('audit.loadFailed')} />}
        {events.data &&
          (events.data.items.length === 0 ? (
            <EmptyState title={filtered ? t('audit.noMatch') : t('audit.empty')}>{filtered ? t('audit.noMatchText') : t('audit.emptyText')}</EmptyState>
          ) : (
            <>
              <Table caption={t('audit.caption')} columns={columnsOf(t)} rows={events.data.items} rowKey={(e) => e.id} busy={events.isPlaceholderData} />
              <Pagination
                noun="events"
                offset={events.data.query.offset ?? 0}
                limit={PAGE_SIZE}
                total={events.data.total}
                onChange={(o) => {
                  const next = new URLSearchParams(params);
                  if (o) next.set('offset', String(o));
                  else next.delete('offset');
                  setParams(next);
                }}
              />
            </>
          ))}
      </Card>
    </>
  );
}
