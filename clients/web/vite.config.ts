import { defineConfig } from 'vite';

// protobuf-es's JSON codec and what only it uses, among its files.
const protobufJsonCodec =
  /\/@bufbuild\/protobuf\/dist\/esm\/(from-json|to-json|extensions|wkt\/any|wkt\/gen\/google\/protobuf\/(any|struct)_pb)\.js$/;

// Which chunk a module goes to. A page loads the core (the texts, the shared widgets, the
// activities' registry), the protocol (below), its own shell, and, per activity, the chunk of
// that activity's views for its role: a phone never downloads a console's or a projector's
// code, and a few larger files beat many tiny ones on a slow network (each response costs a
// round trip and its headers). src/main.tsx and src/ui/lazyView.ts load them.
// The shared code that needs protobuf's descriptors (the connection, the view, the generated
// messages, protobuf's runtime) is its own chunk, `protocol`, rather than in the core: building
// the descriptors costs about 100 ms when the chunk is first evaluated, and the report page,
// which reads the export as plain JSON, never loads it. Enums come from `_enums.ts`
// (scripts/gen-proto.mjs), which needs none of it. A module goes to `protocol` when it or
// anything it imports is protobuf; tests/e2e/report.test.mjs checks the report page loads none.
type ModuleInfo = { importedIds: readonly string[] } | null;
const needsProtobufMemo = new Map<string, boolean>();
function needsProtobuf(id: string, info: (id: string) => ModuleInfo): boolean {
  const known = needsProtobufMemo.get(id);
  if (known !== undefined) return known;
  needsProtobufMemo.set(id, false); // a cycle: decided by its other imports
  const own = id.includes('/node_modules/@bufbuild/protobuf/') || /\/src\/gen\/.*_pb\.ts$/.test(id);
  const result = own || (info(id)?.importedIds ?? []).some((dep) => needsProtobuf(dep, info));
  needsProtobufMemo.set(id, result);
  return result;
}

function chunkOf(id: string, { getModuleInfo }: { getModuleInfo: (id: string) => ModuleInfo }): string | undefined {
  const shared = () => (needsProtobuf(id, getModuleInfo) ? 'protocol' : 'core');
  const activity = /\/src\/activities\/([^/]+)\/([^/.]+)\.[a-z]+$/.exec(id);
  if (activity) {
    const [, name = '', file = ''] = activity;
    // The registry's descriptor (race.ts, liveQuestion.ts) is in the core: every page lists
    // every activity.
    if (file === name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())) return 'core';
    // exportCsv.ts: the activity's files in the console's zip (pages/console/zipExport.ts).
    if (/^(console|export)/i.test(file) || file === 'guards') return `${name}-console`;
    // The poll's charts: the projector's, the console's and the report's (which should not load
    // the projector's code for them).
    if (/^screenChart/i.test(file)) return `${name}-charts`;
    if (/^screen/i.test(file)) return `${name}-projector`;
    if (/^report/i.test(file)) return `${name}-report`; // the report page's only
    // The phone's views with what the roles share (texts, parts); small helpers (phases.ts,
    // notes.ts), which the descriptor may import, stay in the core.
    return /^[A-Z]/.test(file) || /messages$/i.test(file) ? name : shared();
  }
  if (/\/src\/pages\/(phone|projector|console|report)\//.test(id)) return undefined; // the page's own chunk
  // The organizer's page (but for reading its key, which main.tsx does first), its API's types
  // and protobuf-es's JSON codec, which the other pages do without (they read JSON as plain JSON,
  // pages/console/exportFile.ts). A named chunk, not the page's own: the codec is reached through
  // protobuf's index, which the core imports, so Rollup would otherwise put it in the core. Should
  // protobuf-es move something the core uses into these files, the core would import this chunk,
  // and tests/e2e/weight.test.mjs and organizer.test.mjs would fail.
  if (/\/src\/pages\/organizer\/(?!organizerKey\.ts$)/.test(id)) return 'organizer';
  if (id.endsWith('/src/gen/campana/v1/organizer_pb.ts') || protobufJsonCodec.test(id)) return 'organizer';
  if (id.includes('/node_modules/qrcode-generator/')) return undefined; // the projector's only
  // The zip library goes with the console's zip code, a chunk loaded when its button is pressed.
  if (id.includes('/node_modules/fflate/')) return undefined;
  return shared();
}

// One page for all three roles; the server answers /j/, /screen/ and /console/ with it.
// Everything is bundled: the pages load nothing from outside their own origin.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2020',
    rollupOptions: { output: { manualChunks: chunkOf } },
    // Every browser the pages support preloads modules natively: no polyfill in the core.
    modulePreload: { polyfill: false },
  },
});
