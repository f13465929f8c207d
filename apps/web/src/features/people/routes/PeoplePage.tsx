import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ButtonLink, Card, EmptyState, ErrorAlert, Loading, PageHeader, Pagination, SelectField, TextField } from '@/components/ui';
import { isAdmin, useSignedInUser } from '@/lib/auth';
import { useT } from '@/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDepartments } from '../api/list-departments';
import { useListPeople } from '../api/list-people';
import { PeopleTable } from '../components/PeopleTable';

const PAGE_SIZE = 25;

/** The directory; search, department and page live in the URL so a view can be shared or reloaded. */
export default function PeoplePage() {
  const me = useSignedInUser();
  const admin = isAdmin(me);
  const t = useT();
  const [params, setParams] = useSearchParams();
  const department = params.get('department') ?? '';
  const statusParam = params.get('status');
  const status: 'active' | 'left' | 'all' = statusParam === 'left' || statusParam === 'all' ? statusParam : 'active';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [searchText, setSearchText] = useState(params.get('search') ?? '');
  const search = useDebouncedValue(searchText.trim(), 250);

  const update = (changes: Record<string, string | number | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '' || value === 0) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (search !== (params.get('search') ?? '')) update({ search, offset: null });
    // Only when the debounced text settles; the department and page keep their own values.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params and update change on every navigation; only the settled search text should trigger this
  }, [search]);

  const query = {
    search: params.get('search') || undefined,
    department: department || undefined,
    ...(admin && status !== 'active' ? { status } : {}),
    limit: PAGE_SIZE,
    offset,
  };
  const people = useListPeople(query);
  const departments = useDepartments();
  const filtered = Boolean(query.search || query.department || query.status);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={
          people.data
            ? filtered
              ? t('people.countMatching', { count: people.data.total })
              : t('people.count', { count: people.data.total })
            : t('people.everyone')
        }
        actions={
          admin && (
            <>
              <ButtonLink to="/people/import" variant="secondary">
                {t('people.importCsv')}
              </ButtonLink>
              <ButtonLink to="/people/new" variant="primary">
                {t('people.add')}
              </ButtonLink>
            </>
          )
        }
      />
      <Card className="card--flush">
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <TextField
            className="filters__search"
            label={t('people.search')}
            type="search"
            name="search"
            placeholder={admin ? t('people.searchPlaceholderHr') : t('people.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
          <SelectField
            className="filters__department"
            label={t('people.department')}
            name="department"
            value={department}
            onChange={(e) => update({ department: e.target.value, offset: null })}
          >
            <option value="">{t('people.allDepartments')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </SelectField>
          {admin && (
            <SelectField
              className="filters__status"
              label={t('people.status')}
              name="status"
              value={status}
              onChange={(e) => update({ status: e.target.value === 'active' ? null : e.target.value, offset: null })}
            >
              <option value="active">{t('people.status.active')}</option>
              <option value="left">{t('people.status.left')}</option>
              <option value="all">{t('people.status.all')}</option>
            </SelectField>
          )}
        </form>
        {people.isPending && <Loading label={t('people.loading')} />}
        {people.isError && <ErrorAlert error={people.error} title={t('people.loadFailed')} />}
        {people.data && people.data.items.length === 0 && (
          <EmptyState
            title={filtered ? t('people.noMatch') : t('people.empty')}
            action={
              filtered ? (
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={() => {
                    setSearchText('');
                    update({ search: null, department: null, status: null, offset: null });
                  }}
                >
                  {t('people.clearFilters')}
                </button>
              ) : (
                admin && <ButtonLink to="/people/import">{t('people.importFromCsv')}</ButtonLink>
              )
            }
          >
            {filtered ? t('people.noMatchText') : t('people.emptyText')}
          </EmptyState>
        )}
        {people.data && people.data.items.length > 0 && (
          <>
            <PeopleTable people={people.data.items} admin={admin} busy={people.isPlaceholderData} />
            <Pagination
              noun="people"
              offset={people.data.query.offset ?? 0}
              limit={PAGE_SIZE}
              total={people.data.total}
              onChange={(o) => update({ offset: o })}
            />
          </>
        )}
      </Card>
    </>
  );
}
