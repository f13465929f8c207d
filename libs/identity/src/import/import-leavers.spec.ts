import { ExistingPerson, planImport } from './import-plan';

const person = (email: string, overrides: Partial<ExistingPerson> = {}): ExistingPerson => ({
  id: `id-${email}`,
  email,
  name: email.split('@')[0],
  title: null,
  department: null,
  managerEmail: null,
  role: 'member',
  active: true,
  ...overrides,
});
const hr = person('hr@x.org', { role: 'admin' });
const importer = { importerId: hr.id };

describe('planImport: leavers and returning people', () => {
  it('reads the active column liberally and names the accepted values otherwise', () => {
    const existing = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => person(`${n}@x.org`));
    const csv = 'email,name,active\na@x.org,a,No\nb@x.org,b,0\nc@x.org,c,FALSE\nd@x.org,d,yes\ne@x.org,e,\nf@x.org,f,maybe\n';
    const plan = planImport(csv, [hr, ...existing, person('z@x.org')], importer);
    expect(plan.errors).toEqual([
      {
        line: 7,
        column: 'active',
        code: 'active_invalid',
        values: { value: 'maybe' },
        message: 'active must be true or false (yes/no and 1/0 work too; got "maybe")',
      },
    ]);
    expect(plan.leavers.map((l) => [l.email, l.line, l.reason])).toEqual([
      ['a@x.org', 2, 'file'],
      ['b@x.org', 3, 'file'],
      ['c@x.org', 4, 'file'],
    ]);
    expect(plan.returners).toEqual([]);
  });

  it('brings back someone who had left only when the file says active, and creates a new leaver as having left', () => {
    const gone = person('gone@x.org', { active: false });
    const still = person('still@x.org', { active: false });
    const plan = planImport('email,name,Status\ngone@x.org,Gone,active\nstill@x.org,Still,\nnew@x.org,New,inactive\n', [hr, gone, still], importer);
    expect(plan.errors).toEqual([]);
    expect(plan.returners).toEqual([{ id: gone.id, email: 'gone@x.org', name: 'Gone', line: 2 }]);
    expect(plan.leavers).toEqual([]);
    expect(plan.changes.map((c) => [c.email, c.action, c.active])).toEqual([
      ['gone@x.org', 'update', true],
      ['still@x.org', 'update', false],
      ['new@x.org', 'create', false],
    ]);
    expect(plan.people.find((p) => p.email === 'new@x.org')?.active).toBe(false);
  });

  it('with missingHaveLeft, everyone active not listed leaves; listed managers, people who already left and the importer stay', () => {
    const boss = person('boss@x.org');
    const ann = person('ann@x.org', { managerEmail: 'boss@x.org' });
    const bob = person('bob@x.org', { managerEmail: 'boss@x.org' });
    const old = person('old@x.org', { active: false });
    const plan = planImport('email,name,manager_email\nann@x.org,ann,boss@x.org\n', [hr, boss, ann, bob, old], { ...importer, missingHaveLeft: true });
    expect(plan.errors).toEqual([]);
    expect(plan.leavers).toEqual([
      { id: bob.id, email: 'bob@x.org', name: 'bob', line: null, reason: 'missing', directReports: 0, reportsMoveTo: { email: 'boss@x.org', name: 'boss' } },
    ]);
    expect(plan.importerKept).toBe(true);
    expect(plan.activePeople).toBe(4);
    expect(plan.confirmationRequired).toBe(false);
    // Off by default: the same file deactivates nobody.
    expect(planImport('email,name,manager_email\nann@x.org,ann,boss@x.org\n', [hr, boss, ann, bob, old], importer).leavers).toEqual([]);
  });

  it('asks for confirmation when more than half of the active people would leave', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => person(`${n}@x.org`));
    const half = planImport('email,name\na@x.org,a\nb@x.org,b\n', [hr, ...five], { ...importer, missingHaveLeft: true });
    expect([half.leavers.length, half.activePeople, half.confirmationRequired]).toEqual([3, 6, false]);
    const more = planImport('email,name\na@x.org,a\n', [hr, ...five], { ...importer, missingHaveLeft: true });
    expect([more.leavers.length, more.confirmationRequired]).toEqual([4, true]);
  });

  it('never lets the importer leave by their own file, nor the organisation lose its last active HR admin', () => {
    const own = planImport('email,name,active\nhr@x.org,HR,false\n', [hr], importer);
    expect(own.errors).toEqual([
      { line: 2, column: 'active', code: 'self_leaving', values: {}, message: expect.stringMatching(/cannot mark yourself as having left/) },
    ]);
    const other = person('hr2@x.org', { role: 'admin' });
    // The importer demotes themself and the other admin leaves: nobody active is HR any more.
    const last = planImport('email,name,role,active\nhr@x.org,HR,member,\nhr2@x.org,HR2,,false\n', [hr, other], importer);
    expect(last.errors.map((e) => e.message)).toEqual(['the import would leave the organisation without an HR admin']);
  });

  it('moves a leaver’s remaining reports to the first manager above who stays, managers leaving first', () => {
    // top → mid → low → worker; mid and low leave; worker is not in the file.
    const existing = [
      hr,
      person('top@x.org'),
      person('mid@x.org', { managerEmail: 'top@x.org' }),
      person('low@x.org', { managerEmail: 'mid@x.org' }),
      person('worker@x.org', { managerEmail: 'low@x.org' }),
      person('aide@x.org', { managerEmail: 'mid@x.org' }),
    ];
    const plan = planImport('email,name,active\nlow@x.org,low,no\nmid@x.org,mid,no\n', existing, importer);
    expect(plan.errors).toEqual([]);
    expect(plan.leavers.map((l) => [l.email, l.directReports, l.reportsMoveTo?.email])).toEqual([
      ['mid@x.org', 2, 'top@x.org'],
      ['low@x.org', 1, 'top@x.org'],
    ]);
  });

  it('replaces a manager who has left (or leaves in this file) by the one above, so re-importing the same file changes nothing', () => {
    const existing = [hr, person('boss@x.org'), person('lead@x.org', { managerEmail: 'boss@x.org' }), person('rep@x.org', { managerEmail: 'lead@x.org' })];
    const csv = 'email,name,manager_email,active\nlead@x.org,lead,boss@x.org,false\nrep@x.org,rep,lead@x.org,\n';
    const first = planImport(csv, existing, importer);
    expect(first.errors).toEqual([]);
    expect(first.people.find((p) => p.email === 'rep@x.org')?.managerEmail).toBe('boss@x.org');
    expect(first.leavers.map((l) => [l.email, l.directReports])).toEqual([['lead@x.org', 0]]);
    // The state once applied: lead has left, rep reports to boss.
    const after = [
      hr,
      person('boss@x.org'),
      person('lead@x.org', { managerEmail: 'boss@x.org', active: false }),
      person('rep@x.org', { managerEmail: 'boss@x.org' }),
    ];
    const again = planImport(csv, after, importer);
    expect(again.errors).toEqual([]);
    expect(again.leavers).toEqual([]);
    expect(again.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('counts a manager as present only when the file names them, not when it merely keeps a value', () => {
    const boss = person('boss@x.org');
    const ann = person('ann@x.org', { managerEmail: 'boss@x.org' });
    const kept = planImport('email,name\nann@x.org,ann\n', [hr, boss, ann], { ...importer, missingHaveLeft: true });
    expect(kept.leavers.map((l) => l.email)).toEqual(['boss@x.org']);
    const named = planImport('email,name,manager_email\nann@x.org,ann,boss@x.org\n', [hr, boss, ann], { ...importer, missingHaveLeft: true });
    expect(named.leavers).toEqual([]);
  });

  it('resolves a 10,000-deep chain of leavers (no recursion limit, every report moved to the first who stays)', () => {
    const existing = [hr, ...Array.from({ length: 10_000 }, (_, i) => person(`p${i}@x.org`, { managerEmail: i ? `p${i - 1}@x.org` : null }))];
    const rows = Array.from({ length: 10_000 }, (_, i) => `p${i}@x.org,P${i},${i ? `p${i - 1}@x.org` : ''},${i ? 'no' : 'yes'}`);
    const plan = planImport(`email,name,manager_email,active\n${rows.join('\n')}\n`, existing, importer);
    expect(plan.errors).toEqual([]);
    expect(plan.leavers).toHaveLength(9_999);
    expect(plan.people.every((p) => p.managerEmail === (p.email === 'p0@x.org' ? null : 'p0@x.org'))).toBe(true);
    expect(plan.confirmationRequired).toBe(true);
    // The same chain leaving because the file lists only its top: every leaver's reports go to p0.
    const missing = planImport('email,name\np0@x.org,P0\n', existing, { ...importer, missingHaveLeft: true });
    expect(missing.leavers).toHaveLength(9_999);
    expect(missing.leavers.every((l) => l.reportsMoveTo?.email === 'p0@x.org')).toBe(true);
    expect(missing.leavers[0].email).toBe('p1@x.org');
  });
});
