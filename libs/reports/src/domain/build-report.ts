import {
  AnonymitySettings,
  ColumnPlan,
  Headcount,
  Visibility,
  choosePlan,
  commentAudience,
  decideStatementCells,
  isAnonymous,
  orderComments,
} from './anonymity';
import {
  BehaviourKind,
  BehaviourView,
  COLUMN_KEYS,
  Cell,
  CellsByColumn,
  ColumnKey,
  CommentsView,
  DIRECTION_OF_GROUP,
  HiddenCell,
  PooledDirectionView,
  ProfileView,
  RATER_GROUPS,
  RaterGroup,
  ReportInput,
  ReportView,
  ShownCell,
  StatementView,
  TrendSource,
} from './report-types';
import {
  EMPTY_TALLY,
  PROFILE_THRESHOLD,
  StatementComparison,
  Tally,
  addAnswer,
  combineTallies,
  commonReason,
  findGaps,
  indexMean,
  profileQuadrant,
  rankStatements,
  shownCell,
  trendValue,
} from './scores';

/** What stands behind one cell: the answers and who gave them. Never leaves this file. */
interface Basis {
  tally: Tally;
  raters: Set<number>;
}

interface ColumnResult {
  cell: Cell;
  /** Present only when the cell is shown: derived numbers may build on shown cells alone. */
  basis?: Basis;
}

type Row = Record<ColumnKey, ColumnResult>;

/**
 * Builds the whole report view model from a subject's submitted responses. Pure and
 * deterministic: the same responses in any order give a deep-equal result.
 */
export function buildReport(input: ReportInput): ReportView {
  validate(input);
  const settings: AnonymitySettings = { threshold: input.threshold, showManagerSeparately: input.showManagerSeparately };
  const anonymous = input.responses.map((r) => isAnonymous(r, settings));
  const respondents = Object.fromEntries(RATER_GROUPS.map((g) => [g, { total: 0, anonymous: 0 }])) as Record<RaterGroup, Headcount>;
  input.responses.forEach((r, i) => {
    respondents[r.raterGroup].total++;
    if (anonymous[i]) respondents[r.raterGroup].anonymous++;
  });
  const statementIds = input.behaviours.flatMap((b) => b.statements.map((s) => s.id));
  const plan = choosePlan(
    settings,
    respondents,
    statementIds.map((id) => answersByGroup(input, anonymous, id)),
  );

  const behaviourRows = input.behaviours.map((b) => {
    const statementRows = b.statements.map((s) => statementRow(plan, input, anonymous, s.id));
    return { behaviour: b, row: deriveRow(statementRows, 'pooled_answers'), statementRows };
  });
  const indexRow = (kind: BehaviourKind): Row =>
    deriveRow(
      behaviourRows.filter((b) => b.behaviour.kind === kind).map((b) => b.row),
      'mean_of_means',
    );
  const influence = indexRow('influence');
  const management = indexRow('management');

  const behaviours: BehaviourView[] = behaviourRows.map(({ behaviour, row, statementRows }) => ({
    key: behaviour.key,
    name: behaviour.name,
    kind: behaviour.kind,
    cells: cellsOf(row),
    statements: behaviour.statements.map((s, i): StatementView => ({ id: s.id, text: s.text, cells: cellsOf(statementRows[i]) })),
  }));

  const comparisons: StatementComparison[] = behaviours.flatMap((b) =>
    b.statements.map((s) => ({
      statementId: s.id,
      behaviourKey: b.key,
      text: s.text,
      self: meanOf(s.cells.self) ?? undefined,
      others: meanOf(s.cells.all_others) ?? undefined,
    })),
  );

  const summary: TrendSource = {
    influence: meanOf(influence.all_others.cell),
    management: meanOf(management.all_others.cell),
    behaviours: Object.fromEntries(behaviours.map((b) => [b.key, meanOf(b.cells.all_others)])),
  };
  const previous = input.previous;

  return {
    threshold: input.threshold,
    showManagerSeparately: input.showManagerSeparately,
    columns: plan.columns,
    behaviours,
    indices: { influence: cellsOf(influence), management: cellsOf(management) },
    profile: profileOf(influence.all_others.cell, management.all_others.cell),
    directionOfInfluence: {
      sideways: influence.peer.cell,
      downwards: influence.direct_report.cell,
      upwards: influence.manager.cell,
      pooled: pooledDirection(plan, influence.others.cell),
    },
    ...findGaps(comparisons),
    ...rankStatements(comparisons),
    trend: previous
      ? {
          influence: trendValue(summary.influence, previous.influence),
          management: trendValue(summary.management, previous.management),
          behaviours: behaviours.map((b) => ({ key: b.key, value: trendValue(summary.behaviours[b.key], previous.behaviours[b.key]) })),
        }
      : null,
    comments: commentsOf(plan, input),
    summary,
  };
}

/** One statement's non-null answers per rater group, all and anonymous: what `choosePlan` weighs. */
function answersByGroup(input: ReportInput, anonymous: readonly boolean[], statementId: string): Record<RaterGroup, Headcount> {
  const counts = Object.fromEntries(RATER_GROUPS.map((g) => [g, { total: 0, anonymous: 0 }])) as Record<RaterGroup, Headcount>;
  input.responses.forEach((response, rater) => {
    const rating = response.answers[statementId];
    if (rating === null || rating === undefined) return;
    counts[response.raterGroup].total++;
    if (anonymous[rater]) counts[response.raterGroup].anonymous++;
  });
  return counts;
}

