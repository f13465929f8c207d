import type { ColumnKey, HiddenReason } from '../domain';
import type { ReportCellDto } from '../report/report.dto';
import { FONT, pdfText } from './pdf-fonts';
import { translator, type Translator } from '@lib/common';
import { fixedIn, quadrantLabel } from './report-text';

const ENGLISH = translator('en');

export type PdfDoc = PDFKit.PDFDocument;

const INK = '#1f2933';
const MUTED = '#5f6b7a';
const LINE = '#c8ced6';
const SHADE = '#f1f3f6';
const BAR = '#0072b2';

/**
 * One colour per group, from the Okabe–Ito palette (told apart with every common colour-vision
 * deficiency); every bar is labelled with its group's name too, so colour is never the only cue.
 */
export const GROUP_COLOUR: Record<ColumnKey, string> = {
  self: '#cc79a7',
  manager: '#e69f00',
  peer: '#56b4e9',
  direct_report: '#009e73',
  external: '#000000',
  others: '#d55e00',
  all_others: '#0072b2',
};

/**
 * Drawing that carries no meaning of its own (rules, shading, footers): an artifact for assistive
 * technology. Never inside a structure element's drawing: pdfkit closes open marked content first.
 */
export function artifact(doc: PdfDoc, draw: () => void): void {
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
}

/** A hidden table cell in a few characters (the legend under the first table explains them). */
export function shortHidden(reason: HiddenReason | undefined, t: Translator = ENGLISH): string {
  switch (reason) {
    case 'no_responses':
    case 'not_observed':
    case 'pooled':
    case 'complementary':
      return t.t(`report.short.${reason}`);
    default:
      return t.t('report.short.below_threshold');
  }
}

const bottomLimit = (doc: PdfDoc): number => doc.page.height - doc.page.margins.bottom;

/**
 * A new page unless `height` fits on this one. Called before a structure element starts drawing:
 * a page break inside one loses its marked content on the new page.
 */
