import PDFDocument from 'pdfkit';
import type { ColumnKey } from '../domain';
import type { ReportCellDto, ReportDto } from '../report/report.dto';
import { drawBars, drawProfile, meanWithSpread, PdfDoc, shortHidden, table, TableCell } from './pdf-drawing';
import { FONT, pdfText, useReportFonts } from './pdf-fonts';
import { columnLabels, fixed, hiddenText, poolingSentence, printedColumns, QUADRANT_LABELS } from './report-text';

const MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#5f6b7a';

/**
 * The report laid out for paper (A4): header, profile and indices, direction of influence,
 * behaviours by group (a table, then a bar drawing per behaviour), statements, blind spots and
 * strengths, comments, trend. The same numbers as the page: it renders the same view model.
 */
export function reportPdf(report: ReportDto): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: pdfText(`360 feedback report: ${report.subject.name}, ${report.cycle.name}`), Author: 'Ripple', Creator: 'Ripple' },
  });
  useReportFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const k = report.threshold;
  const labels = columnLabels(report);
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}): PdfDoc => doc.text(pdfText(value), options);
  const heading = (value: string): void => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8).font(FONT.bold).fontSize(13).fillColor(INK);
    text(value, { x: MARGIN } as PDFKit.Mixins.TextOptions);
    doc.moveDown(0.3).font(FONT.regular).fontSize(9.5).fillColor(INK);
  };
  const note = (value: string): void => {
    doc.font(FONT.italic).fontSize(8.5).fillColor(MUTED);
    text(value, { width: doc.page.width - 2 * MARGIN });
    doc.font(FONT.regular).fontSize(9.5).fillColor(INK);
  };
  // A list item with a hanging indent: wrapped lines line up with the item's text, not its marker.
  const item = (marker: string, value: string): void => {
    if (doc.y + doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    if (marker) doc.text(marker, MARGIN + 6, y, { lineBreak: false });
    doc.text(pdfText(value), MARGIN + 20, y, { width: doc.page.width - 2 * MARGIN - 20 });
    doc.x = MARGIN;
  };
  // Self, and a manager shown separately, are one known person: the mean alone, as on the page.
  const identified = (key: ColumnKey): boolean => report.columns.some((c) => c.key === key && c.identified);
  const cell = (c: ReportCellDto, key: ColumnKey): string => (c.shown ? meanWithSpread(c, identified(key)) : hiddenText(c.reason, k));

  // Header
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED);
  text('Ripple · 360° feedback report · confidential');
  doc.moveDown(0.4).font(FONT.bold).fontSize(22).fillColor(INK);
  text(report.subject.name);
  doc.font(FONT.regular).fontSize(11).fillColor(MUTED);
  text([report.subject.title, report.subject.department].filter(Boolean).join(' · ') || ' ');
  doc.moveDown(0.3).fillColor(INK);
  text(`${report.cycle.name} · ${report.cycle.frameworkName} (version ${report.cycle.frameworkVersion})`);
  const dates = [
    report.cycle.closedAt && `closed ${report.cycle.closedAt.slice(0, 10)}`,
    report.cycle.releasedAt && `released ${report.cycle.releasedAt.slice(0, 10)}`,
  ];
  text(dates.filter(Boolean).join(', ') || ' ');
  doc.moveDown(0.5);
  note(
    `Ratings are on a five-point frequency scale (${report.scale.points.map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', ')}); ` +
      `"${report.scale.notObservedLabel}" never counts as a score. A group's numbers appear only with at least ${k} answers for that very number, ` +
      'and no number is shown that would let a smaller group be worked out. n is the number of raters behind a number; spread is the standard deviation.',
  );

  const pooling = poolingSentence(report, report.viewer === 'subject' ? 'Your' : possessive(report.subject.name));
  if (pooling) {
    doc.moveDown(0.3);
    note(pooling);
  }

  // Profile and indices
  heading('Manager-leader profile');
  const top = doc.y;
  drawProfile(
    doc,
    MARGIN,
    top,
    150,
    report.profile.shown ? { influence: report.profile.influence!, management: report.profile.management!, threshold: report.profile.threshold! } : null,
  );
  doc.x = MARGIN + 175;
  doc.y = top;
  const right = { width: doc.page.width - MARGIN - (MARGIN + 175) };
  if (report.profile.shown) {
    doc.font(FONT.bold).fontSize(12);
    text(QUADRANT_LABELS[report.profile.quadrant!], right);
    doc.font(FONT.regular).fontSize(9.5);
    text(
      `Influence index ${fixed(report.profile.influence)} · management index ${fixed(report.profile.management)} (as rated by all others; "high" from ${fixed(report.profile.threshold, 1)})`,
      right,
    );
  } else {
    text(`The profile is not shown: ${hiddenText(report.profile.reason, k)}.`, right);
  }
  doc.moveDown(0.6).font(FONT.bold);
  text('Direction of influence', right);
  doc.font(FONT.regular);
  text(`Sideways (peers): ${cell(report.directionOfInfluence.sideways, 'peer')}`, right);
  text(`Downwards (direct reports): ${cell(report.directionOfInfluence.downwards, 'direct_report')}`, right);
  text(`Upwards (manager): ${cell(report.directionOfInfluence.upwards, 'manager')}`, right);
  const pooledDirection = report.directionOfInfluence.pooled;
  if (pooledDirection) {
    const name = pooledDirection.directions.join(' and ');
    text(`${name[0].toUpperCase()}${name.slice(1)} together (${labels.others.toLowerCase()}): ${cell(pooledDirection.cell, 'others')}`, right);
  }
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + 175);

  const columns = printedColumns(report);
  const groupCell = (c: ReportCellDto, key: ColumnKey): TableCell =>
    !c.shown ? shortHidden(c.reason) : { value: fixed(c.mean), details: identified(key) ? [] : [`n ${c.n}`, `spread ${fixed(c.spread)}`] };
  heading('Indices by group');
  table(
    doc,
    ['', ...columns.map((c) => labels[c])],
    [
      ['Influence index', ...columns.map((c) => groupCell(report.indices.influence[c], c))],
      ['Management index', ...columns.map((c) => groupCell(report.indices.management[c], c))],
    ],
  );
  note(
    'Each cell shows the mean, then n (how many raters it is built from) and the spread (standard deviation): under 0.5 the raters mostly agree, above 1 their views differ widely. ' +
      'Self, and a manager shown separately, are one known person: the mean alone. ' +
      '"< k": fewer answers than the threshold; "pooled": shown only together with other groups, in the pooled column; "protected": hidden so that a smaller group cannot be worked out; "not observed": the rater chose not observed.',
  );

  heading('Behaviours by group');
  table(
    doc,
    ['Behaviour', ...columns.map((c) => labels[c])],
    report.behaviours.map((b) => [`${b.name}${b.kind === 'management' ? ' (mgmt)' : ''}`, ...columns.map((c) => groupCell(b.cells[c], c))]),
  );

  heading('Each behaviour, by group');
  for (const b of report.behaviours) {
    drawBars(
      doc,
      b.name,
      b.description,
      columns.map((c) => ({ label: labels[c], cell: b.cells[c], hidden: hiddenText(b.cells[c].reason, k), identified: identified(c) })),
    );
  }

  heading('Statements');
  for (const b of report.behaviours) {
    table(
      doc,
      [b.name, ...columns.map((c) => labels[c])],
      b.statements.map((s) => [s.text, ...columns.map((c) => groupCell(s.cells[c], c))]),
      { firstColumnWidth: 190 },
    );
    doc.moveDown(0.4);
  }

  heading('Blind spots and hidden strengths');
  note('Statements where the self rating is at least one point above (blind spot) or below (hidden strength) the mean of all others.');
  const gaps = (title: string, list: ReportDto['blindSpots']): void => {
    doc.font(FONT.bold);
    text(title);
    doc.font(FONT.regular);
    if (!list.length) text('None.');
    for (const g of list) item('•', `${g.text} (self ${fixed(g.self)}, others ${fixed(g.others)}, gap ${g.gap > 0 ? '+' : ''}${fixed(g.gap)})`);
    doc.moveDown(0.3);
  };
  gaps('Blind spots', report.blindSpots);
  gaps('Hidden strengths', report.hiddenStrengths);

  heading('Strengths and areas to develop');
  const ranked = (title: string, list: ReportDto['strengths']): void => {
    doc.font(FONT.bold);
    text(title);
    doc.font(FONT.regular);
    if (!list.length) text('Not enough shown numbers.');
    list.forEach((s, i) => item(`${i + 1}.`, `${s.text} (${fixed(s.mean)})`));
    doc.moveDown(0.3);
  };
  ranked('Top strengths (all others)', report.strengths);
  ranked('Areas to develop (all others)', report.developmentAreas);

  heading('Comments');
  note("Never attributed, in an order unrelated to who wrote them or when; a group's comments appear only where its numbers may.");
  for (const q of report.comments) {
    doc.moveDown(0.3).font(FONT.bold);
    text(q.text);
    doc.font(FONT.regular);
    if (!q.self.length && !q.others.length) item('', 'No comments.');
    for (const c of q.self) item('•', `Self: ${c}`);
    for (const c of q.others) item('•', c);
  }

  heading('Trend');
  if (!report.trend) {
    text('No earlier cycle on the same framework to compare with.');
  } else {
    const t = report.trend;
    const value = (v: typeof t.influence): string[] =>
      v.shown
        ? [fixed(v.previous), fixed(v.current), `${v.delta! > 0 ? '+' : ''}${fixed(v.delta)}`]
        : ['', '', v.reason === 'no_previous' ? 'not in the earlier report' : 'not shown now'];
    if (t.previousCycle) text(`Compared with ${t.previousCycle.name} (all others).`);
    const names = new Map(report.behaviours.map((b) => [b.key, b.name]));
    table(
      doc,
      ['', 'Before', 'Now', 'Change'],
      [
        ['Influence index', ...value(t.influence)],
        ['Management index', ...value(t.management)],
        ...t.behaviours.map((b) => [names.get(b.key) ?? b.key, ...value(b.value)]),
      ],
    );
  }

  // Footer on every page: bottom margin off while writing below it, else pdfkit adds a page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    doc.text(pdfText(`${report.subject.name} · ${report.cycle.name} · confidential · page ${i + 1} of ${range.count}`), MARGIN, doc.page.height - MARGIN + 15, {
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
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
