import type { HiddenReason } from '../domain';
import type { ReportCellDto } from '../report/report.dto';
import { FONT, pdfText } from './pdf-fonts';
import { fixed } from './report-text';

export type PdfDoc = PDFKit.PDFDocument;

const INK = '#1f2933';
const MUTED = '#5f6b7a';
const LINE = '#c8ced6';
const SHADE = '#f1f3f6';
const BAR = '#2f6f9f';
const IDENTIFIED_BAR = '#8a6d3b';

/** A hidden table cell in a few characters (the legend under the first table explains them). */
export function shortHidden(reason: HiddenReason | undefined): string {
  switch (reason) {
    case 'no_responses':
      return 'no answers';
    case 'not_observed':
      return 'not observed';
    case 'pooled':
      return 'pooled';
    case 'complementary':
      return 'protected';
    default:
      return '< k';
  }
}

const bottomLimit = (doc: PdfDoc): number => doc.page.height - doc.page.margins.bottom;

/** A table cell: plain text, or a number with its details ("n 8", "spread 0.83") in small print beneath. */
export type TableCell = string | { value: string; details: string[] };

const CELL_SIZE = 8;
const DETAIL_SIZE = 6.5;

/**
 * A simple grid: bold shaded header, wrapped first column, repeated header after a page break.
 * A number's details share one line where the column is wide enough, else take a line each.
 */
export function table(doc: PdfDoc, header: string[], rows: TableCell[][], options: { firstColumnWidth?: number } = {}): void {
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
  const drawRow = (cells: { value: string; detail?: string }[], y: number, h: number, kind: 'header' | 'even' | 'odd'): void => {
    if (kind !== 'odd') doc.rect(x0, y, width, h).fill(kind === 'header' ? '#e2e6eb' : SHADE);
    let x = x0;
    cells.forEach((c, i) => {
      const muted = kind !== 'header' && i > 0 && !/^[+-]?\d/.test(c.value);
      const box = { width: inner[i], align: i === 0 ? 'left' : 'center' } as const;
      doc
        .font(kind === 'header' ? FONT.bold : FONT.regular)
        .fontSize(CELL_SIZE)
        .fillColor(muted ? MUTED : INK)
        .text(c.value, x + pad, y + pad, box);
      if (c.detail)
        doc
          .font(FONT.regular)
          .fontSize(DETAIL_SIZE)
          .fillColor(MUTED)
          .text(c.detail, x + pad, doc.y + 1, box);
      x += inner[i] + 2 * pad;
    });
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
      drawRow(head, y, headerHeight, 'header');
      y += headerHeight;
    }
    drawRow(cells, y, h, r % 2 ? 'even' : 'odd');
    y += h;
  });
  doc
    .moveTo(x0, y)
    .lineTo(x0 + width, y)
    .strokeColor(LINE)
    .lineWidth(0.5)
    .stroke();
  doc.fillColor(INK).font(FONT.regular).fontSize(9.5);
  doc.x = x0;
  doc.y = y + 6;
}

/** A shown number in words: the mean, and for a group (not one known person) how many raters and how much they differ. */
export function meanWithSpread(cell: ReportCellDto, identified: boolean): string {
  return identified ? fixed(cell.mean) : `${fixed(cell.mean)} · n ${cell.n} · spread ${fixed(cell.spread)}`;
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
  rows: { label: string; cell: ReportCellDto; hidden: string; identified: boolean }[],
): void {
  const x0 = doc.page.margins.left;
  const labelWidth = 90;
  const track = 230;
  const rowHeight = 13;
  doc.font(FONT.regular).fontSize(8);
  const descriptionHeight = description ? doc.heightOfString(pdfText(description), { width: 480 }) : 0;
  const height = 14 + descriptionHeight + rows.length * rowHeight + 10;
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
  let y = doc.y;
  doc.font(FONT.bold).fontSize(10).fillColor(INK).text(pdfText(name), x0, y);
  y += 13;
  if (description) {
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(pdfText(description), x0, y, { width: 480 });
    y += descriptionHeight + 2;
  }
  const trackX = x0 + labelWidth;
  const at = (value: number): number => trackX + ((value - 1) / 4) * track;
  // Scale ticks 1..5 behind the bars.
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
      doc.rect(trackX, y + 2, Math.max(1.5, end - trackX), rowHeight - 5).fill(row.identified ? IDENTIFIED_BAR : BAR);
      doc.fillColor(INK).text(meanWithSpread(row.cell, row.identified), trackX + track + 8, y + 2, { lineBreak: false });
    } else {
      doc
        .font(FONT.italic)
        .fillColor(MUTED)
        .text(pdfText(row.hidden), trackX + 4, y + 2, { lineBreak: false });
    }
    y += rowHeight;
  }
  doc.font(FONT.regular).fontSize(7).fillColor(MUTED);
  for (let v = 1; v <= 5; v++) doc.text(String(v), at(v) - 2, y, { lineBreak: false });
  doc.fillColor(INK).fontSize(9.5);
  doc.x = x0;
  doc.y = y + 12;
}

/** The manager–leader 2×2 as on the web page: influence across, management up, split where an index counts as high. */
export function drawProfile(doc: PdfDoc, x: number, y: number, size: number, point: { influence: number; management: number; threshold: number } | null): void {
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
  doc.font(FONT.regular).fontSize(7).fillColor(MUTED);
  // A quadrant can be narrow (the split sits where an index counts as high): shrink its name to fit on one line.
  const label = (value: string, lx: number, ly: number, width: number): void => {
    const fit = Math.max(5, Math.min(7, (7 * width) / doc.fontSize(7).widthOfString(value)));
    doc.fontSize(fit).text(value, lx, ly + (7 - fit), { width, align: 'center', lineBreak: false });
    doc.fontSize(7);
  };
  label('Manager', x + 2, y + 4, split - 4);
  label('Manager-leader', x + split + 2, y + 4, size - split - 4);
  label('Emerging', x + 2, y + size - 12, split - 4);
  // The narrowest quadrant's long name wraps onto two lines rather than shrinking out of sight.
  const wide = doc.fontSize(7).widthOfString('Leader without a title') <= size - split - 4;
  if (wide) label('Leader without a title', x + split + 2, y + size - 12, size - split - 4);
  else
    doc
      .fontSize(6.5)
      .text('Leader without a title', x + split + 2, y + size - 20, { width: size - split - 4, align: 'center' })
      .fontSize(7);
  doc.text('influence index →', x, y + size + 3, { width: size, align: 'right' });
  doc
    .save()
    .rotate(-90, { origin: [x - 4, y + size] })
    .text('management index →', x - 4, y + size - 8, { width: size, align: 'right' })
    .restore();
  if (point) {
    doc.circle(x + pos(point.influence), y + size - pos(point.management), 4).fill(BAR);
  } else {
    label('not shown', x, y + size / 2 - 4, size);
  }
  doc.fillColor(INK).fontSize(9.5);
}
