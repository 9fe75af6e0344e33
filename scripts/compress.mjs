// The one definition of "compressed" shared by the release build (scripts/post-build.mjs writes
// `.br` and `.gz` beside each file in dist/, which nginx's brotli_static/gzip_static and Caddy's
// `precompressed` serve as they are) and the size check (scripts/size-check.mjs), so the bytes a
// visitor downloads are exactly the bytes the size check counts.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/** Files a server may send compressed: text and wasm (images and fonts are compressed already). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|txt|xml|map)$/;

/** Writes NAME.br and NAME.gz beside every compressible file of `dir`; returns their names. */
export function precompress(dir) {
  const written = [];
  for (const name of readdirSync(dir).sort()) {
    if (!COMPRESSIBLE.test(name)) continue;
    const bytes = readFileSync(join(dir, name));
    for (const [ext, compress] of [
      [".br", brotli],
      [".gz", gzip],
    ]) {
      writeFileSync(join(dir, name + ext), compress(bytes));
      written.push(name + ext);
    }
  }
  return written;
}
