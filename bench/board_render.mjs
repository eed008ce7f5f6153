// The projector's render time of a 2,500-note board (issue 13; docs/performance.md, "Boards").
// campana with the demo workshop; 100 people each post 25 notes on its room-wide board ("Hacer
// menos, hacer más") through the pages' own protocol (tests/e2e/crowd.mjs, from one page); the
// facilitator reveals the board; then a projector page opens at 1920x1080, in a fresh browser
// context each time (nothing cached), three times (one with --quick). Measured in the page, from
// the start of its navigation: the arrival of the WebSocket's biggest message (the snapshot, with
// every note), then the moment the board's section counts every note (data-board-notes) with its
// cells filled (data-board-note), and the end of the next frame (painted): the last two from the
// snapshot's arrival, what the page spends on the notes. The same first with one person's 25
// notes, for what the page costs whatever the board holds.
//
//   CAMPANA_BIN=build/release/server/campana CAMPANA_WEB_DIR=clients/web CAMPANA_SOURCE_DIR=. \
//     node bench/board_render.mjs [--quick] [--notes 2500] [--out board_render.json] [--screenshot png]
//
// deploy/dev.sh bench runs it after campana-bench and puts its JSON into the results.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env.CAMPANA_SOURCE_DIR ??= root;
process.env.CAMPANA_WEB_DIR ??= join(root, 'clients', 'web');
process.env.CAMPANA_BIN ??= join(root, 'build', 'release', 'server', 'campana');
// The harness reads those when imported.
const { launchBrowser, newDevice, Server } = await import('../tests/e2e/harness.mjs');
const { crowdScript, within } = await import('../tests/e2e/crowd.mjs');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    notes: { type: 'string', default: '2500' },
    people: { type: 'string', default: '100' },
    out: { type: 'string' },
    screenshot: { type: 'string' },
  },
});
const notes = Number(args.notes);
const people = Number(args.people);
const runs = args.quick ? 1 : 3;
const viewport = { width: 1920, height: 1080 };
const DOC_AGENDA = 6;
const DOC_BOARD = 20;
const DOC_BOARD_NOTE = 21;
const PHASE_WRITE = 1;
const PHASE_REVEAL = 2;

const texts = [
  'Reuniones más cortas',
  'Escuchar a los equipos de campo antes de decidir',
  'Menos trámites en papel para los permisos municipales',
  'Compartir los datos de cada programa con las demás instituciones, abiertos y a tiempo',
  'Más capacitación',
  'Rendir cuentas a la comunidad cada trimestre, en su idioma, con cifras claras y sin tecnicismos, en reuniones abiertas',
];

// Median, min and max, as bench/stats.h reports them.
function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], runs: n };
}

const cell = (s) => `${s.median.toFixed(1)} [${s.min.toFixed(1)}-${s.max.toFixed(1)}]`;

// In the projector page, from its first script on: when the board's section counts `want` notes
// and shows some of them, and when the frame after that has been painted.
function watchBoard(want) {
  const record = {};
  window.campanaBoardRender = record;
  const check = () => {
    if (record.dom !== undefined) return;
    const section = document.querySelector('[data-board-notes]');
    if (!section || Number(section.getAttribute('data-board-notes')) < want) return;
    if (!section.querySelector('[data-board-note]')) return;
    record.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() =>
      setTimeout(() => {
        record.inDom = document.querySelectorAll('[data-board-note]').length;
        record.paged = document.querySelector('.fit-content')?.hasAttribute('data-paged') ?? false;
        record.painted = performance.now();
      }, 0),
    );
  };
  // When the biggest message (the snapshot) arrived, before the page decodes it.
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const size = event.data.byteLength ?? event.data.size ?? event.data.length ?? 0;
        if (size > (record.biggest ?? 0)) {
          record.biggest = size;
          record.snapshot = performance.now();
        }
      });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-board-notes'] });
}

