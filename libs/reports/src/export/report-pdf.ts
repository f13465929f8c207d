import PDFDocument from 'pdfkit';
import type { ColumnKey } from '../domain';
import type { ReportCellDto, ReportDto } from '../report/report.dto';
import {
  artifact,
  barsHeight,
  drawBars,
  drawProfile,
  drawTrend,
  ensureSpace,
  TREND_HEIGHT,
  GROUP_COLOUR,
  meanWithSpread,
  PdfDoc,
  shortHidden,
  table,
  TableCell,
} from './pdf-drawing';
import { FONT, pdfText, useReportFonts } from './pdf-fonts';
import { columnLabels, compactColumns, fixed, formatDate, hiddenText, overviewLines, poolingSentence, printedColumns, QUADRANT_LABELS } from './report-text';

const MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#5f6b7a';

/** The title the PDF reader shows (DisplayDocTitle) and assistive technology announces. */
export const reportPdfTitle = (report: Pick<ReportDto, 'subject' | 'cycle'>): string => `360° feedback report: ${report.subject.name}, ${report.cycle.name}`;

/**
 * The report laid out for paper (A4), in the web page's order: the summary on page 1, then the
 * trend across cycles, profile and indices, strengths and blind spots, behaviours by group,
 * statements and comments. The same numbers as the page: it renders the same view model.
 *
 * A tagged PDF (PDF/UA's structure): title, language, headings, paragraphs, tables with header
 * cells and figures with alternative text; rules, shading and page footers are artifacts.
 */
