/**
 * Turns a built report back into what a reader learns from it: one linear equation per shown
 * number, written over the individual raters' answers. The basis of each number is rebuilt here
 * from the raw input and the report's own column definitions, and the report's mean, n and
 * spread are checked against it, so a report cannot pass by misdescribing what it shows.
 */
import { BehaviourKind, COLUMN_KEYS, Cell, ColumnKey, ReportInput, ReportView } from '../report-types';
import { Equation, unknown } from './leak-checker';
import { lcm } from './exact-linear-algebra';

export interface ReaderKnowledge {
  equations: Equation[];
  /** Raters whose ratings every reader knows: self, and the manager when shown separately. */
  identified: Set<number>;
  /**
   * Raters who may read the report themselves (`raterMayRead`: HR admins, a manager the cycle
   * lets read), so some reader knows their ratings. Never in `identified`.
   */
  readers: Set<number>;
  /** Raters no possible reader knows: neither identified nor readers. */
  anonymous: Set<number>;
  /** Raters of a report column (`all_others` = every non-self rater). */
  membersOf: (column: ColumnKey) => number[];
}

type Answer = { rater: number; statement: string; rating: number };

export function readerKnowledge(input: ReportInput, report: ReportView): ReaderKnowledge {
  const columnOf = (rater: number): ColumnKey => {
    const group = input.responses[rater].raterGroup;
    if (group === 'self') return 'self';
    const owners = report.columns.filter((c) => c.key !== 'all_others' && c.groups.includes(group));
    if (owners.length !== 1) throw new Error(`group ${group} must feed exactly one column, feeds ${owners.length}`);
    return owners[0].key;
  };
  const membersOf = (column: ColumnKey): number[] =>
    input.responses.flatMap((r, i) => ((column === 'all_others' ? r.raterGroup !== 'self' : columnOf(i) === column) ? [i] : []));
  // Rebuilt from the raw input rather than asked of anonymity.ts, so the test cannot inherit its mistakes.
  const identified = new Set(
    input.responses.flatMap((r, i) => (r.raterGroup === 'self' || (r.raterGroup === 'manager' && input.showManagerSeparately) ? [i] : [])),
  );
  const readers = new Set(input.responses.flatMap((r, i) => (r.raterMayRead === true && !identified.has(i) ? [i] : [])));
  const anonymous = new Set(input.responses.flatMap((_, i) => (identified.has(i) || readers.has(i) ? [] : [i])));
  const answersOf = (column: ColumnKey, statements: readonly string[]): Answer[] =>
    membersOf(column).flatMap((rater) =>
      statements.flatMap((statement) => {
        const rating = input.responses[rater].answers[statement];
        return rating === null || rating === undefined ? [] : [{ rater, statement, rating }];
      }),
    );

  // The columns' own claims, counted from the input: a shown non-identified column stands on
  // ≥ k people whom no reader knows.
  for (const c of report.columns) {
    const members = membersOf(c.key).length;
    if (c.shown && c.respondents !== members) throw new Error(`column ${c.key} claims ${c.respondents} respondents, has ${members}`);
    const anonymousMembers = membersOf(c.key).filter((r) => anonymous.has(r)).length;
    if (c.shown && !c.identified && anonymousMembers < input.threshold)
      throw new Error(`column ${c.key} is shown with ${anonymousMembers} anonymous respondents`);
  }

  const equations: Equation[] = [];
  const indicator = (label: string, answers: Answer[]): void =>
    void equations.push({ label, coefficients: new Map(answers.map((a) => [unknown(a.rater, a.statement), 1n])) });

  for (const column of COLUMN_KEYS) {
    const byKind: Record<BehaviourKind, { answers: Answer[]; mean: number }[]> = { influence: [], management: [] };
    for (const behaviour of report.behaviours) {
      const included: string[] = [];
      for (const statement of behaviour.statements) {
        const cell = statement.cells[column];
        if (!cell.shown) continue;
        const answers = answersOf(column, [statement.id]);
        expectMatches(cell, answers, `statement ${statement.id} / ${column}`);
        indicator(`statement ${statement.id} / ${column}`, answers);
        included.push(statement.id);
      }
      const cell = behaviour.cells[column];
      if (!cell.shown) continue;
      // The documented rule: a behaviour pools exactly the statements shown in its column.
      const answers = answersOf(column, included);
      expectMatches(cell, answers, `behaviour ${behaviour.key} / ${column}`);
      indicator(`behaviour ${behaviour.key} / ${column}`, answers);
      byKind[behaviour.kind].push({ answers, mean: cell.mean });
    }
    for (const kind of ['influence', 'management'] as const) {
      const cell = report.indices[kind][column];
      if (!cell.shown) continue;
      const parts = byKind[kind];
      if (parts.length === 0) throw new Error(`${kind} index / ${column} is shown without a shown behaviour`);
      const all = parts.flatMap((p) => p.answers);
      expectMatches({ ...cell, mean: mean(all) }, all, `${kind} index / ${column}`);
      expectClose(cell.mean, parts.reduce((s, p) => s + p.mean, 0) / parts.length, `${kind} index / ${column} mean`);
      // Mean of behaviour means = Σ_b (1/|B|)(1/A_b)·Σ answers of b: scaled by lcm(A_b) to integers.
      const scale = parts.reduce((l, p) => lcm(l, BigInt(p.answers.length)), 1n);
      const coefficients = new Map<string, bigint>();
      for (const p of parts) for (const a of p.answers) coefficients.set(unknown(a.rater, a.statement), scale / BigInt(p.answers.length));
      equations.push({ label: `${kind} index / ${column}`, coefficients });
      indicator(`${kind} index / ${column} (spread)`, all);
    }
  }
  return { equations, identified, readers, anonymous, membersOf };
}

