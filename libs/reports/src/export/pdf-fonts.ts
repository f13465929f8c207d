import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The PDF's typeface: DejaVu Sans (npm package dejavu-fonts-ttf; Bitstream Vera and Arev licences,
 * free to embed and redistribute). Unlike the standard PDF fonts, which print Windows-1252 only,
 * it covers Latin with every accent, Greek, Cyrillic and the common symbols (→ ≥ ✓ €), so names
 * and comments print as written. It has no Chinese, Japanese or Korean glyphs: those print as
 * empty boxes (a CJK font would add 10–20 MB). pdfkit embeds only the glyphs a report uses, with
 * a ToUnicode map, so the text stays searchable and copyable.
 */
export const FONT = { regular: 'Report', bold: 'Report-Bold', italic: 'Report-Oblique' } as const;

const FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  [FONT.regular]: 'DejaVuSans.ttf',
  [FONT.bold]: 'DejaVuSans-Bold.ttf',
  [FONT.italic]: 'DejaVuSans-Oblique.ttf',
};

let files: [string, Buffer][] | undefined;

/** The font files, read from node_modules on the first PDF and kept for the life of the process (about 2 MB). */
function fontFiles(): [string, Buffer][] {
  if (!files) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    files = Object.entries(FILES).map(([name, file]) => [name, readFileSync(join(dir, file))]);
  }
  return files;
}

/** Makes FONT's names usable in `doc.font(…)` and starts the document in the regular face. */
export function useReportFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of fontFiles()) doc.registerFont(name, data);
  doc.font(FONT.regular);
}

/**
 * Text as the PDF should print it: composed (NFC, so "ó" typed as o + accent finds its glyph)
 * and without control characters, which would print as boxes.
 */
export function pdfText(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return value.normalize('NFC').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}
