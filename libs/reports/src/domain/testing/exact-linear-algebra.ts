/**
 * Exact linear algebra for the anonymity tests: integer (bigint) rows, rank by fraction-free
 * Gaussian elimination, so no rounding can hide or invent a dependency. A rational row is
 * scaled to integers first; scaling a row changes nothing about the space it spans.
 */

export type IntegerRow = bigint[];

export function rank(rows: readonly IntegerRow[]): number {
  const m = rows.map((r) => r.slice()).filter((r) => r.some((x) => x !== 0n));
  const cols = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let p = r;
    while (p < m.length && m[p][c] === 0n) p++;
    if (p === m.length) continue;
    [m[r], m[p]] = [m[p], m[r]];
    const pivot = m[r];
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i][c];
      if (f === 0n) continue;
      const row = m[i];
      for (let j = c; j < cols; j++) row[j] = row[j] * pivot[c] - pivot[j] * f;
      reduce(row);
    }
    r++;
  }
  return r;
}

function reduce(row: IntegerRow): void {
  let g = 0n;
  for (const x of row) g = gcd(g, x < 0n ? -x : x);
  if (g > 1n) for (let j = 0; j < row.length; j++) row[j] /= g;
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

export function withoutColumns(rows: readonly IntegerRow[], removed: ReadonlySet<number>): IntegerRow[] {
  return rows.map((r) => r.filter((_, j) => !removed.has(j)));
}

/**
 * A set of columns ("atoms": variables that every row treats alike, each worth `weights[j]`
 * people) with total weight below `limit` that carries a non-zero vector of the row space, or
 * null if there is none. A vector of the span supported inside S exists exactly when deleting
 * S's columns lowers the rank, and every vector of the span is constant on an atom, so checking
 * every atom set lighter than `limit` is exhaustive. Atoms of weight 0 (people who do not count,
 * such as raters who read the report) join every set: a superset of S carries what S carries.
 */
export function lightSupport(rows: readonly IntegerRow[], weights: readonly number[], limit: number): number[] | null {
  const full = rank(rows);
  if (full === 0) return null;
  const free = weights.map((_, j) => j).filter((j) => weights[j] <= 0);
  const light = weights.map((_, j) => j).filter((j) => weights[j] > 0 && weights[j] < limit);
  const chosen: number[] = [...free];
  if (limit > 0 && free.length > 0 && rank(withoutColumns(rows, new Set(chosen))) < full) return [...chosen];
  const search = (from: number, weight: number): number[] | null => {
    for (let x = from; x < light.length; x++) {
      const atom = light[x];
      if (weight + weights[atom] >= limit) continue;
      chosen.push(atom);
      if (rank(withoutColumns(rows, new Set(chosen))) < full) return [...chosen];
      const deeper = search(x + 1, weight + weights[atom]);
      if (deeper) return deeper;
      chosen.pop();
    }
    return null;
  };
  return search(0, 0);
}
