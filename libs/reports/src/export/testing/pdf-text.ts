import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that pdfkit wrote with embedded fonts, for tests: each font's ToUnicode map
 * turns the glyph ids of every `TJ` back into characters, one string per text run, in drawing
 * order. Enough for pdfkit's own output (indirect objects, Flate streams, Identity-H fonts with a
 * bfrange ToUnicode map); not a general PDF parser. Throws on a font it cannot map (a standard
 * font has no ToUnicode map) rather than guess.
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  return pdfPageTextRuns(pdf).flat();
}

/** pdfTextRuns page by page, in page order. */
export function pdfPageTextRuns(pdf: Buffer): string[][] {
  const objects = parseObjects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const [, resources] of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, ref] of resources.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(ref));
        const toUnicode = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
        if (!toUnicode) throw new Error(`font ${name} (object ${ref}) has no ToUnicode map`);
        fonts.set(name, parseToUnicode(streamText(objects.get(Number(toUnicode[1]))!)));
      }
    }
  }
  const pages: string[][] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const contents = dict.match(/\/Contents (\d+) 0 R/);
    if (!contents) continue;
    const runs: string[] = [];
    pages.push(runs);
    let font: Map<number, string> | undefined;
    const operators = /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\] TJ/g;
    for (const [, fontName, array] of streamText(objects.get(Number(contents[1]))!).matchAll(operators)) {
      if (fontName) {
        font = fonts.get(fontName);
        if (!font) throw new Error(`unknown font ${fontName}`);
        continue;
      }
      if (!font) throw new Error('text before any font');
      const glyphs = [...array.matchAll(/<([0-9a-fA-F]*)>/g)].flatMap(([, hex]) => hex.match(/.{4}/g) ?? []);
      runs.push(glyphs.map((gid) => font!.get(parseInt(gid, 16)) ?? '\ufffd').join(''));
    }
  }
  return pages;
}

/** Each page's content stream (decompressed), in page order: for the marked-content and colour operators. */
export function pdfPageContents(pdf: Buffer): string[] {
  const objects = parseObjects(pdf);
  return [...objects.values()].flatMap(({ dict }) => {
    const contents = /\/Type \/Page\b/.test(dict) ? dict.match(/\/Contents (\d+) 0 R/) : null;
    return contents ? [streamText(objects.get(Number(contents[1]))!)] : [];
  });
}

/** Every object's dictionary text (not streams), for the catalog, structure tree and info entries. */
export function pdfDictionaries(pdf: Buffer): Map<number, string> {
  return new Map([...parseObjects(pdf)].map(([n, o]) => [n, o.dict]));
}

/** A PDF text string as written by pdfkit: a literal "(…)" or UTF-16BE hex "<FEFF…>", possibly an indirect object. */
export function pdfString(pdf: Buffer, value: string): string {
  const ref = value.match(/^(\d+) 0 R/);
  const text = ref ? pdfDictionaries(pdf).get(Number(ref[1]))!.trim() : value.trim();
  const hex = text.match(/^<([0-9a-fA-F]*)>/);
  if (hex) {
    const bytes = Buffer.from(hex[1], 'hex');
    const body = bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])) ? bytes.subarray(2) : bytes;
    return Buffer.from(body).swap16().toString('utf16le');
  }
  const literal = text.match(/^\(((?:\\.|[^\\)])*)\)/s);
  if (!literal) throw new Error(`not a PDF string: ${text.slice(0, 40)}`);
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const bytes = Buffer.from(
    literal[1].replace(/\\(.)/gs, (_, c: string) => escapes[c] ?? c),
    'latin1',
  );
  return bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])) ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const latin1 = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(?:^|\n)(\d+) 0 obj\n/g;
  for (let match = header.exec(latin1); match; match = header.exec(latin1)) {
    const start = match.index + match[0].length;
    const end = latin1.indexOf('endobj', start);
    const streamAt = latin1.indexOf('\nstream\n', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = latin1.slice(start, streamAt);
      const from = streamAt + '\nstream\n'.length;
      const raw = pdf.subarray(from, from + Number(dict.match(/\/Length (\d+)/)?.[1]));
      objects.set(Number(match[1]), { dict, stream: /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
      // Go on after the stream: its bytes may look like anything, "N 0 obj" and "endobj" included.
      header.lastIndex = from + raw.length;
    } else {
      objects.set(Number(match[1]), { dict: latin1.slice(start, end) });
    }
  }
  return objects;
}

const streamText = (object: PdfObject): string => {
  if (!object.stream) throw new Error('not a stream');
  return object.stream.toString('latin1');
};

/** `<start> <end> [<hex> …]` ranges: glyph id → the UTF-16 text it stands for. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, start, entries] of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>\s*\[([^\]]*)\]/g)) {
    [...entries.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach(([, units], i) => {
      map.set(
        parseInt(start, 16) + i,
        String.fromCharCode(
          ...units
            .trim()
            .split(/\s+/)
            .map((u) => parseInt(u, 16)),
        ),
      );
    });
  }
  return map;
}
