import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge, Table, type Column } from '@/components/ui';
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
  const columns: Column<PersonView>[] = [
    { key: 'name', header: 'Name', cell: (p) => <NameCell person={p} />, className: 'col-name' },
    { key: 'title', header: 'Title', cell: (p) => p.title ?? dash },
    { key: 'department', header: 'Department', cell: (p) => p.department ?? dash },
  ];
  if (admin) {
    columns.push(
      { key: 'manager', header: 'Manager', cell: hrCell((p) => (p.managerId ? <Link to={`/people/${p.managerId}`}>{p.managerName}</Link> : dash)) },
      {
        key: 'role',
        header: 'Role',
        cell: hrCell((p) => (p.role === 'admin' ? <Badge tone="accent">HR admin</Badge> : <span className="muted">Member</span>)),
      },
      {
        key: 'login',
        header: 'Sign-in',
        cell: hrCell((p) =>
          !p.active ? (
            <Badge tone="neutral" icon="⏏">
              Left
            </Badge>
          ) : p.hasLogin ? (
            <Badge tone="success" icon="✓">
              Has a login
            </Badge>
          ) : (
            <Badge tone="warning" icon="–">
              Not set up
            </Badge>
          ),
        ),
      },
      {
        key: 'actions',
        header: <span className="visually-hidden">Actions</span>,
        label: '',
        className: 'col-actions',
        align: 'end',
        cell: (p) => (
          <Link to={`/people/${p.id}`} className="btn btn--ghost btn--sm">
            Edit<span className="visually-hidden"> {p.name}</span>
          </Link>
        ),
      },
    );
  }
  return <Table caption="People" columns={columns} rows={people} rowKey={(p) => p.id} busy={busy} />;
}
