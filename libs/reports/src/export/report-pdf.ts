import PDFDocument from 'pdfkit';
import { type Language, LOCALES, translator, type Translator } from '@lib/common';
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
import {
  columnLabels,
  compactColumns,
  directionNames,
  fixedIn,
  followershipSentence,
  formatDate,
  hiddenText,
  overviewLines,
  poolingSentence,
  printedColumns,
  quadrantLabel,
  whoseReport,
} from './report-text';

const MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#5f6b7a';

/** The title the PDF reader shows (DisplayDocTitle) and assistive technology announces. */
export const reportPdfTitle = (report: Pick<ReportDto, 'subject' | 'cycle'>, t: Translator = translator('en')): string =>
  t.t('pdf.title', { name: report.subject.name, cycle: report.cycle.name });

/**
 * The report laid out for paper (A4), in the reader's language and in the web page's order: the summary on page 1, then the
 * trend across cycles, profile and indices, strengths and blind spots, behaviours by group,
 * statements and comments. The same numbers as the page: it renders the same view model.
 *
 * A tagged PDF (PDF/UA's structure): title, language, headings, paragraphs, tables with header
 * cells and figures with alternative text; rules, shading and page footers are artifacts.
 */
export function reportPdf(report: ReportDto, language: Language = 'en'): Promise<Buffer> {
  const t = translator(language);
  const fixed = (value: number | undefined, digits = 2): string => fixedIn(t, value, digits);
  const title = reportPdfTitle(report, t);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: LOCALES[language],
    displayTitle: true,
    info: { Title: pdfText(title), Author: 'Ripple', Creator: 'Ripple', Subject: t.t('pdf.subject') },
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
  const cell = (c: ReportCellDto, key: ColumnKey): string => (c.shown ? meanWithSpread(c, identified(key), t) : hiddenText(c.reason, k, t));
  const groupCell = (c: ReportCellDto, key: ColumnKey): TableCell =>
    !c.shown
      ? shortHidden(c.reason, t)
      : {
          value: fixed(c.mean),
          details: identified(key) ? [] : [t.t('report.cell.n', { n: c.n ?? 0 }), t.t('report.cell.spread', { spread: fixed(c.spread) })],
        };
  const columns = printedColumns(report);
  const labels = columnLabels(report, t);
  /** A table of numbers by group, a column hidden throughout said once beneath it rather than in every cell. */
  const groupTable = (caption: string, firstHeader: string, rows: { label: string; cells: ReportDto['indices']['influence'] }[], firstColumnWidth?: number) => {
    const compact = compactColumns(
      columns,
      rows.map((r) => r.cells),
      k,
      labels,
      t,
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
  paragraph(t.t('pdf.header'));
  doc.moveDown(0.4).font(FONT.bold).fontSize(22).fillColor(INK);
  tag('H1', () => text(report.subject.name));
  doc.font(FONT.regular).fontSize(11).fillColor(MUTED);
  paragraph([report.subject.title, report.subject.department].filter(Boolean).join(' · ') || ' ');
  doc.moveDown(0.3).fillColor(INK);
  const dates = [
    report.cycle.closedAt && t.t('pdf.closed', { date: formatDate(report.cycle.closedAt, t) }),
    report.cycle.releasedAt && t.t('pdf.released', { date: formatDate(report.cycle.releasedAt, t) }),
  ];
  const cycleLine = t.t('pdf.cycle', { cycle: report.cycle.name, framework: report.cycle.frameworkName, version: report.cycle.frameworkVersion });
  paragraph(`${cycleLine}${dates.some(Boolean) ? ` · ${dates.filter(Boolean).join(', ')}` : ''}`);

  const pooling = poolingSentence(report, whoseReport(report, t), t);
  if (pooling) {
    doc.moveDown(0.3);
    note(pooling);
  }

  // Summary: page 1, as the web page opens.
  heading(t.t('pdf.summary'));
  for (const line of overviewLines(report, t)) {
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
  // Followership: right under the summary, as on the page (a count only from k on, never who).
  const followership = followershipSentence(report, t);
  if (followership) {
    doc.moveDown(0.2);
    ensureSpace(doc, doc.font(FONT.regular).fontSize(9.5).heightOfString(pdfText(followership), { width }));
    paragraph(followership, { width });
    doc.x = MARGIN;
  }
  doc.moveDown(0.3);
  note(
    t.t('pdf.scaleNote', {
      points: report.scale.points.map((p) => `${p.value} ${p.label.toLowerCase()}`).join(', '),
      notObserved: report.scale.notObservedLabel,
      k,
    }),
  );

  // Trend
  heading(t.t('pdf.trend'));
  const history = report.history;
  const names = new Map(report.behaviours.map((b) => [b.key, b.name]));
  if (history.length > 1) {
    const cycles = history.map((p) => p.cycleName);
    const lines = [
      { name: t.t('report.influenceIndex'), colour: GROUP_COLOUR.all_others, dash: null, values: history.map((p) => p.influence) },
      { name: t.t('report.managementIndex'), colour: GROUP_COLOUR.others, dash: [5, 3], values: history.map((p) => p.management) },
    ];
    const say = (v: number | null): string => (v === null ? t.t('pdf.notShown') : fixed(v));
    const alt = t.t('pdf.trendAlt', {
      count: history.length,
      cycles: history.map((p) => t.t('pdf.trendAltCycle', { cycle: p.cycleName, influence: say(p.influence), management: say(p.management) })).join('; '),
    });
    ensureSpace(doc, TREND_HEIGHT);
    tag('Figure', () => drawTrend(doc, cycles, lines), { alt: pdfText(alt) });
    note(t.t('pdf.trendNote'));
    const behaviourRows: TableCell[][] = report.behaviours.map((b) => [
      b.name,
      ...history.map((p) => {
        const v = p.behaviours.find((x) => x.key === b.key)?.mean ?? null;
        return v === null ? t.t('pdf.notShown') : fixed(v);
      }),
    ]);
    tableOf(
      ['', ...cycles],
      [
        [t.t('report.influenceIndex'), ...history.map((p) => say(p.influence))],
        [t.t('report.managementIndex'), ...history.map((p) => say(p.management))],
        ...behaviourRows,
      ],
      { summary: t.t('pdf.trendSummary') },
    );
  } else if (!report.trend) {
    paragraph(t.t('pdf.trendNone'));
  }
  if (report.trend) {
    const trend = report.trend;
    const value = (v: typeof trend.influence): string[] =>
      v.shown
        ? [fixed(v.previous), fixed(v.current), `${v.delta! > 0 ? '+' : ''}${fixed(v.delta)}`]
        : ['', '', v.reason === 'no_previous' ? t.t('pdf.notInEarlier') : t.t('pdf.notShownNow')];
    const previous = trend.previousCycle;
    if (previous)
      subheading(
        previous.closedAt
          ? t.t('pdf.comparedWithClosed', { cycle: previous.name, date: formatDate(previous.closedAt, t) })
          : t.t('pdf.comparedWith', { cycle: previous.name }),
      );
    tableOf(
      ['', t.t('pdf.before'), t.t('pdf.now'), t.t('pdf.change')],
      [
        [t.t('report.influenceIndex'), ...value(trend.influence)],
        [t.t('report.managementIndex'), ...value(trend.management)],
        ...trend.behaviours.map((b) => [names.get(b.key) ?? b.key, ...value(b.value)]),
      ],
      { summary: t.t('pdf.changeSummary', { cycle: previous?.name ?? t.t('report.earlierCycle') }) },
    );
  }

  // Profile and indices
  heading(t.t('pdf.profile'));
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
        t,
      ),
    {
      alt: profile.shown
        ? t.t('pdf.profileAlt', {
            quadrant: quadrantLabel(profile.quadrant!, t),
            influence: fixed(profile.influence),
            management: fixed(profile.management),
            threshold: fixed(profile.threshold, 1),
          })
        : t.t('pdf.profileAltHidden'),
    },
  );
  doc.x = MARGIN + 175;
  doc.y = top;
  const right = { width: doc.page.width - MARGIN - (MARGIN + 175) };
  if (profile.shown) {
    doc.font(FONT.bold).fontSize(12);
    paragraph(quadrantLabel(profile.quadrant!, t), right);
    doc.font(FONT.regular).fontSize(9.5);
    paragraph(
      t.t('pdf.profileText', { influence: fixed(profile.influence), management: fixed(profile.management), threshold: fixed(profile.threshold, 1) }),
      right,
    );
  } else {
    paragraph(t.t('pdf.profileHidden', { reason: hiddenText(profile.reason, k, t) }), right);
  }
  doc.moveDown(0.6).font(FONT.bold);
  tag('H3', () => text(t.t('report.overview.direction'), right));
  doc.font(FONT.regular);
  paragraph(t.t('pdf.sideways', { value: cell(report.directionOfInfluence.sideways, 'peer') }), right);
  paragraph(t.t('pdf.downwards', { value: cell(report.directionOfInfluence.downwards, 'direct_report') }), right);
  paragraph(t.t('pdf.upwards', { value: cell(report.directionOfInfluence.upwards, 'manager') }), right);
  const pooledDirection = report.directionOfInfluence.pooled;
  if (pooledDirection) {
    const name = directionNames(pooledDirection.directions, t);
    paragraph(
      t.t('pdf.pooledDirections', {
        directions: `${name[0].toUpperCase()}${name.slice(1)}`,
        column: t.language === 'de' ? labels.others : labels.others.toLowerCase(),
        value: cell(pooledDirection.cell, 'others'),
      }),
      right,
    );
  }
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + 175);

  heading(t.t('pdf.indices'));
  groupTable(t.t('pdf.indicesCaption'), '', [
    { label: t.t('report.influenceIndex'), cells: report.indices.influence },
    { label: t.t('report.managementIndex'), cells: report.indices.management },
  ]);
  note(t.t('pdf.cellNote'));

  heading(t.t('pdf.strengths'));
  const ranked = (title: string, list: ReportDto['strengths']): void => {
    subheading(title);
    if (!list.length) paragraph(t.t('pdf.notEnough'));
    list.forEach((s, i) => item(`${i + 1}.`, `${s.text} (${fixed(s.mean)})`));
    doc.moveDown(0.3);
  };
  ranked(t.t('pdf.topStrengths'), report.strengths);
  ranked(t.t('pdf.developmentAreas'), report.developmentAreas);

  heading(t.t('pdf.blindSpots'));
  note(t.t('pdf.blindSpotsNote'));
  const gaps = (title: string, list: ReportDto['blindSpots']): void => {
    subheading(title);
    if (!list.length) paragraph(t.t('pdf.none'));
    for (const g of list)
      item('•', t.t('pdf.gap', { text: g.text, self: fixed(g.self), others: fixed(g.others), gap: `${g.gap > 0 ? '+' : ''}${fixed(g.gap)}` }));
    doc.moveDown(0.3);
  };
  gaps(t.t('pdf.blindSpotList'), report.blindSpots);
  gaps(t.t('pdf.hiddenStrengthList'), report.hiddenStrengths);

  heading(t.t('pdf.behaviours'));
  groupTable(
    t.t('pdf.behavioursCaption'),
    t.t('pdf.behaviour'),
    report.behaviours.map((b) => ({ label: b.kind === 'management' ? t.t('pdf.management', { name: b.name }) : b.name, cells: b.cells })),
  );

  heading(t.t('pdf.bars'));
  // A group hidden in every behaviour gets no bar anywhere: said once here instead.
  const barColumns = compactColumns(
    columns,
    report.behaviours.map((b) => b.cells),
    k,
    labels,
    t,
  );
  if (barColumns.notes.length) note(`${barColumns.notes.join('. ')}.`);
  for (const b of report.behaviours) {
    const say = (c: ColumnKey): string => `${labels[c]} ${b.cells[c].shown ? fixed(b.cells[c].mean) : hiddenText(b.cells[c].reason, k, t)}`;
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
            hidden: hiddenText(b.cells[c].reason, k, t),
            identified: identified(c),
            colour: GROUP_COLOUR[c],
          })),
          t,
        ),
      { alt: pdfText(t.t('pdf.barsAlt', { name: b.name, values: barColumns.columns.map(say).join('; ') })) },
    );
  }

  heading(t.t('pdf.statements'));
  for (const b of report.behaviours) {
    groupTable(
      t.t('pdf.statementsCaption', { name: b.name }),
      b.name,
      b.statements.map((s) => ({ label: s.text, cells: s.cells })),
      190,
    );
    doc.moveDown(0.4);
  }

  heading(t.t('pdf.comments'));
  note(t.t('pdf.commentsNote'));
  for (const q of report.comments) {
    doc.moveDown(0.3);
    subheading(q.text);
    if (!q.self.length && !q.others.length) item('', t.t('pdf.noComments'));
    for (const c of q.self) item('•', t.t('pdf.selfComment', { comment: c }));
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
        pdfText(t.t('pdf.footer', { name: report.subject.name, cycle: report.cycle.name, page: i + 1, pages: range.count })),
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
