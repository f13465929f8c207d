import type { ColumnKey } from '../domain';
import type { ReportCellDto, ReportCellsDto } from '../report/report.dto';
import { GROUP_COLOUR } from './pdf-drawing';
import { reportPdf, reportPdfTitle } from './report-pdf';
import { columnLabels, compactColumns, fixed, overviewLines, poolingSentence, printedColumns } from './report-text';
import { pdfDictionaries, pdfPageContents, pdfPageTextRuns, pdfString, pdfTextRuns } from './testing/pdf-text';
import { aTypicalReport } from './testing/typical-report';

describe('report PDF', () => {
  const report = aTypicalReport();
  let pdf: Buffer;
  let runs: string[];
  let text: string;
  beforeAll(async () => {
    pdf = await reportPdf(report);
    runs = pdfTextRuns(pdf);
    text = runs.join('\n');
  });

  it('prints names and comments in Polish, Russian and Greek as written', () => {
    expect(runs[1]).toBe('Łukasz Żółć');
    expect(runs).toContain('Head of Learning · Обучение');
    expect(text).toContain('Jesień 2026 — Осень · Leadership at every level (version 1)');
    // A comment may wrap: compare with the runs joined by spaces.
    const flowing = runs.join(' ').replace(/\s+/g, ' ');
    for (const comment of [...report.comments[0].others, `Self: ${report.comments[0].self[0]}`]) expect(flowing).toContain(comment);
    expect(runs.filter((r) => r.includes('Łukasz Żółć · Jesień 2026 — Осень · confidential · page'))).toHaveLength(pdfPages(pdf));
    // eslint-disable-next-line no-control-regex -- a NUL in the PDF text is what this looks for
    expect(text).not.toMatch(/\?{2}|\ufffd|\u0000/);
  });

  it('embeds subsets of DejaVu Sans, with a ToUnicode map, and no standard PDF font', () => {
    const raw = pdf.toString('latin1');
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1].slice(7));
    expect([...new Set(fonts)].sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']);
    expect(raw.match(/\/FontFile2 \d+ 0 R/g)).toHaveLength(3);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('prints n and spread next to every group mean, and the mean alone for one known person', () => {
    const identified = new Set(report.columns.filter((c) => c.identified).map((c) => c.key));
    const groups = printedColumns(report).filter((c) => !identified.has(c));
    const shown = (cells: Record<ColumnKey, ReportCellDto>): ReportCellDto[] => groups.map((c) => cells[c]).filter((c) => c.shown);
    const withSpread = (c: ReportCellDto): string => `${fixed(c.mean)} · n ${c.n} · spread ${fixed(c.spread)}`;

    // The bars, one line per group: "4.86 · n 10 · spread 1.25".
    for (const b of report.behaviours) for (const c of shown(b.cells)) expect(runs).toContain(withSpread(c));
    expect(text).toContain(`Sideways (peers): ${withSpread(report.directionOfInfluence.sideways)}`);
    expect(text).toContain(`Upwards (manager): ${fixed(report.directionOfInfluence.upwards.mean)}\n`);
    // Tables: the mean, then "n 6 · spread 0.45" beneath, or "n 6" and "spread 0.45" where too narrow.
    const tableCells = [
      ...shown(report.indices.influence),
      ...shown(report.indices.management),
      ...report.behaviours.flatMap((b) => [...shown(b.cells), ...b.statements.flatMap((s) => shown(s.cells))]),
    ];
    const bars = report.behaviours.flatMap((b) => shown(b.cells));
    const direction = [report.directionOfInfluence.sideways, report.directionOfInfluence.downwards];
    expect(text.match(/spread \d\.\d\d/g)).toHaveLength(tableCells.length + bars.length + direction.length);
    expect(tableCells.length).toBeGreaterThan(100);
    // One known person: never a count or a spread.
    expect(text).not.toMatch(/\bn 1\b/);
  });

  it('is a tagged PDF: marked, with a structure tree, a language and the title shown as the window title', () => {
    const objects = pdfDictionaries(pdf);
    const dicts = [...objects.values()];
    const catalog = dicts.find((d) => /\/Type \/Catalog\b/.test(d))!;
    const entry = (key: string): string => {
      const value = catalog.match(new RegExp(`/${key} (\\d+) 0 R`));
      return value ? objects.get(Number(value[1]))! : '';
    };
    expect(entry('StructTreeRoot')).toMatch(/\/Type \/StructTreeRoot/);
    expect(entry('MarkInfo')).toMatch(/\/Marked true/);
    expect(catalog).toMatch(/\/Lang \(en-GB\)/);
    expect(entry('ViewerPreferences')).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const info = dicts.find((d) => /\/Producer\b/.test(d) && /\/Title\b/.test(d))!;
    expect(pdfString(pdf, info.match(/\/Title (\d+ 0 R|\([^)]*\)|<[^>]*>)/)![1])).toBe(reportPdfTitle(report));
    expect(reportPdfTitle(report)).toBe('360° feedback report: Łukasz Żółć, Jesień 2026 — Осень');
  });

  it('tags headings, paragraphs, tables with header cells, and figures with alternative text', () => {
    const types = new Map<string, number>();
    for (const d of pdfDictionaries(pdf).values()) {
      const type = d.match(/\/S \/(\w+)/)?.[1];
      if (type && /\/P \d+ 0 R/.test(d)) types.set(type, (types.get(type) ?? 0) + 1);
    }
    expect(types.get('H1')).toBe(1);
    expect(types.get('H2')).toBeGreaterThanOrEqual(9);
    for (const t of ['H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(types.get(t)).toBeGreaterThan(0);
    // The trend, the profile and one per behaviour: each with words for what it shows.
    const figures = [...pdfDictionaries(pdf).values()].filter((d) => /\/S \/Figure\b/.test(d));
    expect(figures).toHaveLength(2 + report.behaviours.length);
    for (const f of figures) expect(f).toMatch(/\/Alt [(<]/);
  });

  it('opens and closes every marked content on the page it began (page breaks never fall inside one)', () => {
    pdfPageContents(pdf).forEach((content, page) => {
      let depth = 0;
      for (const [op] of content.matchAll(/\/\w+\s*<<.*?>>\s*BDC|\/\w+ BMC|\bEMC\b/gs)) {
        depth += op === 'EMC' ? -1 : 1;
        expect({ page, depth: Math.min(depth, 0) }).toEqual({ page, depth: 0 });
      }
      expect({ page, depth }).toEqual({ page, depth: 0 });
    });
  });

  it("names pooled directions together in the summary, with the pool's mean", () => {
    const influence = [
      { directions: ['sideways', 'downwards'] as ('sideways' | 'downwards')[], mean: 4.5 },
      { directions: ['upwards'] as 'upwards'[], mean: 2 },
    ];
    const lines = overviewLines({ ...report, overview: { ...report.overview, influence } });
    expect(lines.find((l) => l.title === 'Direction of influence')?.text).toBe(
      'Most leadership seen by peers (sideways) and direct reports (downwards), together: sideways and downwards 4.50, upwards 2.00',
    );
  });

  it('opens with the summary on page 1, in the order of the web page', () => {
    const [first] = pdfPageTextRuns(pdf);
    const page1 = first.join(' ');
    for (const line of overviewLines(report)) expect(page1).toContain(line.title);
    expect(page1).toContain(`${report.overview.strongest!.name}, ${fixed(report.overview.strongest!.mean)} from all others`);
    expect(page1).toContain('Most leadership seen by peers (sideways)');
    const order = [
      'Summary',
      'Trend',
      'Manager-leader profile',
      'Indices by group',
      'Strengths and areas to develop',
      'Blind spots and hidden strengths',
      'Statements',
      'Comments',
    ];
    const at = order.map((h) => runs.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('says under the summary, as the page does, how many colleagues outside the reporting line named the person', () => {
    const [first] = pdfPageTextRuns(pdf);
    const page1 = first.join(' ').replace(/\s+/g, ' ');
    expect(page1).toContain("4 colleagues outside Łukasz's reporting line named Łukasz as someone they turn to for advice or support.");
    expect(page1.indexOf('4 colleagues outside')).toBeGreaterThan(page1.indexOf(overviewLines(report).at(-1)!.title));
  });

  it('prints dates as the web app does, and says a group hidden throughout once instead of in every cell', () => {
    expect(runs.join(' ').replace(/\s+/g, ' ')).toContain('closed 30 Oct 2026, released 2 Nov 2026');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // "Others" is pooled everywhere in the typical report: never a column of "in Others" cells.
    expect(runs.filter((r) => r === 'in Others' || r.startsWith('Others hidden'))).toEqual([]);
    expect(runs.filter((r) => r.startsWith('Others: hidden')).length).toBeGreaterThan(report.behaviours.length);
  });

  it('draws every group in its own colour (Okabe–Ito), self and manager apart', () => {
    const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const fills = new Set(
      pdfPageContents(pdf).flatMap((c) =>
        [...c.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (?:scn|rg)\b/g)].map((m) => [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * 255)).join(',')),
      ),
    );
    const drawn = printedColumns(report).filter((c) => report.behaviours.some((b) => b.cells[c].shown));
    expect(drawn).toEqual(expect.arrayContaining(['self', 'manager', 'peer', 'all_others']));
    for (const c of drawn) expect(fills).toContain(rgb(GROUP_COLOUR[c]).join(','));
    expect(new Set(Object.values(GROUP_COLOUR)).size).toBe(Object.keys(GROUP_COLOUR).length);
  });

  it('fits the typical report on a few A4 pages', () => {
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(5);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(8);
  });
});

describe('report PDF with pooled groups', () => {
  // Peers and direct reports shown only together, in "others" (anonymity.ts, rule 7).
  const typical = aTypicalReport();
  const pooled = { shown: false, reason: 'pooled' } as const;
  const pool = { shown: true, mean: 3.57, n: 7, spread: 0.49 };
  const poolCells = (cells: ReportCellsDto): ReportCellsDto => ({ ...cells, peer: pooled, direct_report: pooled, others: pool });
  const report = aTypicalReport({
    viewer: 'subject',
    behaviours: typical.behaviours.map((b) => ({
      ...b,
      cells: poolCells(b.cells),
      statements: b.statements.map((s) => ({ ...s, cells: poolCells(s.cells) })),
    })),
    indices: { influence: poolCells(typical.indices.influence), management: poolCells(typical.indices.management) },
    columns: typical.columns.map((c) =>
      c.key === 'peer' || c.key === 'direct_report'
        ? { key: c.key, groups: [], identified: false, shown: false, reason: 'pooled' }
        : c.key === 'others'
          ? { key: 'others', groups: ['peer', 'direct_report'], identified: false, shown: true, respondents: 7 }
          : c,
    ),
    directionOfInfluence: {
      ...typical.directionOfInfluence,
      sideways: pooled,
      downwards: pooled,
      pooled: { directions: ['sideways', 'downwards'], groups: ['peer', 'direct_report'], cell: pool },
    },
  });

  it('says once which groups are shown together and why, and names the pool after them', async () => {
    const runs = pdfTextRuns(await reportPdf(report));
    const flowing = runs.join(' ').replace(/\s+/g, ' ');
    const sentence =
      "Your peers' and direct reports' answers are shown together as one group (7 people), because a group with fewer than 3 anonymous answers is never shown on its own.";
    expect(poolingSentence(report, 'Your')).toBe(sentence);
    expect(flowing).toContain(sentence);
    expect(flowing).toContain('Sideways (peers): hidden: shown only together with other groups');
    expect(flowing).toContain('Sideways and downwards together (peers and direct reports): 3.57 · n 7 · spread 0.49');
    expect(flowing).toContain('Peers and direct reports 3.57 · n 7 · spread 0.49');
    expect(runs).not.toContain('Others');
    expect(flowing).not.toMatch(/Peers \d/); // the pooled groups' columns are never printed apart
    // A manager reading the report is told the same about the subject.
    expect(poolingSentence(report, "Łukasz's")).toMatch(/^Łukasz's peers' and direct reports' answers/);
    expect(poolingSentence(typical, 'Your')).toBeNull();
  });

  it('names the pool in a note on a column hidden throughout, as the page does', async () => {
    const hidden = { shown: false, reason: 'below_threshold' } as const;
    const thin = { ...report, behaviours: report.behaviours.map((b) => ({ ...b, cells: { ...b.cells, others: hidden } })) };
    const { columns, notes } = compactColumns(
      printedColumns(thin),
      thin.behaviours.map((b) => b.cells),
      thin.threshold,
      columnLabels(thin),
    );
    expect(columns).not.toContain('others');
    const poolNote = notes.find((n) => n.startsWith('Peers and direct reports: '));
    expect(poolNote).toBe('Peers and direct reports: hidden: fewer than 3 anonymous responses throughout');
    const flowing = pdfTextRuns(await reportPdf(thin))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(flowing).toContain(poolNote);
    expect(flowing).not.toMatch(/Others: .+ throughout/);
  });
});

const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('report PDF in German', () => {
  const report = aTypicalReport();
  let runs: string[];
  let flowing: string;
  beforeAll(async () => {
    const pdf = await reportPdf(report, 'de');
    runs = pdfTextRuns(pdf);
    flowing = runs.join(' ').replace(/\s+/g, ' ');
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(de-DE\)/);
  });

  it('prints German words with umlauts, ß and German quotation marks as written, and no English headings', () => {
    for (const words of ['Zusammenfassung', 'Größter blinder Fleck', 'Stärken und Entwicklungsfelder', 'Blinde Flecken und verborgene Stärken', 'Kommentare']) {
      expect(runs).toContain(words);
    }
    expect(flowing).toContain('Bewertet wird auf einer fünfstufigen Häufigkeitsskala');
    expect(flowing).toContain('„< k“: weniger Antworten als der Schwellenwert');
    expect(flowing).toContain('ließe');
    expect(flowing).toMatch(/vertraulich · Seite 1 von \d/);
    expect(flowing).not.toMatch(/\bSummary\b|Blind spots|Strengths and areas|confidential/);
    // eslint-disable-next-line no-control-regex -- a NUL in the PDF text is what this looks for
    expect(flowing).not.toMatch(/\?{2}|\ufffd|\u0000/);
  });

  it('says the followership line in German', () => {
    expect(flowing).toContain('4 Kolleginnen und Kollegen außerhalb der Berichtslinie von Łukasz nennen Łukasz als Ansprechperson für Rat oder Unterstützung.');
  });

  it('writes numbers with a decimal comma', () => {
    const mean = report.indices.influence.all_others.mean!;
    expect(flowing).toContain(mean.toFixed(2).replace('.', ','));
    expect(flowing).toMatch(/\d,\d\d · n \d+ · Streuung \d,\d\d/);
  });
});
