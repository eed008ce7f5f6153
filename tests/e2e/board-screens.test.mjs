// The board's projector and console views, in Spanish, with a room of 240 through the pages' own
// protocol (crowd.mjs): 120 write on the SDG map (one board per group, notes private until the
// reveal) and 120 on "Hacer menos / Hacer más" (one board for the room), then vote. The projector
// shows no note before the reveal (and receives none); from the reveal on it fits 1920x1080 and
// 1280x720 without scrolling, with no text under the floor, with every group's board and with
// one; it draws a cluster and a link; a note the console hides leaves it; in the results it ranks
// the notes by their dots. The console moves the phases, chooses the projected board, exports the
// boards as CSV (BOM, CRLF, quoting, "Anónimo"); axe-core finds nothing on either page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server } from './harness.mjs';
import { crowdScript, within } from './crowd.mjs';

const DOC_AGENDA = 6;
const DOC_BOARD = 20;
const DOC_BOARD_NOTE = 21;
const DOC_BOARD_CLUSTER = 22;
const PHASE = { write: 1, reveal: 2, group: 3, vote: 4, results: 5 };
const sizes = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }];
const writers = 120;
const groups = 3;
const shots = ensureOutputDir('board-screens');
const tricky = 'Menos reuniones, más "acción"\ny menos correos';

let server;
let browser;
let crowd; // a page of the server's origin running crowd.mjs: the facilitator's commands, the crowd
let desk; // the console
let screens; // [{ page, size }]
const traffic = new Map(); // page -> received WebSocket payloads
let sdg; // agenda index of the SDG map
let lessMore; // agenda index of "Hacer menos / Hacer más"

function record(page) {
  const frames = [];
  traffic.set(page, frames);
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(Buffer.from(f.payload))));
}
const received = (page, text) => traffic.get(page).some((f) => f.includes(Buffer.from(text)));

const command = async (body) => {
  const reply = await crowd.evaluate((b) => window.campanaCrowd.command(b), body);
  assert.ok(reply.ok, `${body.case}: ${reply.message}`);
  return reply;
};
const docs = (kind) => crowd.evaluate((k) => window.campanaCrowd.docs(k), kind);
const waitForDocs = (kind, predicate, arg) =>
  crowd.waitForFunction(
    ([k, source, a]) => new Function('docs', 'arg', `return (${source})(docs, arg)`)(window.campanaCrowd.docs(k), a),
    [kind, predicate.toString(), arg],
    { timeout: 20_000 },
  );

const sdgText = (i) => `Factor ${i} del grupo ${1 + (i % groups)}: ${i % 5 === 0 ? 'formación técnica para jóvenes de la región' : 'crédito'}`;
const lessMoreText = (i) => (i === 0 ? tricky : `Idea ${i}: ${i % 2 ? 'más' : 'menos'} ${['reuniones', 'pausas activas', 'correos', 'visitas al campo'][i % 4]}`);

// The room, as the projector test measures it: nothing scrolls, no text under the floor.
function measure() {
  const height = window.innerHeight;
  const floor = (28 / 1080) * height;
  const frame = document.querySelector('.fit-content');
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const texts = [...document.querySelectorAll('body *')].filter(
    (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && shown(el) && !el.closest('.visually-hidden, option'),
  );
  const notes = [...document.querySelectorAll('[data-board-note]')];
  return {
    height,
    width: window.innerWidth,
    scrollHeight: document.scrollingElement.scrollHeight,
    scrollWidth: document.scrollingElement.scrollWidth,
    frame: frame ? [frame.scrollHeight, frame.clientHeight] : [0, 0],
    small: texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < floor - 0.05).map((el) => `${el.className} ${getComputedStyle(el).fontSize}`),
    notes: notes.length,
    shownNotes: notes.filter((n) => n.offsetParent !== null).length,
    // A note shown must be inside the screen.
    offScreen: notes.filter((n) => n.offsetParent !== null && n.getBoundingClientRect().bottom > height + 0.5).length,
    pages: document.querySelector('.fit-pages')?.textContent ?? '',
  };
}