export function ensureSpace(doc: PdfDoc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** The height drawBars needs, so the page can be turned before its figure starts. */
export function barsHeight(doc: PdfDoc, description: string, rows: number): number {
  doc.font(FONT.regular).fontSize(8);
  const descriptionHeight = description ? doc.heightOfString(pdfText(description), { width: 480 }) : 0;
  return 15 + descriptionHeight + rows * 13 + 14;
}

/** The height drawTrend needs. */
export const TREND_HEIGHT = 172;

/** A table cell: plain text, or a number with its details ("n 8", "spread 0.83") in small print beneath. */
export type TableCell = string | { value: string; details: string[] };

const CELL_SIZE = 8;
const DETAIL_SIZE = 6.5;

/**
 * A simple grid: bold shaded header, wrapped first column, repeated header after a page break.
 * A number's details share one line where the column is wide enough, else take a line each.
 */
export function table(doc: PdfDoc, header: string[], rows: TableCell[][], options: { firstColumnWidth?: number; struct: PDFKit.PDFStructureElement }): void {
  const x0 = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const first = options.firstColumnWidth ?? 130;
  const rest = header.length > 1 ? (width - first) / (header.length - 1) : 0;
  const pad = 3;
  const inner = header.map((_, i) => (i === 0 ? first : rest) - 2 * pad);
  const lay = (cells: TableCell[]): { value: string; detail?: string }[] =>
    cells.map((c, i) => {
      if (typeof c === 'string') return { value: pdfText(c) };
      if (!c.details.length) return { value: pdfText(c.value) };
      doc.font(FONT.regular).fontSize(DETAIL_SIZE);
      const line = c.details.join(' · ');
      return { value: pdfText(c.value), detail: doc.widthOfString(line) <= inner[i] ? line : c.details.join('\n') };
    });
  const heightOf = (cells: { value: string; detail?: string }[], bold: boolean): number =>
    Math.max(
      ...cells.map((c, i) => {
        doc.font(bold ? FONT.bold : FONT.regular).fontSize(CELL_SIZE);
        const valueHeight = doc.heightOfString(c.value || ' ', { width: inner[i] });
        if (!c.detail) return valueHeight;
        doc.font(FONT.regular).fontSize(DETAIL_SIZE);
        return valueHeight + 1 + doc.heightOfString(c.detail, { width: inner[i] });
      }),
    ) +
    2 * pad;
  // A row is a TR of TH/TD cells; a header repeated after a page break is an artifact (said once).
  const drawRow = (cells: { value: string; detail?: string }[], y: number, h: number, kind: 'header' | 'even' | 'odd', repeat = false): void => {
    if (kind !== 'odd') artifact(doc, () => doc.rect(x0, y, width, h).fill(kind === 'header' ? '#e2e6eb' : SHADE));
    const row = repeat ? null : doc.struct('TR');
    if (row) options.struct.add(row);
    let x = x0;
    cells.forEach((c, i) => {
      const muted = kind !== 'header' && i > 0 && !/^[+-]?\d/.test(c.value);
      const box = { width: inner[i], align: i === 0 ? 'left' : 'center' } as const;
      const cellX = x;
      const draw = (): void => {
        doc
          .font(kind === 'header' ? FONT.bold : FONT.regular)
          .fontSize(CELL_SIZE)
          .fillColor(muted ? MUTED : INK)
          .text(c.value, cellX + pad, y + pad, box);
        if (c.detail)
          doc
            .font(FONT.regular)
            .fontSize(DETAIL_SIZE)
            .fillColor(MUTED)
            .text(c.detail, cellX + pad, doc.y + 1, box);
      };
      if (row) row.add(doc.struct(kind === 'header' || i === 0 ? 'TH' : 'TD', {}, draw));
      else artifact(doc, draw);
      x += inner[i] + 2 * pad;
    });
    row?.end();
  };
  const head = lay(header);
  const headerHeight = heightOf(head, true);
  let y = doc.y;
  if (y + headerHeight + 20 > bottomLimit(doc)) {
    doc.addPage();
    y = doc.y;
  }
  drawRow(head, y, headerHeight, 'header');
  y += headerHeight;
  rows.forEach((row, r) => {
    const cells = lay(row);
    const h = heightOf(cells, false);
    if (y + h > bottomLimit(doc)) {
      doc.addPage();
      y = doc.y;
      drawRow(head, y, headerHeight, 'header', true);
      y += headerHeight;
    }
    drawRow(cells, y, h, r % 2 ? 'even' : 'odd');
    y += h;
  });
  artifact(doc, () =>
    doc
      .moveTo(x0, y)
      .lineTo(x0 + width, y)
      .strokeColor(LINE)
      .lineWidth(0.5)
      .stroke(),
  );
  options.struct.end();
  doc.fillColor(INK).font(FONT.regular).fontSize(9.5);
  doc.x = x0;
  doc.y = y + 6;
}

/** A shown number in words: the mean, and for a group (not one known person) how many raters and how much they differ. */
export function meanWithSpread(cell: ReportCellDto, identified: boolean, t: Translator = ENGLISH): string {
  const mean = fixedIn(t, cell.mean);
  return identified ? mean : `${mean} · ${t.t('report.cell.n', { n: cell.n ?? 0 })} · ${t.t('report.cell.spread', { spread: fixedIn(t, cell.spread) })}`;
}

/**
 * One behaviour as horizontal bars on the 1–5 scale, a bar per group; a hidden number gets no
 * bar, only its reason in words. Self and a manager shown separately (one known person each)
 * get their own colour and the mean alone.
 */
export function drawBars(
  doc: PdfDoc,
  name: string,
  description: string,
  rows: { label: string; cell: ReportCellDto; hidden: string; identified: boolean; colour: string }[],
  t: Translator = ENGLISH,
): void {
  const x0 = doc.page.margins.left;
  const labelWidth = 90;
  const track = 230;
  const rowHeight = 13;
  doc.font(FONT.regular).fontSize(8);
  const descriptionHeight = description ? doc.heightOfString(pdfText(description), { width: 480 }) : 0;
  ensureSpace(doc, barsHeight(doc, description, rows.length));
  let y = doc.y;
  doc.font(FONT.bold).fontSize(10).fillColor(INK).text(pdfText(name), x0, y);
  y += 13;
  if (description) {
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(pdfText(description), x0, y, { width: 480 });
    y += descriptionHeight + 2;
  }
  const trackX = x0 + labelWidth;
  const at = (value: number): number => trackX + ((value - 1) / 4) * track;
  // Scale ticks 1..5 behind the bars (part of the figure it is drawn in: no artifact inside a structure element).
  for (let v = 1; v <= 5; v++) {
    doc
      .moveTo(at(v), y)
      .lineTo(at(v), y + rows.length * rowHeight)
      .strokeColor(LINE)
      .lineWidth(0.4)
      .stroke();
  }
  for (const row of rows) {
    // A pooled group's name ("Peers and direct reports") is longer than a group's: smaller, on one line.
    doc.font(FONT.regular).fontSize(8);
    const fits = Math.min(8, (8 * (labelWidth - 6)) / doc.widthOfString(pdfText(row.label)));
    doc
      .fontSize(fits)
      .fillColor(INK)
      .text(pdfText(row.label), x0, y + 2, { width: labelWidth - 6, lineBreak: false })
      .fontSize(8);
    if (row.cell.shown) {
      const end = at(row.cell.mean!);
      doc.rect(trackX, y + 2, Math.max(1.5, end - trackX), rowHeight - 5).fill(row.colour);
      doc.fillColor(INK).text(meanWithSpread(row.cell, row.identified, t), trackX + track + 8, y + 2, { lineBreak: false });
    } else {
      // Beside the track like a number, never written across the gridlines.
      doc
        .font(FONT.italic)
        .fillColor(MUTED)
        .text(pdfText(row.hidden), trackX + track + 8, y + 2, { lineBreak: false });
    }
    y += rowHeight;
  }
  doc.font(FONT.regular).fontSize(7).fillColor(MUTED);
  // Centred under its gridline, below the last bar.
  for (let v = 1; v <= 5; v++) doc.text(String(v), at(v) - doc.widthOfString(String(v)) / 2, y + 1, { lineBreak: false });
  doc.fillColor(INK).fontSize(9.5);
  doc.x = x0;
  doc.y = y + 12;
}

/** The manager–leader 2×2 as on the web page: influence across, management up, split where an index counts as high. */
export function drawProfile(
  doc: PdfDoc,
  x: number,
  y: number,
  size: number,
  point: { influence: number; management: number; threshold: number } | null,
  t: Translator = ENGLISH,
): void {
  const pos = (value: number): number => ((value - 1) / 4) * size;
  const split = pos(point?.threshold ?? 3.5);
  doc.rect(x, y, size, size).strokeColor(LINE).lineWidth(0.8).stroke();
  doc
    .moveTo(x + split, y)
    .lineTo(x + split, y + size)
    .moveTo(x, y + size - split)
    .lineTo(x + size, y + size - split)
    .strokeColor(LINE)
    .stroke();
  // Quadrant names sit inside their quadrant, clear of the split lines.
  doc.font(FONT.regular).fontSize(7).fillColor(MUTED);
  // A quadrant can be narrow (the split sits where an index counts as high): shrink its name to fit on one line.
  const label = (value: string, lx: number, ly: number, width: number): void => {
    const fit = Math.max(5, Math.min(7, (7 * width) / doc.fontSize(7).widthOfString(value)));
    doc.fontSize(fit).text(value, lx, ly + (7 - fit), { width, align: 'center', lineBreak: false });
    doc.fontSize(7);
  };
  label(quadrantLabel('manager', t), x + 2, y + 4, split - 4);
  label(quadrantLabel('manager_leader', t), x + split + 2, y + 4, size - split - 4);
  label(quadrantLabel('emerging', t), x + 2, y + size - 12, split - 4);
  // The narrowest quadrant's long name wraps onto two lines rather than shrinking out of sight.
  const leader = quadrantLabel('leader_without_title', t);
  const wide = doc.fontSize(7).widthOfString(leader) <= size - split - 4;
  if (wide) label(leader, x + split + 2, y + size - 12, size - split - 4);
  else
    doc
      .fontSize(6.5)
      .text(leader, x + split + 2, y + size - 20, { width: size - split - 4, align: 'center' })
      .fontSize(7);
  doc.text(t.t('pdf.profileAxisInfluence'), x, y + size + 3, { width: size, align: 'right' });
  doc
    .save()
    .rotate(-90, { origin: [x - 4, y + size] })
    .text(t.t('pdf.profileAxisManagement'), x - 4, y + size - 8, { width: size, align: 'right' })
    .restore();
  if (point) {
    doc.circle(x + pos(point.influence), y + size - pos(point.management), 4).fill(BAR);
  } else {
    label(t.t('pdf.notShown'), x, y + size / 2 - 4, size);
  }
  doc.fillColor(INK).fontSize(9.5);
}

/** One line of the trend chart: its name, colour, dash and a value per cycle (null: that report hid it). */
export interface TrendLine {
  name: string;
  colour: string;
  dash: number[] | null;
  values: (number | null)[];
}

/**
 * The trend across cycles: 1–5 up, one column per cycle, a line per measure broken where a report
 * hid the number. Cycle names sit under the plot and the legend beside it, off the gridlines.
 */
export function drawTrend(doc: PdfDoc, cycles: string[], lines: TrendLine[]): void {
  const x0 = doc.page.margins.left + 18;
  const plotWidth = 330;
  const plotHeight = 120;
  ensureSpace(doc, TREND_HEIGHT);
  const top = doc.y + 4;
  const xAt = (i: number): number => x0 + (cycles.length === 1 ? plotWidth / 2 : 12 + (i * (plotWidth - 24)) / (cycles.length - 1));
  const yAt = (v: number): number => top + plotHeight - ((v - 1) / 4) * plotHeight;
  for (let v = 1; v <= 5; v++)
    doc
      .moveTo(x0, yAt(v))
      .lineTo(x0 + plotWidth, yAt(v))
      .strokeColor(LINE)
      .lineWidth(0.4)
      .stroke();
  doc.font(FONT.regular).fontSize(7).fillColor(MUTED);
  for (let v = 1; v <= 5; v++) doc.text(String(v), x0 - 16, yAt(v) - 3, { width: 10, align: 'right', lineBreak: false });
  const columnWidth = Math.min(90, (plotWidth - 12) / Math.max(1, cycles.length - 1));
  cycles.forEach((name, i) =>
    doc.text(pdfText(name), xAt(i) - columnWidth / 2, top + plotHeight + 4, { width: columnWidth, align: 'center', height: 18, ellipsis: true }),
  );
  for (const line of lines) {
    doc.save().strokeColor(line.colour).fillColor(line.colour).lineWidth(1.8);
    if (line.dash) doc.dash(line.dash[0], { space: line.dash[1] });
    let drawing = false;
    line.values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xAt(i), yAt(v));
      else doc.moveTo(xAt(i), yAt(v));
      drawing = true;
    });
    doc.stroke().undash();
    line.values.forEach((v, i) => {
      if (v !== null) doc.circle(xAt(i), yAt(v), 2.6).fill(line.colour);
    });
    doc.restore();
  }
  let ly = top + 6;
  for (const line of lines) {
    const lx = x0 + plotWidth + 20;
    doc.save().strokeColor(line.colour).lineWidth(1.8);
    if (line.dash) doc.dash(line.dash[0], { space: line.dash[1] });
    doc
      .moveTo(lx, ly + 4)
      .lineTo(lx + 18, ly + 4)
      .stroke()
      .undash()
      .restore();
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(INK)
      .text(pdfText(line.name), lx + 24, ly, { width: 120, lineBreak: false });
    ly += 13;
  }
  doc.fillColor(INK).fontSize(9.5);
  doc.x = doc.page.margins.left;
  doc.y = top + plotHeight + 28;
}
