import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { Badge, Table, type Column } from '@/components/ui';
import { useT } from '@/i18n';
import { isFullPerson, type Person, type PersonView } from '../api/list-people';

function NameCell({ person }: { person: PersonView }) {
  return (
    <div className="person-cell">
      <Link to={`/people/${person.id}`} className="person-cell__name">
        {person.name}
      </Link>
      {isFullPerson(person) && <span className="person-cell__email">{person.email}</span>}
    </div>
  );
}

const dash = <span className="muted">—</span>;

/** HR's columns: only rows in HR's view carry them (members get a summary of each colleague). */
const hrCell =
  (cell: (person: Person) => ReactNode) =>
  (person: PersonView): ReactNode =>
    isFullPerson(person) ? cell(person) : dash;

/** The directory: name, title, department. HR also sees email, manager, role, sign-in and an edit link. */
export function PeopleTable({ people, admin, busy }: { people: PersonView[]; admin: boolean; busy?: boolean }) {
  const t = useT();
  const columns: Column<PersonView>[] = [
    { key: 'name', header: t('people.table.name'), cell: (p) => <NameCell person={p} />, className: 'col-name' },
    { key: 'title', header: t('people.table.title'), cell: (p) => p.title ?? dash },
    { key: 'department', header: t('people.department'), cell: (p) => p.department ?? dash },
  ];
  if (admin) {
    columns.push(
      { key: 'manager', header: t('person.manager'), cell: hrCell((p) => (p.managerId ? <Link to={`/people/${p.managerId}`}>{p.managerName}</Link> : dash)) },
      {
        key: 'role',
        header: t('people.table.role'),
        cell: hrCell((p) =>
          p.role === 'admin' ? <Badge tone="accent">{t('people.role.admin')}</Badge> : <span className="muted">{t('people.role.member')}</span>,
        ),
      },
      {
        key: 'login',
        header: t('people.table.signIn'),
        cell: hrCell((p) =>
          !p.active ? (
            <Badge tone="neutral" icon="⏏">
              {t('people.login.left')}
            </Badge>
          ) : p.hasLogin ? (
            <Badge tone="success" icon="✓">
              {t('people.login.has')}
            </Badge>
          ) : (
            <Badge tone="warning" icon="–">
              {t('people.login.notSetUp')}
            </Badge>
          ),
        ),
      },
      {
        key: 'actions',
        header: <span className="visually-hidden">{t('people.table.actions')}</span>,
        label: '',
        className: 'col-actions',
        align: 'end',
        cell: (p) => (
          <Link to={`/people/${p.id}`} className="btn btn--ghost btn--sm">
            <FormattedMessage id="people.table.edit" values={{ name: p.name, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }} />
          </Link>
        ),
      },
    );
  }
  return <Table caption={t('people.table.caption')} columns={columns} rows={people} rowKey={(p) => p.id} busy={busy} />;
}
