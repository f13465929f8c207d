/**
 * Readers never count, whatever happens after close (domain/anonymity.ts, rule 6). Random cycles
 * are snapshotted as the snapshot service does (responsesInput → buildReport → anonymousRaterIds,
 * roles as they were at close); then roles change, the subject gets a new manager and the cycle
 * is released; then every person whom reportAccess lets open the report is checked: they gave
 * nothing the report counted as anonymous, and — the point of the rule — the exact leak checker
 * finds no combination of the shown numbers that, with their own ratings known, isolates fewer
 * than k raters. The checker is first shown to catch the rule's absence.
 */
import fc from 'fast-check';
import type { CycleOrigin, ManagerReportVisibility } from '@lib/cycles';
import { buildReport, ReportInput, ReportView } from '../domain';
import { findLinearLeak } from '../domain/testing/leak-checker';
import { readerKnowledge } from '../domain/testing/report-equations';
import { anonymousRaterIds, responsesInput } from '../snapshot/report-input';
import type { RaterVector } from '../snapshot/report-source.repository';
import { mayEverRead, reportAccess } from './report-access';

type Role = 'admin' | 'member';
type Relationship = RaterVector['relationship'] | null;

const K = 3;
const STATEMENTS = ['s1', 's2', 's3'];
const person = (i: number): string => `person-${i}`;

interface Scenario {
  /** HR's cycle, or one the subject started (self-started 360, pulse): then only they read. */
  origin: CycleOrigin;
  rolesAtClose: Role[];
  managerIndex: number | null;
  visibility: ManagerReportVisibility;
  showManagerSeparately: boolean;
  relationships: Relationship[];
  ratings: (number | null)[][];
  /** After close: roles now, the subject's manager today (people.manager_id), the state now. */
  rolesNow: Role[];
  managerToday: number | null;
  released: boolean;
  /**
   * Whom the subject shared the report with, after close (report_shares; read only in a cycle they
   * started). Raters among them too: the share rule refuses them up front, and the access decision
   * must hold on its own.
   */
  sharedWith: number[];
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .integer({ min: 4, max: 8 })
  .chain((n) =>
    fc.record({
      origin: fc.constantFrom<CycleOrigin>('hr', 'hr', 'self', 'pulse'),
      rolesAtClose: fc.array(fc.constantFrom<Role>('member', 'member', 'admin'), { minLength: n, maxLength: n }),
      managerIndex: fc.option(fc.integer({ min: 1, max: n - 1 }), { nil: null }),
      visibility: fc.constantFrom<ManagerReportVisibility>('on_close', 'on_release', 'never'),
      showManagerSeparately: fc.boolean(),
      relationships: fc.array(fc.constantFrom<Relationship>('peer', 'peer', 'direct_report', 'other', 'manager', null), { minLength: n, maxLength: n }),
      ratings: fc.array(
        fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 }), { minLength: STATEMENTS.length, maxLength: STATEMENTS.length }),
        {
          minLength: n,
          maxLength: n,
        },
      ),
      rolesNow: fc.array(fc.constantFrom<Role>('member', 'admin'), { minLength: n, maxLength: n }),
      managerToday: fc.option(fc.integer({ min: 1, max: n - 1 }), { nil: null }),
      released: fc.boolean(),
      sharedWith: fc.subarray(Array.from({ length: n - 1 }, (_, i) => i + 1)),
    }),
  )
  .map((s) => {
    // The subject (0) rates as self; the frozen manager as manager, when they rate.
    const relationships = s.relationships.map((r, i): Relationship => {
      if (i === 0) return r === null ? null : 'self';
      if (i === s.managerIndex) return r === null ? null : 'manager';
      return r;
    });
    return { ...s, relationships };
  });

interface Snapshot {
  input: ReportInput;
  report: ReportView;
  /** Response index → person index. */
  raterOf: number[];
  anonymousRaters: string[];
}

/** What the snapshot service does at close, with the roles of that moment. */
function snapshot(s: Scenario): Snapshot {
  const raterOf = s.relationships.flatMap((r, i) => (r === null ? [] : [i]));
  const vectors: RaterVector[] = raterOf.map((i) => ({
    requestId: `request-${i}`,
    subjectId: person(0),
    relationship: s.relationships[i]!,
    raterId: person(i),
    raterRole: s.rolesAtClose[i],
    ratings: s.ratings[i],
    comments: {},
  }));
  const managerId = s.managerIndex === null ? null : person(s.managerIndex);
  const responses = responsesInput(STATEMENTS, vectors, { origin: s.origin, subjectId: person(0), managerId, managerVisibility: s.visibility });
  const settings = { threshold: K, showManagerSeparately: s.showManagerSeparately };
  const input: ReportInput = {
    ...settings,
    behaviours: [
      {
        key: 'b1',
        name: 'B1',
        kind: 'influence',
        statements: [
          { id: 's1', text: 'S1' },
          { id: 's2', text: 'S2' },
        ],
      },
      { key: 'b2', name: 'B2', kind: 'management', statements: [{ id: 's3', text: 'S3' }] },
    ],
    openQuestions: [],
    responses,
  };
  return { input, report: buildReport(input), raterOf, anonymousRaters: anonymousRaterIds(vectors, responses, settings) };
}

/** Who may open the report now, by the one decision, with roles and state of now and the frozen chart. */
function readersNow(s: Scenario, snap: Snapshot, anonymousRaters: readonly string[]): number[] {
  const parties = {
    cycleState: s.released ? ('released' as const) : ('closed' as const),
    origin: s.origin,
    subjectId: person(0),
    // The chart frozen at launch, as cycle_subjects keeps it: today's manager is not asked.
    managerId: s.managerIndex === null ? null : person(s.managerIndex),
    managerVisibility: s.visibility,
    anonymousRaters,
    sharedWith: s.sharedWith.map(person),
  };
  return s.rolesNow.flatMap((role, i) => (reportAccess({ personId: person(i), role }, parties).allowed ? [i] : []));
}

