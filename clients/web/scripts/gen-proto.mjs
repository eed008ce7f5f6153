// Generates TypeScript for proto/campana/v1/*.proto with Debian's protoc and protoc-gen-es
// (npm), into src/gen/. The pages and the server share one contract.
import { execFileSync } from 'node:child_process';
import { readdirSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = dirname(dirname(fileURLToPath(import.meta.url)));
const protoRoot = join(web, '..', '..', 'proto');
const out = join(web, 'src', 'gen');
const protos = readdirSync(join(protoRoot, 'campana', 'v1'))
  .filter((f) => f.endsWith('.proto'))
  .map((f) => join('campana', 'v1', f));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(
  'protoc',
  [
    `--plugin=protoc-gen-es=${join(web, 'node_modules', '.bin', 'protoc-gen-es')}`,
    `--es_out=${out}`,
    '--es_opt=target=ts',
    `-I${protoRoot}`,
    ...protos,
  ],
  { stdio: 'inherit' },
);
