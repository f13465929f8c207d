// Writes <file>.br and <file>.gz beside each text asset of the built web app (dist/web), at the
// highest levels, once per build: the server hands them out as they are (@fastify/static's
// `preCompressed`) instead of compressing every asset request again. Source maps are left out:
// they are refused in production and a developer's browser does not need them small.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
const root = resolve(process.argv[2] ?? 'dist/web');

let files = 0;
let before = 0;
let after = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const plain = readFileSync(path);
  const br = brotliCompressSync(plain, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
    },
  });
  const gz = gzipSync(plain, { level: constants.Z_BEST_COMPRESSION });
  // A file too small to gain is sent as it is (the server falls back to it).
  if (br.length < plain.length) writeFileSync(`${path}.br`, br);
  if (gz.length < plain.length) writeFileSync(`${path}.gz`, gz);
  files += 1;
  before += plain.length;
  after += Math.min(br.length, plain.length);
}
console.log(`precompressed ${files} files in ${root}: ${Math.round(before / 1024)} KB, ${Math.round(after / 1024)} KB as brotli`);