/** A leak the reader could compute: the identified ratings and their own are known to them. */
function leakFor(snap: Snapshot, reader: number) {
  const { equations, identified } = readerKnowledge(snap.input, snap.report);
  const own = snap.raterOf.flatMap((p, r) => (p === reader ? [r] : []));
  return findLinearLeak(equations, new Set([...identified, ...own]), K);
}

describe('readers never count (property)', () => {
  it('the leak checker finds the issue: without the stored set, a peer made HR after close subtracts their rating', () => {
    // Subject 0, peers 1–3 (members at close); k = 3; peer 1 becomes HR after release.
    const s: Scenario = {
      origin: 'hr',
      rolesAtClose: ['member', 'member', 'member', 'member'],
      managerIndex: null,
      visibility: 'on_release',
      showManagerSeparately: true,
      relationships: [null, 'peer', 'peer', 'peer'],
      ratings: [STATEMENTS.map(() => null), [5, 5, 5], [4, 4, 4], [3, 3, 3]],
      rolesNow: ['member', 'admin', 'member', 'member'],
      managerToday: null,
      released: true,
      sharedWith: [],
    };
    const snap = snapshot(s);
    expect(snap.anonymousRaters).toEqual([person(1), person(2), person(3)]);
    expect(readersNow(s, snap, [])).toEqual([0, 1]);
    expect(leakFor(snap, 1)).not.toBeNull();
    // With the set the snapshot stored, only the subject reads.
    expect(readersNow(s, snap, snap.anonymousRaters)).toEqual([0]);
  });

  it('every reader who can open a report, after any role and org-chart change, contributed nothing anonymous and can isolate nobody', () => {
    let readersWhoRated = 0;
    let refusedByTheRule = 0;
    let sharedReaders = 0;
    fc.assert(
      fc.property(scenarioArbitrary, (s) => {
        const snap = snapshot(s);
        const { anonymous } = readerKnowledge(snap.input, snap.report);
        // Independent of the stored set: the raters the report counted, rebuilt from the input.
        const contributedAnonymously = new Set([...anonymous].map((r) => snap.raterOf[r]));
        expect(new Set(snap.anonymousRaters)).toEqual(new Set([...contributedAnonymously].map(person)));
        const readers = readersNow(s, snap, snap.anonymousRaters);
        // A cycle the subject started is theirs alone: no HR admin, no manager, ever — only whom they shared it with.
        if (s.origin !== 'hr') expect(readers.filter((i) => i !== 0 && !s.sharedWith.includes(i))).toEqual([]);
        // In HR's cycles a share means nothing.
        if (s.origin === 'hr') expect(readersNow({ ...s, sharedWith: [] }, snap, snap.anonymousRaters)).toEqual(readers);
        if (s.origin !== 'hr') sharedReaders += readers.filter((i) => i !== 0).length;
        for (const reader of readers) {
          expect({ reader, contributedAnonymously: contributedAnonymously.has(reader) }).toEqual({ reader, contributedAnonymously: false });
          if (snap.raterOf.includes(reader)) readersWhoRated++;
          expect({ reader, leak: leakFor(snap, reader) }).toEqual({ reader, leak: null });
        }
        // Today's manager, unless frozen at launch, never reads as manager (only as someone the subject shared with).
        const sharedWithToday = s.origin !== 'hr' && s.managerToday !== null && s.sharedWith.includes(s.managerToday);
        if (s.managerToday !== null && s.managerToday !== s.managerIndex && s.rolesNow[s.managerToday] === 'member' && !sharedWithToday) {
          expect(readers).not.toContain(s.managerToday);
        }
        // Not vacuous: whoever role and frozen chart let in and the report did not count, reads.
        const lettedIn = readersNow(s, snap, []);
        for (const i of lettedIn) if (!contributedAnonymously.has(i)) expect(readers).toContain(i);
        refusedByTheRule += lettedIn.filter((i) => !readers.includes(i)).length;
      }),
      { numRuns: 400 },
    );
    // The interesting cases are common: raters who read (counted as readers at close), and readers refused by the rule.
    expect(readersWhoRated).toBeGreaterThan(100);
    expect(refusedByTheRule).toBeGreaterThan(100);
    expect(sharedReaders).toBeGreaterThan(20);
  });

  it('mayEverRead, asked at close, and reportAccess, asked later, agree when nothing changed', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (s) => {
        const snap = snapshot(s);
        // Nothing changed since close: no share made either (shares come after close, never counted at it).
        const unchanged = { ...s, rolesNow: s.rolesAtClose, sharedWith: [] };
        const managerId = s.managerIndex === null ? null : person(s.managerIndex);
        const everRead = s.rolesAtClose.flatMap((role, i) =>
          mayEverRead({ personId: person(i), role }, { origin: s.origin, subjectId: person(0), managerId, managerVisibility: s.visibility }) ? [i] : [],
        );
        const released = readersNow({ ...unchanged, released: true }, snap, snap.anonymousRaters);
        const closed = readersNow({ ...unchanged, released: false }, snap, snap.anonymousRaters);
        // With roles as at close, the rule refuses nobody whom the role and chart let in.
        expect([...new Set([...released, ...closed])].sort()).toEqual(everRead.sort());
      }),
      { numRuns: 200 },
    );
  });
});