async function checkFits(name) {
  for (const { page, size } of screens) {
    const m = await page.evaluate(measure);
    const where = `${name}, ${size}`;
    assert.ok(m.scrollHeight <= m.height, `${where}: no scrolling (${m.scrollHeight} > ${m.height})`);
    assert.ok(m.scrollWidth <= m.width, `${where}: no sideways scrolling (${m.scrollWidth} > ${m.width})`);
    assert.ok(m.frame[0] <= m.frame[1] + 1, `${where}: the scene fits its frame (${m.frame})`);
    assert.deepEqual(m.small, [], `${where}: no text under the floor`);
    assert.equal(m.offScreen, 0, `${where}: every note shown is on the screen`);
    await page.screenshot({ path: join(shots, `${name}-${size}.png`) });
    console.log(`${where}: ${m.shownNotes} of ${m.notes} notes shown ${m.pages}`);
  }
}

const onEveryScreen = (selector) => Promise.all(screens.map(({ page }) => page.locator(selector).first().waitFor()));
const boardPanel = () => desk.getByRole('region', { name: 'Tablero' });
const phaseButton = (name) => boardPanel().getByRole('group', { name: 'Fases del tablero' }).getByRole('button', { name, exact: true });

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  crowd = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await crowd.goto(server.base);
  await crowd.addScriptTag({ content: await crowdScript() });
  await crowd.evaluate(([code, key]) => window.campanaCrowd.openDesk(code, key), [server.code, server.key]);
  await waitForDocs(DOC_AGENDA, (d) => d.length > 0);
  const [agenda] = await docs(DOC_AGENDA);
  const boards = agenda.agenda.items.map((item, i) => [item, i]).filter(([item]) => item.activity === 'ACTIVITY_BOARD');
  assert.ok(boards.length >= 2, `the demo has board items (${agenda.agenda.items.map((i) => i.title).join(', ')})`);

  desk = await (await newDevice(browser, server, { viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true })).newPage();
  await desk.goto(server.console());
  screens = [];
  for (const viewport of sizes) {
    const page = await (await newDevice(browser, server, { viewport, bypassCSP: true })).newPage();
    record(page);
    await page.goto(server.screen());
    await page.locator('main[data-scene]').waitFor();
    screens.push({ page, size: `${viewport.width}x${viewport.height}` });
  }
  // Which board is which, from their documents.
  await command({ case: 'gotoAgendaItem', value: { index: boards[0][1] } });
  await waitForDocs(DOC_BOARD, (d) => d.length > 0);
  for (const [, index] of boards) {
    await command({ case: 'gotoAgendaItem', value: { index } });
    await waitForDocs(DOC_BOARD, (d, i) => d.some((b) => (b.board.board ?? 0) === i), index);
  }
  const specs = await docs(DOC_BOARD);
  sdg = specs.find((b) => b.board.spec?.links)?.board.board;
  lessMore = specs.find((b) => b.board.spec?.oneBoardForRoom)?.board.board;
  assert.ok(sdg !== undefined && lessMore !== undefined, 'the SDG map and "less / more" are among the boards');
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('before the reveal the projector shows the lanes and no note, and receives none', { timeout: 200_000 }, async () => {
  await command({ case: 'setupGroups', value: { mode: 3, count: groups } }); // MODE_CHOOSE
  await command({ case: 'setGroupChoice', value: { open: true } });
  await command({ case: 'gotoAgendaItem', value: { index: sdg } });
  await onEveryScreen('main[data-scene="board"] .screen-board');
  const people = Array.from({ length: writers }, (_, i) => ({
    name: `Persona ${i}`,
    presence: i % 6 === 5 ? 2 : 1,
    commands: [
      { case: 'chooseGroup', value: { group: 1 + (i % groups) } },
      { case: 'addNote', value: { board: sdg, column: i % 4, row: (i >> 2) % 2, text: sdgText(i) } },
    ],
  }));
  const refused = await within(120_000, 'the SDG map written', crowd.evaluate(([code, p]) => window.campanaCrowd.join(code, p, { batch: 60 }), [server.code, people]));
  assert.deepEqual(refused.slice(0, 3), [], 'every join, group and note acknowledged');
  await waitForDocs(DOC_BOARD_NOTE, (d, n) => d.filter((x) => x.boardNote.board === n[0]).length === n[1], [sdg, writers]);

  // The console (a facilitator) sees every note before the reveal: that is how moderation works.
  await boardPanel().getByText(`50 de ${writers} notas`).waitFor();
  for (const { page } of screens) {
    await page.getByText('Escribiendo…').waitFor();
    assert.equal(await page.locator('[data-board-note]').count(), 0, 'no note on the projector');
    assert.ok(!received(page, sdgText(7)), 'no note reached the projector');
    await page.getByRole('heading', { name: /^ODS 8/ }).first().waitFor();
  }
  await checkFits('write');
  assert.deepEqual(await axeViolations(desk), [], 'console: axe-core');
});

