import type { HiddenReason } from '../domain';
import type { ReportCellDto } from '../report/report.dto';
import { fixed } from './report-text';

export type PdfDoc = PDFKit.PDFDocument;

const INK = '#1f2933';
const MUTED = '#5f6b7a';
const LINE = '#c8ced6';
const SHADE = '#f1f3f6';
const BAR = '#2f6f9f';
const IDENTIFIED_BAR = '#8a6d3b';

// Windows-1252 beyond Latin-1: what the standard PDF fonts can print besides ASCII and Latin-1.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '−': '-', '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '\u00a0': ' ', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i' };
const printable = (ch: string): boolean => {
  const code = ch.codePointAt(0)!;
  return code === 0x0a || code === 0x09 || (code >= 0x20 && code < 0x7f) || (code >= 0xa1 && code <= 0xff) || CP1252_EXTRA.has(ch);
};

/**
 * The standard PDF fonts (no font file to ship) print Windows-1252 only: keep what they can,
 * spell out a few common symbols, drop accents the encoding lacks, and mark anything else with
 * "?" rather than print garbage. (Non-Latin scripts would need an embedded font: not shipped yet.)
 */
export function toWinAnsi(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (printable(ch)) out += ch;
    else if (code < 0x20 || code === 0x7f) out += ' ';
    // Letters with accents the encoding lacks (ő, ă, ş…) keep their base letter.
    else if (base && [...base].every(printable)) out += base;
    else out += '?';
  }
  return out;
}

/** A hidden table cell in a few characters (the legend under the first table explains them). */
export function shortHidden(reason: HiddenReason | undefined): string {
  switch (reason) {
    case 'no_responses':
      return 'no answers';
    case 'not_observed':
      return 'not observed';
    case 'pooled':
      return 'in Others';
    case 'complementary':
      return 'protected';
    default:
      return '< k';
  }
}

const bottomLimit = (doc: PdfDoc): number => doc.page.height - doc.page.margins.bottom;

