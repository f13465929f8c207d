import type { PersonDto } from './person.dto';
import { personView } from './person-view';

const person: PersonDto = {
  id: '7f0c1f8e-2a1b-4c3d-9e8f-0a1b2c3d4e5f',
  email: 'hana@museum.example',
  name: 'Hana',
  title: 'Head of People',
  department: 'People',
  managerId: null,
  managerName: null,
  role: 'admin',
  directReportCount: 3,
  hasLogin: true,
  active: true,
  deactivatedAt: null,
  languageChoice: null,
};

describe('personView', () => {
  it('gives HR admins the whole person', () => {
    expect(personView({ role: 'admin' }, person)).toEqual(person);
  });

  it('gives members only what picking a rater needs', () => {
    const seen = personView({ role: 'member' }, person);
    expect(seen).toEqual({ id: person.id, name: 'Hana', title: 'Head of People', department: 'People' });
    expect(Object.keys(seen).sort()).toEqual(['department', 'id', 'name', 'title']);
  });
});
