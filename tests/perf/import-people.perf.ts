import { anOrganization, aPerson, TEST_PASSWORD } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { Measurement, expectTargetsMet, timed, writeResults } from './support/results';

const ROWS = Number(process.env.PERF_IMPORT_ROWS ?? 10_000);

/** A realistic org chart: a director, then each person reports to someone earlier in the file's tree. */
function orgChartCsv(rows: number, variant = ''): string {
  const departments = ['Collections', 'Conservation', 'Learning', 'Visitor Experience', 'Exhibitions', 'Digital', 'Operations'];
  const lines = ['email,name,title,department,manager_email,role'];
  for (let i = 0; i < rows; i++) {
    const manager = i === 0 ? '' : `p${Math.floor((i - 1) / 6)}@perf.example`;
    lines.push(`p${i}@perf.example,Person ${i}${variant},Title ${i % 40},${departments[i % departments.length]},${manager},member`);
  }
  return lines.join('\n') + '\n';
}

describe(`people import benchmark (${ROWS} rows)`, () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('imports, re-imports and updates a large file', async () => {
    t = await startTestApp();
    const org = await anOrganization(t.db);
    const admin = await aPerson(t.db, org.id, { role: 'admin' });
    const hr = t.client();
    await hr.login(admin.email, TEST_PASSWORD);
    const upload = (csv: string, dryRun: boolean) =>
      hr.post(`/api/people/import${dryRun ? '?dryRun=true' : ''}`, undefined, { raw: csv, headers: { 'content-type': 'text/csv' } });

    const csv = orgChartCsv(ROWS);
    const dry = await timed(() => upload(csv, true));
    const created = await timed(() => upload(csv, false));
    const unchanged = await timed(() => upload(csv, false));
    const updated = await timed(() => upload(orgChartCsv(ROWS, ' Jr'), false));
    for (const run of [dry, created, unchanged, updated]) expect(run.result.status).toBe(200);
    expect(created.result.body.summary.created).toBe(ROWS);
    expect(unchanged.result.body.summary.unchanged).toBe(ROWS);
    expect(updated.result.body.summary.updated).toBe(ROWS);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM people WHERE organization_id = $1 AND manager_id IS NOT NULL`, [org.id]);
    expect(n).toBe(ROWS - 1);

    const sql = await timed(() =>
      t.db.query(`INSERT INTO people (organization_id, email, name) SELECT $1, 'sql' || g || '@perf.example', 'Sql ' || g FROM generate_series(1, $2) g`, [
        org.id,
        ROWS,
      ]),
    );
    const size = `${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(2)} MB`;
    const results: Measurement[] = [
      { what: `dry run (parse, validate, diff) of ${ROWS} rows, ${size}`, value: `${dry.ms} ms` },
      { what: `import creating ${ROWS} people with managers`, value: `${created.ms} ms`, target: '< 10 s', check: { ms: created.ms, limitMs: 10_000 } },
      { what: `re-import, all ${ROWS} unchanged`, value: `${unchanged.ms} ms` },
      { what: `import updating ${ROWS} names`, value: `${updated.ms} ms`, target: '< 10 s', check: { ms: updated.ms, limitMs: 10_000 } },
      { what: `plain SQL: INSERT … SELECT of ${ROWS} people (no validation, for scale)`, value: `${sql.ms} ms` },
    ];
    writeResults('import-people', 'People CSV import', results, [
      'Each import is one HTTP request (text/csv) through the real app: parse with csv-parse, validate every row,',
      'detect manager loops, then two set-based statements (upsert people, then point them at managers) in one transaction.',
    ]);
    expectTargetsMet(results);
  });
});
