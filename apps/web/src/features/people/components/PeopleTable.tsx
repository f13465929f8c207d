import { Link } from 'react-router';
import { Badge, Table, type Column } from '@/components/ui';
import type { Person } from '../api/list-people';

function NameCell({ person }: { person: Person }) {
  return (
    <div className="person-cell">
      <Link to={`/people/${person.id}`} className="person-cell__name">
        {person.name}
      </Link>
      <span className="person-cell__email">{person.email}</span>
    </div>
  );
}

const dash = <span className="muted">—</span>;

/** The directory. HR also sees role, whether the person can sign in, and an edit link. */
export function PeopleTable({ people, admin, busy }: { people: Person[]; admin: boolean; busy?: boolean }) {
  const columns: Column<Person>[] = [
    { key: 'name', header: 'Name', cell: (p) => <NameCell person={p} />, className: 'col-name' },
    { key: 'title', header: 'Title', cell: (p) => p.title ?? dash },
    { key: 'department', header: 'Department', cell: (p) => p.department ?? dash },
    { key: 'manager', header: 'Manager', cell: (p) => (p.managerId ? <Link to={`/people/${p.managerId}`}>{p.managerName}</Link> : dash) },
  ];
  if (admin) {
    columns.push(
      { key: 'role', header: 'Role', cell: (p) => (p.role === 'admin' ? <Badge tone="accent">HR admin</Badge> : <span className="muted">Member</span>) },
      {
        key: 'login',
        header: 'Sign-in',
        cell: (p) =>
          p.hasLogin ? (
            <Badge tone="success" icon="✓">
              Has a login
            </Badge>
          ) : (
            <Badge tone="warning" icon="–">
              Not set up
            </Badge>
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
