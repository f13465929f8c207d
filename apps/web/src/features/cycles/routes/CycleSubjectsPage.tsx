import { useState } from 'react';
import { useParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, Pagination, TextField, useToast } from '@/components/ui';
import { useT } from '@/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useCycle } from '../api/get-cycle';
import { useSubjects } from '../api/list-subjects';
import { useRemoveSubject } from '../api/remove-subject';
import { AddSubjects } from '../components/AddSubjects';
import { SubjectsTable } from '../components/SubjectsTable';

const PAGE_SIZE = 50;
const ADDABLE = ['draft', 'nominating'];

/** The cycle's subjects tab: add people (draft and nominating), search and page through them, remove in draft. */
export default function CycleSubjectsPage() {
  const t = useT();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const [searchText, setSearchText] = useState('');
  const [offset, setOffset] = useState(0);
  const search = useDebouncedValue(searchText.trim(), 250);
  const subjects = useSubjects(cycleId, { search: search || undefined, limit: PAGE_SIZE, offset });
  const remove = useRemoveSubject(cycleId);
  const toast = useToast();

  if (!cycle.data) return null; // the layout shows loading and errors
  const c = cycle.data;
  const data = subjects.data;

  return (
    <div className="tab-panel">
      {ADDABLE.includes(c.state) && <AddSubjects cycle={c} />}
      <Card
        className="card--flush"
        title={data ? t('cycles.subjects.titleCount', { count: data.total }) : t('cycles.subjects.title')}
        description={c.state === 'draft' ? t('cycles.subjects.draftText') : t('cycles.subjects.runningText')}
      >
        {(c.subjectCount > 0 || search) && (
          <form className="filters filters--single" role="search" onSubmit={(e) => e.preventDefault()}>
            <TextField
              label={t('cycles.subjects.search')}
              type="search"
              name="search"
              placeholder={t('cycles.subjects.searchPlaceholder')}
              value={searchText}
              onChange={(e) => {
                setSearchText(e.target.value);
                setOffset(0);
              }}
            />
          </form>
        )}
        {subjects.isPending && <Loading label={t('cycles.subjects.loading')} />}
        {subjects.isError && <ErrorAlert error={subjects.error} title={t('cycles.subjects.loadFailed')} />}
        {remove.isError && <ErrorAlert error={remove.error} title={t('cycles.subjects.removeFailed')} />}
        {data && data.items.length === 0 && (
          <EmptyState title={search ? t('cycles.subjects.nobodyMatches') : t('cycles.subjects.none')}>
            {search ? t('cycles.subjects.tryAnother') : t('cycles.subjects.addAbove')}
          </EmptyState>
        )}
        {data && data.items.length > 0 && (
          <>
            <SubjectsTable
              cycle={c}
              subjects={data.items}
              busy={subjects.isPlaceholderData}
              removingId={remove.isPending ? remove.variables?.personId : undefined}
              onRemove={(s) => remove.mutate(s, { onSuccess: () => toast.show(t('cycles.subjects.removed', { name: s.name })) })}
            />
            <Pagination noun="subjects" offset={data.query.offset ?? 0} limit={PAGE_SIZE} total={data.total} onChange={setOffset} />
          </>
        )}
      </Card>
      {data && data.total > 0 && c.state === 'draft' && <p className="muted tab-panel__note">{t('cycles.subjects.reviewedAtLaunch', { count: data.total })}</p>}
    </div>
  );
}
