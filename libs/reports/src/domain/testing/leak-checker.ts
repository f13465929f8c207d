/**
 * Can a reader who sees these numbers derive anything about fewer than k non-identified raters?
 *
 * Model. One unknown x(r, s) per rater r and statement s they answered. Every shown number is
 * one linear equation over those unknowns (a mean over n answers is their sum; an average of
 * means is a weighted sum). Every reader is assumed to know the identified ratings (self, and a
 * separately shown manager) and — pessimistically — exactly who answered what. A leak is any
 * non-zero vector in the span of the equations, after the identified unknowns are removed
 * (knowing them lets the reader subtract them), that touches fewer than k distinct raters: a
 * sum, mean or difference of the ratings of fewer than k people.
 *
 * Raters who may read the report themselves (`readers`: an HR admin, a manager the cycle lets
 * read) know their own ratings, and readers may pool what they know. So a reader-rater counts
 * as nobody: a leak is a non-zero vector that touches fewer than k raters who are neither
 * identified nor readers. That is exactly "no reader, nor any group of readers, can derive a
 * sum of fewer than k ratings they do not know" — one reader subtracts at most the readers'
 * ratings from a vector, leaving its anonymous raters — and it also forbids singling out the
 * readers' own ratings (a vector touching readers alone has weight 0), which the subject must
 * not be able to do either.
 *
 * How it is decided, exactly:
 * 1. Unknowns that every equation treats alike (same statement, same coefficient in every
 *    equation) form an atom; every vector of the span is constant on an atom, so the search can
 *    work on atoms, each worth its number of raters.
 * 2. If the span splits by statement (rank of all equations = Σ over statements of the rank of
 *    the equations restricted to that statement), every vector of the span is a sum of vectors
 *    of the per-statement spans and touches at least the raters of each part, so the smallest
 *    leak lies within one statement: `lightSupport` checks every atom set of fewer than k
 *    anonymous raters (an atom weighs its anonymous raters).
 * 3. Otherwise numbers mix statements (e.g. a behaviour mean over a hidden statement): then
 *    every set R of min(k − 1, anonymous raters) anonymous raters is tried, readers added — a
 *    vector inside the unknowns of R exists exactly when dropping the atoms outside R lowers the
 *    rank — which is exhaustive but exponential, so it refuses sets too large to enumerate.
 */
import { IntegerRow, lightSupport, rank, withoutColumns } from './exact-linear-algebra';

export interface Equation {
  label: string;
  /** Unknown (see `unknown`) → integer coefficient. */
  coefficients: Map<string, bigint>;
}

export interface LinearLeak {
  raters: number[];
  statements: string[];
  method: 'per_statement' | 'exhaustive';
}

export const unknown = (rater: number, statement: string): string => `${rater}\u0000${statement}`;
const parse = (key: string): { rater: number; statement: string } => {
  const [rater, statement] = key.split('\u0000');
  return { rater: Number(rater), statement };
};

interface Atom {
  statement: string;
  raters: number[];
}

export function findLinearLeak(
  equations: readonly Equation[],
  identified: ReadonlySet<number>,
  k: number,
  readers: ReadonlySet<number> = new Set(),
  maxSubsets = 20_000,
): LinearLeak | null {
  const signature = new Map<string, string[]>();
  equations.forEach((eq, i) => {
    for (const [key, coefficient] of eq.coefficients) {
      if (coefficient === 0n || identified.has(parse(key).rater)) continue;
      if (!signature.has(key)) signature.set(key, []);
      signature.get(key)!.push(`${i}:${coefficient}`);
    }
  });
  const atomIndex = new Map<string, number>();
  const atoms: Atom[] = [];
  const atomOf = new Map<string, number>();
  for (const [key, sig] of signature) {
    const { rater, statement } = parse(key);
    const id = `${statement}\u0000${sig.join(',')}`;
    if (!atomIndex.has(id)) {
      atomIndex.set(id, atoms.length);
      atoms.push({ statement, raters: [] });
    }
    atoms[atomIndex.get(id)!].raters.push(rater);
    atomOf.set(key, atomIndex.get(id)!);
  }
  const rows: IntegerRow[] = equations.map((eq) => {
    const row = new Array<bigint>(atoms.length).fill(0n);
    for (const [key, coefficient] of eq.coefficients) {
      const a = atomOf.get(key);
      if (a !== undefined) row[a] = coefficient; // every unknown of an atom has this coefficient
    }
    return row;
  });

  const statements = [...new Set(atoms.map((a) => a.statement))];
  const columnsOf = (s: string): number[] => atoms.flatMap((a, j) => (a.statement === s ? [j] : []));
  const restrict = (cols: number[]): IntegerRow[] => rows.map((r) => cols.map((j) => r[j]));
  const total = rank(rows);
  const split = statements.reduce((sum, s) => sum + rank(restrict(columnsOf(s))), 0);

  const weight = (a: Atom): number => a.raters.filter((r) => !readers.has(r)).length;
  if (split === total) {
    for (const s of statements) {
      const cols = columnsOf(s);
      const found = lightSupport(
        restrict(cols),
        cols.map((j) => weight(atoms[j])),
        k,
      );
      if (found) return { raters: found.flatMap((x) => atoms[cols[x]].raters).sort((a, b) => a - b), statements: [s], method: 'per_statement' };
    }
    return null;
  }

  const anonymous = [...new Set(atoms.flatMap((a) => a.raters))].filter((r) => !readers.has(r)).sort((a, b) => a - b);
  const size = Math.min(k - 1, anonymous.length);
  if (binomial(anonymous.length, size) > maxSubsets) {
    throw new Error(`equations mix statements and ${anonymous.length} raters are too many to check exhaustively`);
  }
  for (const subset of combinations(anonymous, size)) {
    const people = new Set([...subset, ...readers]);
    const inside = atoms.flatMap((a, j) => (a.raters.every((r) => people.has(r)) ? [j] : []));
    // A vector of the span that is zero outside these atoms exists iff the outside alone has lower rank.
    if (rank(withoutColumns(rows, new Set(inside))) < total) {
      const raters = [...new Set(inside.flatMap((j) => atoms[j].raters))].sort((a, b) => a - b);
      return { raters, statements: [...new Set(inside.map((j) => atoms[j].statement))], method: 'exhaustive' };
    }
  }
  return null;
}

function binomial(n: number, r: number): number {
  let result = 1;
  for (let i = 0; i < r; i++) result = (result * (n - i)) / (i + 1);
  return result;
}

function* combinations(items: readonly number[], size: number, from = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === size) {
    yield [...prefix];
    return;
  }
  for (let i = from; i <= items.length - (size - prefix.length); i++) {
    prefix.push(items[i]);
    yield* combinations(items, size, i + 1, prefix);
    prefix.pop();
  }
}
