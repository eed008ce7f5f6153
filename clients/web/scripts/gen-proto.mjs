// Generates TypeScript for proto/campana/v1/*.proto with Debian's protoc and protoc-gen-es
// (npm), into src/gen/. The pages and the server share one contract.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

// Each file's enums also go to a file of their own, `<name>_enums.ts`, which `<name>_pb.ts`
// re-exports: importing an enum from `_enums` does not build the file's descriptors (every
// `_pb.ts` decodes its embedded descriptor and registers it when it is first evaluated,
// about 100 ms for the pages' files on this machine). The report page and the activities'
// registry, which need only enums, load none of protobuf (docs/performance.md, "The report").
const enumBlock = /(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export enum (\w+) \{\n[\s\S]*?\n\}\n\n?/g;
const dir = join(out, 'campana', 'v1');
for (const file of readdirSync(dir).filter((f) => f.endsWith('_pb.ts'))) {
  const path = join(dir, file);
  const source = readFileSync(path, 'utf8');
  const names = [];
  const blocks = [];
  const rest = source.replace(enumBlock, (block, name) => {
    names.push(name);
    blocks.push(block);
    return '';
  });
  if (names.length === 0) continue;
  const base = file.replace(/_pb\.ts$/, '_enums');
  const header = source.slice(0, source.indexOf('\n\n') + 2); // the generated-file banner
  writeFileSync(
    join(dir, `${base}.ts`),
    `${header}// The enums of ${file}, without its descriptors (scripts/gen-proto.mjs).\n\n${blocks.join('\n')}`,
  );
  const list = names.join(', ');
  const firstImport = rest.indexOf('\nimport ');
  writeFileSync(
    path,
    `${rest.slice(0, firstImport + 1)}import { ${list} } from "./${base}";\nexport { ${list} } from "./${base}";\n${rest.slice(firstImport + 1)}`,
  );
}