/** A simple grid: bold shaded header, wrapped first column, repeated header after a page break. */
export function table(doc: PdfDoc, header: string[], rows: string[][], options: { firstColumnWidth?: number } = {}): void {
  const x0 = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const first = options.firstColumnWidth ?? 130;
  const rest = header.length > 1 ? (width - first) / (header.length - 1) : 0;
  const widths = header.map((_, i) => (i === 0 ? first : rest));
  const pad = 3;
  const heightOf = (cells: string[], bold: boolean): number => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    return Math.max(...cells.map((c, i) => doc.heightOfString(toWinAnsi(c || ' '), { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], y: number, h: number, kind: 'header' | 'even' | 'odd'): void => {
    if (kind !== 'odd') doc.rect(x0, y, width, h).fill(kind === 'header' ? '#e2e6eb' : SHADE);
    doc.font(kind === 'header' ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    let x = x0;
    cells.forEach((c, i) => {
      const muted = kind !== 'header' && i > 0 && !/^[+-]?\d/.test(c);
      doc.fillColor(muted ? MUTED : INK).text(toWinAnsi(c), x + pad, y + pad, { width: widths[i] - 2 * pad, align: i === 0 ? 'left' : 'center' });
      x += widths[i];
    });
  };
  const headerHeight = heightOf(header, true);
  let y = doc.y;
  if (y + headerHeight + 20 > bottomLimit(doc)) {
    doc.addPage();
    y = doc.y;
  }
  drawRow(header, y, headerHeight, 'header');
  y += headerHeight;
  rows.forEach((row, r) => {
    const h = heightOf(row, false);
    if (y + h > bottomLimit(doc)) {
      doc.addPage();
      y = doc.y;
      drawRow(header, y, headerHeight, 'header');
      y += headerHeight;
    }
    drawRow(row, y, h, r % 2 ? 'even' : 'odd');
    y += h;
  });
  doc.moveTo(x0, y).lineTo(x0 + width, y).strokeColor(LINE).lineWidth(0.5).stroke();
  doc.fillColor(INK).font('Helvetica').fontSize(9.5);
  doc.x = x0;
  doc.y = y + 6;
}

/**
 * One behaviour as horizontal bars on the 1–5 scale, a bar per group; a hidden number gets no
 * bar, only its reason in words.
 */
export function drawBars(doc: PdfDoc, name: string, description: string, rows: { label: string; cell: ReportCellDto; hidden: string }[]): void {
  const x0 = doc.page.margins.left;
  const labelWidth = 90;
  const track = 230;
  const rowHeight = 13;
  doc.font('Helvetica').fontSize(8);
  const descriptionHeight = description ? doc.heightOfString(toWinAnsi(description), { width: 480 }) : 0;
  const height = 14 + descriptionHeight + rows.length * rowHeight + 10;
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
  let y = doc.y;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(toWinAnsi(name), x0, y);
  y += 13;
  if (description) {
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(toWinAnsi(description), x0, y, { width: 480 });
    y += descriptionHeight + 2;
  }
  const trackX = x0 + labelWidth;
  const at = (value: number): number => trackX + ((value - 1) / 4) * track;
  // Scale ticks 1..5 behind the bars.
  for (let v = 1; v <= 5; v++) {
    doc.moveTo(at(v), y).lineTo(at(v), y + rows.length * rowHeight).strokeColor(LINE).lineWidth(0.4).stroke();
  }
  for (const row of rows) {
    doc.font('Helvetica').fontSize(8).fillColor(INK).text(toWinAnsi(row.label), x0, y + 2, { width: labelWidth - 6, lineBreak: false });
    if (row.cell.shown) {
      const end = at(row.cell.mean!);
      doc.rect(trackX, y + 2, Math.max(1.5, end - trackX), rowHeight - 5).fill(row.label === 'Self' || row.label === 'Manager' ? IDENTIFIED_BAR : BAR);
      doc.fillColor(INK).text(`${fixed(row.cell.mean)}  n=${row.cell.n}  spread ${fixed(row.cell.spread)}`, trackX + track + 8, y + 2, { lineBreak: false });
    } else {
      doc.font('Helvetica-Oblique').fillColor(MUTED).text(toWinAnsi(row.hidden), trackX + 4, y + 2, { lineBreak: false });
    }
    y += rowHeight;
  }
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  for (let v = 1; v <= 5; v++) doc.text(String(v), at(v) - 2, y, { lineBreak: false });
  doc.fillColor(INK).fontSize(9.5);
  doc.x = x0;
  doc.y = y + 12;
}

/** The manager–leader 2×2: management across, influence up, split where an index counts as high. */
export function drawProfile(doc: PdfDoc, x: number, y: number, size: number, point: { influence: number; management: number; threshold: number } | null): void {
  const pos = (value: number): number => ((value - 1) / 4) * size;
  const split = pos(point?.threshold ?? 3.5);
  doc.rect(x, y, size, size).strokeColor(LINE).lineWidth(0.8).stroke();
  doc.moveTo(x + split, y).lineTo(x + split, y + size).moveTo(x, y + size - split).lineTo(x + size, y + size - split).strokeColor(LINE).stroke();
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  const label = (value: string, lx: number, ly: number, width: number): void => void doc.text(value, lx, ly, { width, align: 'center' });
  label('Leader without a title', x + 2, y + 4, split - 4);
  label('Manager-leader', x + split + 2, y + 4, size - split - 4);
  label('Emerging', x + 2, y + size - 12, split - 4);
  label('Manager', x + split + 2, y + size - 12, size - split - 4);
  doc.text('management index ->', x, y + size + 3, { width: size, align: 'right' });
  doc.save().rotate(-90, { origin: [x - 4, y + size] }).text('influence index ->', x - 4, y + size - 8, { width: size, align: 'right' }).restore();
  if (point) {
    doc.circle(x + pos(point.management), y + size - pos(point.influence), 4).fill(BAR);
  } else {
    label('not shown', x, y + size / 2 - 4, size);
  }
  doc.fillColor(INK).fontSize(9.5);
}
