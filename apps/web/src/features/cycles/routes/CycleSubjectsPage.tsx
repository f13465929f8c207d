import { useState } from 'react';
import { useParams } from 'react-router';
import { Card, EmptyState, ErrorAlert, Loading, Pagination, TextField, useToast } from '@/components/ui';
import { plural } from '@/lib/format';
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
        title={data ? `Subjects (${data.total})` : 'Subjects'}
        description={
          c.state === 'draft'
            ? 'Requests to managers, direct reports and the subject themself are created when you launch.'
            : 'Open a subject to see and change their raters.'
        }
      >
        {(c.subjectCount > 0 || search) && (
          <form className="filters filters--single" role="search" onSubmit={(e) => e.preventDefault()}>
            <TextField
              label="Search subjects"
              type="search"
              name="search"
              placeholder="Name, email or department"
              value={searchText}
              onChange={(e) => {
                setSearchText(e.target.value);
                setOffset(0);
              }}
            />
          </form>
        )}
        {subjects.isPending && <Loading label="Loading subjects…" />}
        {subjects.isError && <ErrorAlert error={subjects.error} title="Could not load subjects" />}
        {remove.isError && <ErrorAlert error={remove.error} title="Could not remove the subject" />}
        {data && data.items.length === 0 && (
          <EmptyState title={search ? 'Nobody matches' : 'No subjects yet'}>
            {search ? 'Try another name or department.' : 'Add people, a department or everyone above.'}
          </EmptyState>
        )}
        {data && data.items.length > 0 && (
          <>
            <SubjectsTable
              cycle={c}
              subjects={data.items}
              busy={subjects.isPlaceholderData}
              removingId={remove.isPending ? remove.variables?.personId : undefined}
              onRemove={(s) => remove.mutate(s, { onSuccess: () => toast.show(`Removed ${s.name} from the cycle`) })}
            />
            <Pagination noun="subjects" offset={data.query.offset ?? 0} limit={PAGE_SIZE} total={data.total} onChange={setOffset} />
          </>
        )}
      </Card>
      {data && data.total > 0 && c.state === 'draft' && (
        <p className="muted tab-panel__note">{plural(data.total, 'subject')} will be reviewed when you launch.</p>
      )}
    </div>
  );
}
