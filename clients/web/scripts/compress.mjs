// Compresses the built pages ahead of time: FILE.br (brotli, quality 11) and FILE.gz (gzip,
// level 9) beside each text file of dist/, kept only where smaller. The server picks one by
// the browser's Accept-Encoding (server/net/static_files.h), so a phone on venue Wi-Fi gets
// the fewest bytes and the server never compresses on the fly. Node's own zlib: no package.
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const compressible = /\.(html|js|css|svg|json|webmanifest|txt)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let raw = 0;
let brotli = 0;
for (const path of [...files(dist)]) {
  if (/\.(br|gz)$/.test(path)) {
    rmSync(path); // left by an earlier build
    continue;
  }
  if (!compressible.test(path)) continue;
  const bytes = readFileSync(path);
  const forms = {
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz: gzipSync(bytes, { level: 9 }),
  };
  for (const [suffix, encoded] of Object.entries(forms)) {
    if (encoded.length < bytes.length) writeFileSync(`${path}.${suffix}`, encoded);
  }
  raw += bytes.length;
  brotli += Math.min(forms.br.length, bytes.length);
}
console.log(`compressed dist/: ${(raw / 1024).toFixed(1)} KiB of text, ${(brotli / 1024).toFixed(1)} KiB as brotli`);