const server = await new Server().start();
const browser = await launchBrowser();
try {
  const desk = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await desk.goto(server.base);
  await desk.addScriptTag({ content: await crowdScript() });
  await desk.evaluate(([code, key]) => window.campanaCrowd.openDesk(code, key), [server.code, server.key]);
  const command = async (body) => {
    const reply = await desk.evaluate((b) => window.campanaCrowd.command(b), body);
    if (!reply.ok) throw new Error(`${body.case}: ${reply.message}`);
  };
  const docs = (kind) => desk.evaluate((k) => window.campanaCrowd.docs(k), kind);
  await desk.waitForFunction((k) => window.campanaCrowd.docs(k).length > 0, DOC_AGENDA, { timeout: 10_000 });

  // The template's room-wide board: each board item is set up when the agenda reaches it.
  const [agenda] = await docs(DOC_AGENDA);
  const boardItems = agenda.agenda.items.flatMap((item, i) => (item.activity === 'ACTIVITY_BOARD' ? [i] : []));
  let board = -1;
  for (const index of boardItems) {
    await command({ case: 'gotoAgendaItem', value: { index } });
    await desk.waitForFunction(
      ([k, i]) => window.campanaCrowd.docs(k).some((d) => Number(d.id) === i),
      [DOC_BOARD, index],
      { timeout: 10_000 },
    );
    const spec = (await docs(DOC_BOARD)).find((d) => Number(d.id) === index).board.spec;
    if (spec.oneBoardForRoom) {
      board = index;
      break;
    }
  }
  if (board < 0) throw new Error(`the template (${server.template}) has no board for the whole room`);
  const spec = (await docs(DOC_BOARD)).find((d) => Number(d.id) === board).board.spec;
  const columns = spec.columns.length;
  const rows = Math.max(1, spec.rows?.length ?? 0);

  // The notes, people at a time in batches of 40 (each person's one after another).
  const crowd = Array.from({ length: people }, (_, i) => {
    const mine = Math.floor(notes / people) + (i < notes % people ? 1 : 0);
    const commands = Array.from({ length: mine }, (_, k) => ({
      case: 'addNote',
      value: {
        board,
        column: (i + k) % columns,
        row: (i * 3 + k) % rows,
        text: `${texts[(i + 2 * k) % texts.length]} (${i + 1}.${k + 1})`,
      },
    }));
    return { name: `Persona ${i + 1}`, presence: i % 6 === 5 ? 2 : 1, commands };
  });
  let written = 0;
  const fill = async (part) => {
    const refused = await within(600_000, `${notes} notes`, desk.evaluate(
      ([code, c]) => window.campanaCrowd.join(code, c, { batch: 40 }),
      [server.code, part],
    ));
    if (refused.length > 0) throw new Error(`refused: ${refused.slice(0, 3).join('; ')}`);
    written += part.reduce((n, p) => n + p.commands.length, 0);
    const want = written;
    await desk.waitForFunction(([k, n]) => window.campanaCrowd.docs(k).length >= n, [DOC_BOARD_NOTE, want], {
      timeout: 60_000,
    });
    await command({ case: 'setBoardPhase', value: { board, phase: PHASE_REVEAL } });
    return want;
  };

  // Opens the projector `runs` times on the revealed board of `want` notes.
  const measure = async (want, screenshot) => {
    const snapshot = [];
    const dom = [];
    const painted = [];
    const bytes = [];
    let shown;
    for (let run = 0; run < runs; run++) {
      const context = await newDevice(browser, server, { viewport });
      const page = await context.newPage();
      let received = 0;
      page.on('websocket', (ws) =>
        ws.on('framereceived', ({ payload }) => {
          received += typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
        }),
      );
      await page.addInitScript(watchBoard, want);
      await page.goto(server.screen());
      await page.waitForFunction(() => window.campanaBoardRender?.painted !== undefined, null, { timeout: 120_000 }).catch(
        async (error) => {
          const seen = await page.evaluate(() => document.querySelector('[data-board-notes]')?.getAttribute('data-board-notes'));
          throw new Error(
            `the projector never showed the board's ${want} notes (its section counts ${seen ?? 'none'}; ` +
              `is the board's projector view in clients/web/dist?): ${error.message}`,
          );
        },
      );
      const record = await page.evaluate(() => window.campanaBoardRender);
      snapshot.push(record.snapshot);
      dom.push(record.dom - record.snapshot);
      painted.push(record.painted - record.snapshot);
      bytes.push(received);
      shown = { inDom: record.inDom, paged: record.paged };
      if (screenshot && run === runs - 1) await page.screenshot({ path: screenshot });
      await context.close();
    }
    return {
      notes: want,
      notes_in_dom: shown.inDom,
      paged: shown.paged,
      navigation_to_snapshot_ms: summary(snapshot),
      snapshot_to_notes_ms: summary(dom),
      snapshot_to_painted_ms: summary(painted),
      websocket_bytes: summary(bytes),
    };
  };

  // A small board first (one person's notes), for what opening the projector costs anyway; then
  // back to writing for everyone else's.
  const fillStarted = Date.now();
  const first = await fill(crowd.slice(0, 1));
  // The browser's first pages are slower (its processes start): one page, not measured.
  const warm = await (await newDevice(browser, server, { viewport })).newPage();
  await warm.goto(server.screen());
  await warm.locator('[data-board-note]').first().waitFor({ timeout: 60_000 });
  await warm.context().close();
  const small = await measure(first);
  await command({ case: 'setBoardPhase', value: { board, phase: PHASE_WRITE } });
  await fill(crowd.slice(1));
  const fillMs = Date.now() - fillStarted;
  const full = await measure(notes, args.screenshot);
  const result = {
    board,
    viewport: `${viewport.width}x${viewport.height}`,
    fill_ms: fillMs,
    ...full,
    small_board: small,
  };
  const line = (r) =>
    `  ${String(r.notes).padStart(5)} notes: the snapshot ${cell(r.navigation_to_snapshot_ms)} ms after the ` +
    `navigation (${cell(r.websocket_bytes)} bytes received); then every note counted and the cells filled ` +
    `${cell(r.snapshot_to_notes_ms)} ms, painted ${cell(r.snapshot_to_painted_ms)} ms; ` +
    `${r.notes_in_dom} in the DOM${r.paged ? ' (paged)' : ''}`;
  console.log(
    `\nBoard render: the projector (${result.viewport}) opening a revealed board (item ${board}); medians ` +
      `over ${runs} run(s) [min-max]\n${line(small)}\n${line(full)}\n` +
      `  (filling the board took ${(fillMs / 1000).toFixed(1)} s)`,
  );
  if (args.out) writeFileSync(args.out, JSON.stringify(result) + '\n');
} finally {
  await browser.close();
  await server.dispose();
}