/** The directions whose groups are pooled in `others` are only ever shown together, as that column. */
function pooledDirection(plan: ColumnPlan, othersInfluence: Cell): PooledDirectionView | null {
  const groups = plan.columns.find((c) => c.key === 'others')!.groups;
  const directions = groups.flatMap((g) => DIRECTION_OF_GROUP[g] ?? []);
  return directions.length === 0 ? null : { directions, groups, cell: othersInfluence };
}

/** `anonymous[i]`: whether response i is by an anonymous rater. */
function statementRow(plan: ColumnPlan, input: ReportInput, anonymous: readonly boolean[], statementId: string): Row {
  const bases = Object.fromEntries(COLUMN_KEYS.map((c) => [c, { tally: { ...EMPTY_TALLY }, raters: new Set<number>() }])) as Record<ColumnKey, Basis>;
  // Answers by anonymous raters per column (anonymity.ts, rule 1): what k is counted on.
  const anonymousAnswers = Object.fromEntries(COLUMN_KEYS.map((c) => [c, 0])) as Record<ColumnKey, number>;
  input.responses.forEach((response, rater) => {
    const rating = response.answers[statementId];
    if (rating === null || rating === undefined) return;
    const targets: ColumnKey[] = [plan.columnOfGroup[response.raterGroup]];
    if (response.raterGroup !== 'self') targets.push('all_others');
    for (const column of targets) {
      bases[column].tally = addAnswer(bases[column].tally, rating);
      bases[column].raters.add(rater);
      if (anonymous[rater]) anonymousAnswers[column]++;
    }
  });
  const answered = Object.fromEntries(COLUMN_KEYS.map((c) => [c, { total: bases[c].tally.answers, anonymous: anonymousAnswers[c] }])) as Record<
    ColumnKey,
    Headcount
  >;
  const visibility = decideStatementCells(plan, answered);
  return Object.fromEntries(
    COLUMN_KEYS.map((c) => {
      const v: Visibility = visibility[c];
      const result: ColumnResult = v.shown
        ? { cell: shownCell(bases[c].tally, bases[c].raters.size), basis: bases[c] }
        : { cell: { shown: false, reason: v.reason } };
      return [c, result];
    }),
  ) as Row;
}

/**
 * A behaviour or index row: per column, combines only the parts shown in that column (rule 4
 * of anonymity.ts). A behaviour pools its answers; an index averages its behaviour means, so a
 * behaviour with three statements weighs no more than one with two. Either way n counts
 * distinct raters and the spread is that of all the answers behind the number.
 */
function deriveRow(parts: readonly Row[], mean: 'pooled_answers' | 'mean_of_means'): Row {
  return Object.fromEntries(
    COLUMN_KEYS.map((column) => {
      const results = parts.map((p) => p[column]);
      const shown = results.filter((r): r is Required<ColumnResult> => r.basis !== undefined);
      if (shown.length === 0) {
        const reasons = results.map((r) => (r.cell as HiddenCell).reason);
        return [column, { cell: { shown: false, reason: commonReason(reasons) } }];
      }
      const tally = combineTallies(shown.map((r) => r.basis.tally));
      const raters = new Set(shown.flatMap((r) => [...r.basis.raters]));
      const cell = shownCell(tally, raters.size);
      if (mean === 'mean_of_means') cell.mean = indexMean(shown.map((r) => (r.cell as ShownCell).mean))!;
      return [column, { cell, basis: { tally, raters } }];
    }),
  ) as Row;
}

function cellsOf(row: Row): CellsByColumn {
  return Object.fromEntries(COLUMN_KEYS.map((c) => [c, row[c].cell])) as CellsByColumn;
}

function meanOf(cell: Cell): number | null {
  return cell.shown ? cell.mean : null;
}

function profileOf(influence: Cell, management: Cell): ProfileView {
  if (!influence.shown) return { shown: false, reason: influence.reason };
  if (!management.shown) return { shown: false, reason: management.reason };
  return {
    shown: true,
    quadrant: profileQuadrant(influence.mean, management.mean),
    influence: influence.mean,
    management: management.mean,
    threshold: PROFILE_THRESHOLD,
  };
}

function commentsOf(plan: ColumnPlan, input: ReportInput): CommentsView[] {
  return input.openQuestions.map((q) => {
    const lists: { self: string[]; others: string[] } = { self: [], others: [] };
    for (const response of input.responses) {
      const text = response.comments?.[q.id]?.trim();
      const audience = commentAudience(plan, response.raterGroup);
      if (text && audience) lists[audience].push(text);
    }
    return { questionId: q.id, text: q.text, self: orderComments(lists.self), others: orderComments(lists.others) };
  });
}

function validate(input: ReportInput): void {
  const ids = new Set<string>();
  for (const b of input.behaviours) {
    for (const s of b.statements) {
      if (ids.has(s.id)) throw new RangeError(`statement ${s.id} appears twice in the framework`);
      ids.add(s.id);
    }
  }
  for (const r of input.responses) {
    if (!RATER_GROUPS.includes(r.raterGroup)) throw new RangeError(`unknown rater group ${String(r.raterGroup)}`);
    if (r.raterMayRead !== undefined && typeof r.raterMayRead !== 'boolean')
      throw new RangeError(`raterMayRead must be a boolean, got ${String(r.raterMayRead)}`);
    for (const [id, rating] of Object.entries(r.answers)) {
      if (rating === null || rating === undefined) continue;
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new RangeError(`rating for ${id} must be 1–5 or null, got ${String(rating)}`);
    }
  }
}