export function reportPdf(report: ReportDto): Promise<Buffer> {
  const title = reportPdfTitle(report);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: pdfText(title), Author: 'Ripple', Creator: 'Ripple', Subject: '360° feedback report' },
  });
  useReportFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const k = report.threshold;
  const width = doc.page.width - 2 * MARGIN;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}): PdfDoc => doc.text(pdfText(value), options);
  /** A structure element drawn now: `draw` runs as it is attached. */
  const tag = (type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void => void root.add(doc.struct(type, options, draw));
  const paragraph = (value: string, options: PDFKit.Mixins.TextOptions = {}): void => tag('P', () => text(value, options));
  const heading = (value: string): void => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8).font(FONT.bold).fontSize(13).fillColor(INK);
    tag('H2', () => text(value, { x: MARGIN } as PDFKit.Mixins.TextOptions));
    doc.moveDown(0.3).font(FONT.regular).fontSize(9.5).fillColor(INK);
  };
  const subheading = (value: string): void => {
    doc.font(FONT.bold);
    tag('H3', () => text(value));
    doc.font(FONT.regular);
  };
  const note = (value: string): void => {
    doc.font(FONT.italic).fontSize(8.5).fillColor(MUTED);
    ensureSpace(doc, doc.heightOfString(pdfText(value), { width }));
    paragraph(value, { width });
    doc.font(FONT.regular).fontSize(9.5).fillColor(INK);
  };
  // A list item with a hanging indent: wrapped lines line up with the item's text, not its marker.
  const item = (marker: string, value: string): void => {
    ensureSpace(doc, doc.heightOfString(pdfText(value), { width: width - 20 }));
    const y = doc.y;
    tag('P', () => {
      if (marker) doc.text(marker, MARGIN + 6, y, { lineBreak: false });
      doc.text(pdfText(value), MARGIN + 20, y, { width: width - 20 });
    });
    doc.x = MARGIN;
  };
  const tableOf = (header: string[], rows: TableCell[][], options: { firstColumnWidth?: number; summary: string }): void => {
    const struct = doc.struct('Table', { title: options.summary });
    root.add(struct);
    table(doc, header, rows, { firstColumnWidth: options.firstColumnWidth, struct });
  };
  // Self, and a manager shown separately, are one known person: the mean alone, as on the page.
  const identified = (key: ColumnKey): boolean => report.columns.some((c) => c.key === key && c.identified);
  const cell = (c: ReportCellDto, key: ColumnKey): string => (c.shown ? meanWithSpread(c, identified(key)) : hiddenText(c.reason, k));
  const groupCell = (c: ReportCellDto, key: ColumnKey): TableCell =>
    !c.shown ? shortHidden(c.reason) : { value: fixed(c.mean), details: identified(key) ? [] : [`n ${c.n}`, `spread ${fixed(c.spread)}`] };
  const columns = printedColumns(report);
  const labels = columnLabels(report);
  /** A table of numbers by group, a column hidden throughout said once beneath it rather than in every cell. */
  const groupTable = (caption: string, firstHeader: string, rows: { label: string; cells: ReportDto['indices']['influence'] }[], firstColumnWidth?: number) => {
    const compact = compactColumns(
      columns,
      rows.map((r) => r.cells),
      k,
      labels,
    );
    tableOf(
      [firstHeader, ...compact.columns.map((c) => labels[c])],
      rows.map((r) => [r.label, ...compact.columns.map((c) => groupCell(r.cells[c], c))]),
      { firstColumnWidth, summary: caption },
    );
    if (compact.notes.length) note(`${compact.notes.join('. ')}.`);
  };

  // Header
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED);
  paragraph('Ripple · 360° feedback report · confidential');
  doc.moveDown(0.4).font(FONT.bold).fontSize(22).fillColor(INK);
  tag('H1', () => text(report.subject.name));
  doc.font(FONT.regular).fontSize(11).fillColor(MUTED);
  paragraph([report.subject.title, report.subject.department].filter(Boolean).join(' · ') || ' ');
  doc.moveDown(0.3).fillColor(INK);
  const dates = [
    report.cycle.closedAt && `closed ${formatDate(report.cycle.closedAt)}`,
    report.cycle.releasedAt && `released ${formatDate(report.cycle.releasedAt)}`,
  ];
  paragraph(
    `${report.cycle.name} · ${report.cycle.frameworkName} (version ${report.cycle.frameworkVersion})${dates.some(Boolean) ? ` · ${dates.filter(Boolean).join(', ')}` : ''}`,
  );

  const pooling = poolingSentence(report, report.viewer === 'subject' ? 'Your' : possessive(report.subject.name));
  if (pooling) {
    doc.moveDown(0.3);
    note(pooling);
  }

  // Summary: page 1, as the web page opens.
  heading('Summary');
  for (const line of overviewLines(report)) {
    ensureSpace(
      doc,
      doc
        .font(FONT.regular)
        .fontSize(9.5)
        .heightOfString(pdfText(line.text), { width: width - 140 }),
    );
    const y = doc.y;
    tag('P', () => {
      doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(pdfText(line.title), MARGIN, y, { width: 130 });
      const after = doc.y;
      doc.font(FONT.regular).text(pdfText(line.text), MARGIN + 140, y, { width: width - 140 });
      doc.y = Math.max(doc.y, after) + 4;
    });
    doc.x = MARGIN;
  }
  doc.moveDown(0.3);
  note(
    `Ratings are on a five-point frequency scale (${report.scale.points.map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', ')}); ` +
      `"${report.scale.notObservedLabel}" never counts as a score. A group's numbers appear only with at least ${k} answers for that very number, ` +
      'and no number is shown that would let a smaller group be worked out. n is the number of raters behind a number; spread is the standard deviation.',
  );

  // Trend
  heading('Trend');
  const history = report.history;
  const names = new Map(report.behaviours.map((b) => [b.key, b.name]));
  if (history.length > 1) {
    const cycles = history.map((p) => p.cycleName);
    const lines = [
      { name: 'Influence index', colour: GROUP_COLOUR.all_others, dash: null, values: history.map((p) => p.influence) },
      { name: 'Management index', colour: GROUP_COLOUR.others, dash: [5, 3], values: history.map((p) => p.management) },
    ];
    const say = (v: number | null): string => (v === null ? 'not shown' : fixed(v));
    const alt =
      `Line chart of the all-others indices in ${history.length} cycles on this framework, oldest first. ` +
      history.map((p) => `${p.cycleName}: influence ${say(p.influence)}, management ${say(p.management)}`).join('; ') +
      '.';
    ensureSpace(doc, TREND_HEIGHT);
    tag('Figure', () => drawTrend(doc, cycles, lines), { alt: pdfText(alt) });
    note('All-others means in every cycle on this framework, oldest first; a gap is a number that cycle\u2019s report did not show.');
    const behaviourRows: TableCell[][] = report.behaviours.map((b) => [
      b.name,
      ...history.map((p) => {
        const v = p.behaviours.find((x) => x.key === b.key)?.mean ?? null;
        return v === null ? 'not shown' : fixed(v);
      }),
    ]);
    tableOf(
      ['', ...cycles],
      [['Influence index', ...history.map((p) => say(p.influence))], ['Management index', ...history.map((p) => say(p.management))], ...behaviourRows],
      { summary: 'All-others means by cycle, oldest first' },
    );
  } else if (!report.trend) {
    paragraph('No earlier cycle on the same framework to compare with.');
  }
  if (report.trend) {
    const t = report.trend;
    const value = (v: typeof t.influence): string[] =>
      v.shown
        ? [fixed(v.previous), fixed(v.current), `${v.delta! > 0 ? '+' : ''}${fixed(v.delta)}`]
        : ['', '', v.reason === 'no_previous' ? 'not in the earlier report' : 'not shown now'];
    if (t.previousCycle)
      subheading(`Compared with ${t.previousCycle.name}${t.previousCycle.closedAt ? ` (closed ${formatDate(t.previousCycle.closedAt)})` : ''}`);
    tableOf(
      ['', 'Before', 'Now', 'Change'],
      [
        ['Influence index', ...value(t.influence)],
        ['Management index', ...value(t.management)],
        ...t.behaviours.map((b) => [names.get(b.key) ?? b.key, ...value(b.value)]),
      ],
      { summary: `Change since ${t.previousCycle?.name ?? 'the earlier cycle'}, all others` },
    );
  }

  // Profile and indices
  heading('Manager-leader profile');
  const top = doc.y;
  const profile = report.profile;
  tag(
    'Figure',
    () =>
      drawProfile(
        doc,
        MARGIN,
        top,
        150,
        profile.shown ? { influence: profile.influence!, management: profile.management!, threshold: profile.threshold! } : null,
      ),
    {
      alt: profile.shown
        ? `Manager-leader 2×2: ${QUADRANT_LABELS[profile.quadrant!]}, influence ${fixed(profile.influence)}, management ${fixed(profile.management)}; high from ${fixed(profile.threshold, 1)}.`
        : 'Manager-leader 2×2: not shown.',
    },
  );
  doc.x = MARGIN + 175;
  doc.y = top;
  const right = { width: doc.page.width - MARGIN - (MARGIN + 175) };
  if (profile.shown) {
    doc.font(FONT.bold).fontSize(12);
    paragraph(QUADRANT_LABELS[profile.quadrant!], right);
    doc.font(FONT.regular).fontSize(9.5);
    paragraph(
      `Influence index ${fixed(profile.influence)} · management index ${fixed(profile.management)} (as rated by all others; "high" from ${fixed(profile.threshold, 1)})`,
      right,
    );
  } else {
    paragraph(`The profile is not shown: ${hiddenText(profile.reason, k)}.`, right);
  }
  doc.moveDown(0.6).font(FONT.bold);
  tag('H3', () => text('Direction of influence', right));
  doc.font(FONT.regular);
  paragraph(`Sideways (peers): ${cell(report.directionOfInfluence.sideways, 'peer')}`, right);
  paragraph(`Downwards (direct reports): ${cell(report.directionOfInfluence.downwards, 'direct_report')}`, right);
  paragraph(`Upwards (manager): ${cell(report.directionOfInfluence.upwards, 'manager')}`, right);
  const pooledDirection = report.directionOfInfluence.pooled;
  if (pooledDirection) {
    const name = pooledDirection.directions.join(' and ');
    paragraph(`${name[0].toUpperCase()}${name.slice(1)} together (${labels.others.toLowerCase()}): ${cell(pooledDirection.cell, 'others')}`, right);
  }
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + 175);

  heading('Indices by group');
  groupTable('Influence and management indices by rater group', '', [
    { label: 'Influence index', cells: report.indices.influence },
    { label: 'Management index', cells: report.indices.management },
  ]);
  note(
    'Each cell shows the mean, then n (how many raters it is built from) and the spread (standard deviation): under 0.5 the raters mostly agree, above 1 their views differ widely. ' +
      'Self, and a manager shown separately, are one known person: the mean alone. ' +
      '"< k": fewer answers than the threshold; "pooled": shown only together with other groups, in the pooled column; "protected": hidden so that a smaller group cannot be worked out; "not observed": the rater chose not observed.',
  );

  heading('Strengths and areas to develop');
  const ranked = (title: string, list: ReportDto['strengths']): void => {
    subheading(title);
    if (!list.length) paragraph('Not enough shown numbers.');
    list.forEach((s, i) => item(`${i + 1}.`, `${s.text} (${fixed(s.mean)})`));
    doc.moveDown(0.3);
  };
  ranked('Top strengths (all others)', report.strengths);
  ranked('Areas to develop (all others)', report.developmentAreas);

  heading('Blind spots and hidden strengths');
  note('Statements where the self rating is at least one point above (blind spot) or below (hidden strength) the mean of all others.');
  const gaps = (title: string, list: ReportDto['blindSpots']): void => {
    subheading(title);
    if (!list.length) paragraph('None.');
    for (const g of list) item('•', `${g.text} (self ${fixed(g.self)}, others ${fixed(g.others)}, gap ${g.gap > 0 ? '+' : ''}${fixed(g.gap)})`);
    doc.moveDown(0.3);
  };
  gaps('Blind spots', report.blindSpots);
  gaps('Hidden strengths', report.hiddenStrengths);

  heading('Behaviours by group');
  groupTable(
    'Each behaviour by rater group',
    'Behaviour',
    report.behaviours.map((b) => ({ label: `${b.name}${b.kind === 'management' ? ' (mgmt)' : ''}`, cells: b.cells })),
  );

  heading('Each behaviour, by group');
  // A group hidden in every behaviour gets no bar anywhere: said once here instead.
  const barColumns = compactColumns(
    columns,
    report.behaviours.map((b) => b.cells),
    k,
    labels,
  );
  if (barColumns.notes.length) note(`${barColumns.notes.join('. ')}.`);
  for (const b of report.behaviours) {
    const say = (c: ColumnKey): string => `${labels[c]} ${b.cells[c].shown ? fixed(b.cells[c].mean) : hiddenText(b.cells[c].reason, k)}`;
    ensureSpace(doc, barsHeight(doc, b.description, barColumns.columns.length));
    tag(
      'Figure',
      () =>
        drawBars(
          doc,
          b.name,
          b.description,
          barColumns.columns.map((c) => ({
            label: labels[c],
            cell: b.cells[c],
            hidden: hiddenText(b.cells[c].reason, k),
            identified: identified(c),
            colour: GROUP_COLOUR[c],
          })),
        ),
      { alt: pdfText(`${b.name}, mean by group on the 1–5 scale: ${barColumns.columns.map(say).join('; ')}.`) },
    );
  }

  heading('Statements');
  for (const b of report.behaviours) {
    groupTable(
      `${b.name}: each statement by rater group`,
      b.name,
      b.statements.map((s) => ({ label: s.text, cells: s.cells })),
      190,
    );
    doc.moveDown(0.4);
  }

  heading('Comments');
  note("Never attributed, in an order unrelated to who wrote them or when; a group's comments appear only where its numbers may.");
  for (const q of report.comments) {
    doc.moveDown(0.3);
    subheading(q.text);
    if (!q.self.length && !q.others.length) item('', 'No comments.');
    for (const c of q.self) item('•', `Self: ${c}`);
    for (const c of q.others) item('•', c);
  }
  root.end();

  // Footer on every page: bottom margin off while writing below it, else pdfkit adds a page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    artifact(doc, () =>
      doc.text(
        pdfText(`${report.subject.name} · ${report.cycle.name} · confidential · page ${i + 1} of ${range.count}`),
        MARGIN,
        doc.page.height - MARGIN + 15,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      ),
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** "Priya's", "James'": the first name's possessive. */
function possessive(name: string): string {
  const first = name.trim().split(/\s+/)[0] || name;
  return `${first}'${first.endsWith('s') ? '' : 's'}`;
}