test('from the reveal on every group\'s board, then one group\'s, fits both screens', { timeout: 120_000 }, async () => {
  await phaseButton('Revelar').click();
  await onEveryScreen(`.screen-board[data-board-phase="${PHASE.reveal}"][data-board-notes="${writers}"]`);
  await checkFits('reveal-all-groups');
  for (const { page } of screens) assert.deepEqual(await axeViolations(page), [], 'projector: axe-core');

  await boardPanel().getByLabel('En el proyector').selectOption('2');
  await onEveryScreen(`.screen-board[data-board-group="2"][data-board-notes="${writers / groups}"]`);
  await checkFits('reveal-group-2');
});

test('a cluster, a link and a hidden note, as the console and the projector show them', { timeout: 120_000 }, async () => {
  await phaseButton('Agrupar').click();
  await onEveryScreen(`.screen-board[data-board-phase="${PHASE.group}"]`);
  const notes = (await docs(DOC_BOARD_NOTE)).map((d) => d.boardNote).filter((n) => n.board === sdg && n.group === 2);
  const cell = (c, r) => notes.filter((n) => (n.column ?? 0) === c && (n.row ?? 0) === r).sort((a, b) => a.id - b.id);
  // Two notes of one cell into a cluster, through the console's buttons.
  const [a, b] = cell(1, 0);
  const row = (id) => boardPanel().locator(`[data-board-note="${id}"]`);
  await boardPanel().getByLabel('Filtrar por grupo').selectOption('2');
  await row(a.id).getByRole('button', { name: 'Elegir para agrupar' }).click();
  await row(b.id).getByRole('button', { name: 'Juntar con la elegida' }).click();
  await waitForDocs(DOC_BOARD_CLUSTER, (d) => d.length === 1);
  const title = boardPanel().locator('[data-board-cluster]').getByRole('textbox');
  await title.fill('Formación');
  await boardPanel().getByRole('button', { name: 'Guardar título' }).click();
  await onEveryScreen('.board-cluster:has-text("Formación")');
  // A link between the first notes of two cells (both on the first page; a line is drawn while
  // both its ends are shown): a line on the projector, once the pages come back to the first.
  const [c] = cell(0, 0);
  const [d] = cell(3, 1);
  await command({ case: 'linkNotes', value: { noteId: c.id, toNoteId: d.id, linked: true } });
  await Promise.all(screens.map(({ page }) => page.locator('svg.board-links:not([data-board-links="0"])').waitFor({ timeout: 45_000 })));
  await checkFits('group-2');
  // The console hides a note: it leaves the projector.
  const [hidden] = cell(2, 1);
  await onEveryScreen(`[data-board-note="${hidden.id}"]`);
  await row(hidden.id).getByRole('button', { name: 'Ocultar' }).click();
  await row(hidden.id).getByRole('button', { name: 'Mostrar' }).waitFor();
  for (const { page } of screens) await page.locator(`[data-board-note="${hidden.id}"]`).waitFor({ state: 'detached' });
  assert.deepEqual(await axeViolations(desk), [], 'console: axe-core in the group phase');
});

