/**
 * Typed rows out of raw SQL. TypeORM types `query()` as `Promise<any>` (or `T` inferred from the
 * variable it is assigned to), so a repository that writes `const rows: Row[] = await tx.query(...)`
 * asserts a row shape with no word of it in the code. These helpers make that assertion one named
 * call, check what can be checked (a row set, exactly one row), and are what repositories use; the
 * `ripple-sql` lint rule (eslint.config.mjs) refuses a `query()` whose result is read elsewhere.
 */

/** Runs SQL: a DataSource, or the EntityManager of a transaction (its statements join it). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The rows of a SELECT or of an INSERT … RETURNING, each declared as `T` (snake_case columns as selected). */
export async function selectRows<T extends object>(db: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
  const result = await db.query(sql, [...parameters]);
  if (!Array.isArray(result)) throw new Error('selectRows: the statement returned no row set');
  // pg returns rows as objects: an array in the first place is an UPDATE's or DELETE's [rows, count].
  if (isModification(result)) throw new Error('selectRows: an UPDATE or DELETE answers [rows, count]; read it with modifyRows');
  return result as T[];
}

const isModification = (result: unknown[]): result is [unknown[], number] => result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';

/** The first row, or undefined when there is none. */
export async function selectFirst<T extends object>(db: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<T | undefined> {
  const [row] = await selectRows<T>(db, sql, parameters);
  return row;
}

/** The one row of a statement that always returns exactly one (an aggregate, an INSERT … RETURNING of one row). */
export async function selectOne<T extends object>(db: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<T> {
  const rows = await selectRows<T>(db, sql, parameters);
  if (rows.length !== 1) throw new Error(`selectOne: expected one row, got ${rows.length}`);
  return rows[0];
}

/**
 * An UPDATE or DELETE: the rows its RETURNING clause names and how many rows it changed. (The pg
 * driver hands these statements back as `[rows, rowCount]`, unlike a SELECT or INSERT.)
 */
export async function modifyRows<T extends object = never>(
  db: SqlRunner,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<{ rows: T[]; count: number }> {
  const result = await db.query(sql, [...parameters]);
  if (!Array.isArray(result) || !isModification(result)) throw new Error('modifyRows: expected an UPDATE or DELETE');
  return { rows: result[0] as T[], count: result[1] };
}

/** A statement whose result nobody reads (DDL, ANALYZE, a lock, an INSERT without RETURNING). */
export async function execute(db: SqlRunner, sql: string, parameters: readonly unknown[] = []): Promise<void> {
  await db.query(sql, [...parameters]);
}
