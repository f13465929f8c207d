import { ExistingPerson, planImport } from './import-plan';

const admin: ExistingPerson = { id: '1', email: 'hr@x.org', name: 'HR', title: null, department: 'People', managerEmail: null, role: 'admin', active: true };

describe('planImport', () => {
  it('plans creations and updates with field-level diffs', () => {
    const csv = 'email,name,title,department,manager_email,role\nhr@x.org,HR Lead,,People,,admin\nana@x.org,Ana,Curator,Collections,hr@x.org,\n';
    const plan = planImport(csv, [admin]);
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toEqual([
      { line: 2, email: 'hr@x.org', name: 'HR Lead', action: 'update', fields: [{ field: 'name', from: 'HR', to: 'HR Lead' }], active: true },
      { line: 3, email: 'ana@x.org', name: 'Ana', action: 'create', fields: [], active: true },
    ]);
    expect(plan.people[1]).toMatchObject({ role: 'member', managerEmail: 'hr@x.org' });
  });

  it('accepts header aliases and keeps values of absent columns', () => {
    const plan = planImport('E-mail,Full name\nHR@X.org,HR\n', [{ ...admin, title: 'Head' }]);
    expect(plan.errors).toEqual([]);
    expect(plan.changes[0].action).toBe('unchanged');
    expect(plan.people[0].title).toBe('Head');
  });

  it('reports broken quoting with its line', () => {
    const plan = planImport('email,name\na@x.org,"Ana\nb@x.org,Bo\n', []);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0].message).toMatch(/quote/);
  });

  it('reports missing and unknown columns', () => {
    expect(planImport('email,shoe size\na@x.org,9\n', []).errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/unknown column "shoe size"/),
      expect.stringMatching(/missing required column "name"/),
    ]);
  });

  it('reports duplicate emails, invalid values and unknown managers by line and column', () => {
    const csv = 'email,name,manager_email,role\na@x.org,Ana,boss@x.org,\na@x.org,Ana again,,\nnot-an-email,Bo,,\nc@x.org,,,\nd@x.org,Di,,owner\n';
    const plan = planImport(csv, [admin]);
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: 'manager_email',
        code: 'unknown_manager',
        values: { email: 'boss@x.org' },
        message: expect.stringMatching(/unknown manager boss@x.org/),
      },
      {
        line: 3,
        column: 'email',
        code: 'email_duplicate',
        values: { email: 'a@x.org', firstLine: 2 },
        message: expect.stringMatching(/duplicate email a@x.org \(first on line 2\)/),
      },
      { line: 4, column: 'email', code: 'email_invalid', values: { email: expect.any(String) }, message: expect.stringMatching(/not a valid email/) },
      { line: 5, column: 'name', code: 'name_required', values: {}, message: 'name is required' },
      { line: 6, column: 'role', code: 'role_invalid', values: { role: expect.any(String) }, message: expect.stringMatching(/admin" or "member/) },
    ]);
  });

  it('refuses control characters such as NUL by line and column, and keeps tabs', () => {
    const plan = planImport('email,name,title\na@x.org,A\u0000na,\nb@x.org,Bo,"Head\tof\u0007 Learning"\nc@x.org,"Cy\tCurator",\n', [admin]);
    expect(plan.errors).toEqual([
      { line: 2, column: 'name', code: 'control_character', values: { column: 'name' }, message: 'name must not contain control characters such as NUL' },
      { line: 3, column: 'title', code: 'control_character', values: { column: 'title' }, message: 'title must not contain control characters such as NUL' },
    ]);
    expect(plan.people.map((p) => p.email)).toEqual(['c@x.org']);
  });

  it('detects manager loops across the file and the existing org chart', () => {
    const existing: ExistingPerson[] = [admin, { ...admin, id: '2', email: 'b@x.org', name: 'B', role: 'member', managerEmail: 'a@x.org' }];
    const plan = planImport('email,name,manager_email\na@x.org,A,c@x.org\nc@x.org,C,b@x.org\n', existing);
    expect(plan.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(plan.errors[0].message).toBe('manager loop: a@x.org → c@x.org → b@x.org → a@x.org');
  });

  it('checks a 10,000-deep reporting chain quickly (linear walk)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `p${i}@x.org,P${i},${i ? `p${i - 1}@x.org` : ''}`);
    const plan = planImport(`email,name,manager_email\n${rows.join('\n')}\n`, []);
    expect(plan.errors).toEqual([]);
    const loop = planImport(`email,name,manager_email\n${rows.join('\n').replace('p0@x.org,P0,', 'p0@x.org,P0,p9999@x.org')}\n`, []);
    expect(loop.errors).toHaveLength(10_000);
  });

  it('names a long loop by its first steps and its size, so that each line’s message stays short', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `p${i}@x.org,P${i},p${(i + 11) % 12}@x.org`);
    const plan = planImport(`email,name,manager_email\n${rows.join('\n')}\n`, []);
    expect(plan.errors).toHaveLength(12);
    expect(plan.errors[0].message).toBe(
      'manager loop of 12 people: p0@x.org → p11@x.org → p10@x.org → p9@x.org → p8@x.org → p7@x.org → p6@x.org → p5@x.org → p4@x.org → p3@x.org → … → p0@x.org',
    );
  });

  it('refuses to remove the last HR admin', () => {
    expect(planImport('email,name,role\nhr@x.org,HR,member\n', [admin]).errors[0].message).toMatch(/without an HR admin/);
  });
});