function mean(answers: Answer[]): number {
  return answers.reduce((s, a) => s + a.rating, 0) / answers.length;
}

function expectMatches(cell: Cell, answers: Answer[], label: string): void {
  if (!cell.shown) return;
  if (answers.length === 0) throw new Error(`${label}: shown with no answers behind it`);
  const raters = new Set(answers.map((a) => a.rater)).size;
  if (cell.n !== raters) throw new Error(`${label}: n = ${cell.n}, but ${raters} raters answered`);
  const m = mean(answers);
  expectClose(cell.mean, m, `${label} mean`);
  const sd = Math.sqrt(answers.reduce((s, a) => s + (a.rating - m) ** 2, 0) / answers.length);
  expectClose(cell.spread, sd, `${label} spread`);
}

function expectClose(actual: number, expected: number, label: string): void {
  if (Math.abs(actual - expected) > 1e-9) throw new Error(`${label}: ${actual} ≠ ${expected}`);
}

/** Every derived headline must repeat a shown number, never compute a new one. */
export function assertDerivedNumbersRepeatShownCells(report: ReportView): void {
  const statements = new Map(report.behaviours.flatMap((b) => b.statements.map((s) => [s.id, s] as const)));
  const shownMean = (cell: Cell | undefined): number | null => (cell?.shown ? cell.mean : null);
  const fail = (what: string): never => {
    throw new Error(`${what} does not repeat a shown number`);
  };
  for (const gap of [...report.blindSpots, ...report.hiddenStrengths]) {
    const s = statements.get(gap.statementId);
    if (shownMean(s?.cells.self) !== gap.self || shownMean(s?.cells.all_others) !== gap.others) fail(`gap ${gap.statementId}`);
  }
  for (const r of [...report.strengths, ...report.developmentAreas]) {
    if (shownMean(statements.get(r.statementId)?.cells.all_others) !== r.mean) fail(`ranking ${r.statementId}`);
  }
  const { sideways, downwards, upwards, pooled } = report.directionOfInfluence;
  const influence = report.indices.influence;
  if (JSON.stringify([sideways, downwards, upwards]) !== JSON.stringify([influence.peer, influence.direct_report, influence.manager])) {
    fail('direction of influence');
  }
  // A pooled direction is only ever the pool's own number: never split back into its groups.
  const pool = report.columns.find((c) => c.key === 'others')!;
  const byGroup = { peer: sideways, direct_report: downwards, manager: upwards } as const;
  const pooledDirections = (['peer', 'direct_report', 'manager'] as const).filter((g) => pool.groups.includes(g));
  if (pooledDirections.some((g) => byGroup[g].shown)) fail('a pooled direction shown on its own');
  if (
    pooledDirections.length === 0
      ? pooled !== null
      : JSON.stringify(pooled) !== JSON.stringify({ directions: pooled?.directions, groups: pool.groups, cell: influence.others })
  )
    fail('pooled direction of influence');
  if (report.profile.shown) {
    if (report.profile.influence !== shownMean(influence.all_others)) fail('profile influence');
    if (report.profile.management !== shownMean(report.indices.management.all_others)) fail('profile management');
  }
  const summary = report.summary;
  if (summary.influence !== shownMean(influence.all_others) || summary.management !== shownMean(report.indices.management.all_others)) fail('summary index');
  for (const b of report.behaviours) if (summary.behaviours[b.key] !== shownMean(b.cells.all_others)) fail(`summary ${b.key}`);
  for (const t of report.trend?.behaviours ?? []) {
    const b = report.behaviours.find((x) => x.key === t.key);
    if (t.value.shown && t.value.current !== shownMean(b?.cells.all_others)) fail(`trend ${t.key}`);
  }
}

/** Hidden cells say why, never how many; shown columns alone carry respondent counts. */
export function assertHiddenCellsCarryNoCount(report: ReportView): void {
  const cells: Cell[] = [
    ...report.behaviours.flatMap((b) => [b.cells, ...b.statements.map((s) => s.cells)]),
    report.indices.influence,
    report.indices.management,
  ].flatMap((row) => Object.values(row));
  for (const cell of cells) {
    if (!cell.shown && Object.keys(cell).sort().join() !== 'reason,shown') throw new Error(`hidden cell leaks ${JSON.stringify(cell)}`);
  }
  for (const c of report.columns) {
    if (!c.shown && c.respondents !== undefined) throw new Error(`hidden column ${c.key} carries a count`);
  }
}
