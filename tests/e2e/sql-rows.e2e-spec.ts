import { DataSource } from 'typeorm';
import { execute, modifyRows, selectFirst, selectOne, selectRows } from '@lib/database';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The typed-row helpers every repository reads through (libs/database/src/sql-rows.ts), against
 * PostgreSQL through TypeORM as the app runs them: the shapes they rely on (a SELECT's rows, an
 * UPDATE's [rows, count]) are the driver's, so they are proved here, not assumed.
 */
describe('typed rows (@lib/database sql-rows)', () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('reads the rows of a SELECT and of an INSERT … RETURNING', async () => {
    await db.transaction(async (tx) => {
      await execute(tx, `CREATE TEMP TABLE t (id int PRIMARY KEY, name text NOT NULL) ON COMMIT DROP`);
      const inserted = await selectRows<{ id: number }>(tx, `INSERT INTO t VALUES (1, 'a'), (2, 'b') RETURNING id`);
      expect(inserted).toEqual([{ id: 1 }, { id: 2 }]);
      expect(await selectRows<{ id: number; name: string }>(tx, `SELECT id, name FROM t WHERE id = $1`, [2])).toEqual([{ id: 2, name: 'b' }]);
      expect(await selectFirst<{ id: number }>(tx, `SELECT id FROM t WHERE id > $1 ORDER BY id`, [5])).toBeUndefined();
      expect(await selectOne<{ n: number }>(tx, `SELECT count(*)::int AS n FROM t`)).toEqual({ n: 2 });
    });
  });

  it('reads an UPDATE or DELETE as its returned rows and the number changed', async () => {
    await db.transaction(async (tx) => {
      await execute(tx, `CREATE TEMP TABLE t (id int PRIMARY KEY, name text NOT NULL) ON COMMIT DROP`);
      await execute(tx, `INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
      expect(await modifyRows<{ id: number }>(tx, `UPDATE t SET name = 'x' WHERE id <= $1 RETURNING id`, [2])).toEqual({
        rows: [{ id: 1 }, { id: 2 }],
        count: 2,
      });
      expect(await modifyRows(tx, `DELETE FROM t WHERE id = $1`, [3])).toEqual({ rows: [], count: 1 });
      expect(await modifyRows(tx, `DELETE FROM t WHERE id = $1`, [3])).toEqual({ rows: [], count: 0 });
    });
  });

  it('refuses a statement read with the wrong helper instead of mistyping its result', async () => {
    await db.transaction(async (tx) => {
      await execute(tx, `CREATE TEMP TABLE t (id int PRIMARY KEY) ON COMMIT DROP`);
      await execute(tx, `INSERT INTO t VALUES (1), (2)`);
      await expect(selectRows(tx, `UPDATE t SET id = id WHERE id = 1 RETURNING id`)).rejects.toThrow(/modifyRows/);
      await expect(modifyRows(tx, `SELECT id FROM t`)).rejects.toThrow(/expected an UPDATE or DELETE/);
      await expect(selectOne(tx, `SELECT id FROM t`)).rejects.toThrow(/expected one row, got 2/);
      await expect(selectOne(tx, `SELECT id FROM t WHERE id = 9`)).rejects.toThrow(/expected one row, got 0/);
    });
  });
});