test('the ranking, most dots first, on both screens', { timeout: 200_000 }, async () => {
  await command({ case: 'gotoAgendaItem', value: { index: lessMore } });
  await onEveryScreen(`.screen-board[data-board-phase="${PHASE.write}"]`);
  const people = Array.from({ length: writers }, (_, i) => ({
    name: `Votante ${i}`,
    commands: [{ case: 'addNote', value: { board: lessMore, column: i % 2, row: 0, text: lessMoreText(i) } }],
  }));
  const refused = await within(120_000, '"less / more" written', crowd.evaluate(([code, p]) => window.campanaCrowd.join(code, p, { batch: 60, keepOpen: p.length }), [server.code, people]));
  assert.deepEqual(refused.slice(0, 3), [], 'every join and note acknowledged');
  await waitForDocs(DOC_BOARD_NOTE, (d, n) => d.filter((x) => x.boardNote.board === n[0]).length === n[1], [lessMore, writers]);
  const ids = new Map((await docs(DOC_BOARD_NOTE)).map((d) => d.boardNote).filter((n) => n.board === lessMore).map((n) => [n.text, n.id]));
  const [first, second, third] = [lessMoreText(3), lessMoreText(0), lessMoreText(10)].map((t) => ids.get(t));

  await phaseButton('Revelar').click();
  await phaseButton('Agrupar').click();
  await phaseButton('Votar').click();
  await onEveryScreen(`.screen-board[data-board-phase="${PHASE.vote}"]`);
  // 60 dots on the first, 40 on the second, 20 on the third: one each.
  const failed = await crowd.evaluate(
    ([a, b, c]) => window.campanaCrowd.fromKept((i) => ({ case: 'castDot', value: { noteId: i < 60 ? a : i < 100 ? b : c } })),
    [first, second, third],
  );
  assert.deepEqual(failed, [], 'every dot acknowledged');
  await boardPanel().locator('tr[data-board-group="0"] td').last().getByText('120', { exact: true }).waitFor();
  await phaseButton('Resultados').click();
  await onEveryScreen(`.screen-board[data-board-phase="${PHASE.results}"] [data-rank]`);
  for (const { page } of screens) {
    const rows = await page.locator('.board-ranking > [data-rank]').evaluateAll((lis) =>
      lis.map((li) => ({ rank: li.dataset.rank, notes: [...li.querySelectorAll('[data-board-note]')].map((n) => Number(n.dataset.boardNote)), text: li.textContent })),
    );
    assert.deepEqual(rows.map((r) => r.rank), ['1', '2', '3'], 'three notes have dots');
    assert.deepEqual(rows.map((r) => r.notes[0]), [first, second, third], 'most dots first');
    assert.match(rows[0].text, /60 puntos/);
    assert.match(rows[2].text, /20 puntos/);
  }
  await checkFits('results');
  for (const { page } of screens) assert.deepEqual(await axeViolations(page), [], 'projector: axe-core in the results');
});

test('the console exports every board as CSV', { timeout: 60_000 }, async () => {
  const [download] = await Promise.all([desk.waitForEvent('download'), boardPanel().getByRole('button', { name: 'Exportar CSV' }).click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFTablero,Grupo,Columna,Fila,Texto,Autor,Grupo de notas,Puntos,Oculta,'), 'BOM and the header');
  assert.ok(text.endsWith('\r\n'), 'CRLF');
  // One record per note of both boards (the tricky note's line break is inside its quotes).
  const records = text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(records.length, 1 + 2 * writers, 'a header and one row per note');
  assert.ok(text.includes('"Menos reuniones, más ""acción""\ny menos correos",Anónimo,,40,no,'), 'quoted, anonymous, with its dots');
  assert.ok(text.includes(',Formación,'), 'the cluster');
  assert.ok(text.includes(',sí,no,'), 'the hidden note');
  assert.ok(!/Persona \d|Votante \d/.test(text), 'no author on anonymous boards');
  assert.deepEqual(await axeViolations(desk), [], 'console: axe-core in the results');
  await desk.screenshot({ path: join(shots, 'console-results.png') });
});
