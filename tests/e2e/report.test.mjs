// The workshop's report in Spanish, after a whole workshop: 24 people (four of them remote) go
// through every activity of the demo with the real commands (whole-workshop.mjs: groups and
// teams, the race, the card sort, speed dating, the open question "Reflexión" with accents and
// quotes, three boards, the action plan, the evaluation survey). The facilitator opens
// /report/CODE#key=... from the console: the report names the workshop, counts who attended (in
// the room and remote), lists the agenda as planned and as it ran (every item reached), the
// groups and teams, each activity's section (the open answers without names) and, in the annex,
// the survey's four charts with their counts. axe finds nothing; Chromium prints it to PDF (A4)
// and pdftotext finds each activity's heading and the annex in it. The console's zip holds each
// activity's CSV, and each parses. Screenshots and the PDF go to test-output/report/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { crowdScript } from './crowd.mjs';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, webDir } from './harness.mjs';
import {
  answerText,
  clusterTitle,
  datingNote,
  isRemote,
  planFields,
  planObjective,
  recommendWhy,
  runWholeWorkshop,
} from './whole-workshop.mjs';

// The zip's reader and a CSV parser that is not ours (RFC 4180), from the pages' node_modules.
const require = createRequire(join(webDir, 'package.json'));
const { unzipSync, strFromU8 } = require('fflate');
const { parse: parseCsv } = require('csv-parse/sync');

const shots = ensureOutputDir('report');
const count = 24; // every sixth remote: 20 in the room, 4 remote; 4 groups of 6
// The demo's items with an activity, as their report sections' headings (the agenda item's
// title); the survey's is in the annex, the groups' in the report's opening.
const activityHeadings = [
  'Reto de la pelota de tenis',
  'Espectro del fracaso',
  'Citas rápidas',
  'Reflexión',
  'Mapa de los ODS',
  'Colaborador soñado y colaborador pesadilla',
  'Hacer menos, hacer más',
  'Plan de acción',
];
const survey = 'Encuesta de evaluación';
const boards = ['Mapa de los ODS', 'Colaborador soñado y colaborador pesadilla', 'Hacer menos, hacer más'];

let server;
let browser;
let desk; // the facilitator's browser, which opens the report
let agenda; // the demo's agenda items
let people; // [{ name, presence }]: person i
let groupOf; // person i's group

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  // A page of the server's origin running crowd.mjs: the facilitator's commands, the crowd.
  const crowd = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await crowd.goto(server.base);
  await crowd.addScriptTag({ content: await crowdScript() });
  await crowd.evaluate(([code, key]) => window.campanaCrowd.openDesk(code, key), [server.code, server.key]);
  const started = Date.now();
  const ran = await runWholeWorkshop(crowd, { code: server.code, people: count });
  ({ agenda, crowd: people, groupOf } = ran);
  console.log(`the whole workshop: ${((Date.now() - started) / 1000).toFixed(1)} s (joining ${(ran.joinedMs / 1000).toFixed(1)} s)`);
  for (const [what, text] of Object.entries(ran.did)) console.log(`  ${what.padEnd(9)} ${text}`);
  // The template still has these activities, in this order.
  assert.deepEqual(
    agenda.filter((item) => !['ACTIVITY_PRESENTATION', 'ACTIVITY_GROUPS', 'ACTIVITY_POLL'].includes(item.activity)).map((item) => item.title),
    activityHeadings,
  );
  assert.equal(agenda.find((item) => item.activity === 'ACTIVITY_POLL')?.title, survey);

  desk = await (
    await newDevice(browser, server, { viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true })
  ).newPage();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

// Names nobody: no "Persona N" in the text (and "Persona 1" is not found in "Persona 12").
const namesNobody = (text, what) => {
  for (const { name } of people) assert.ok(!new RegExp(`${name}(?!\\d)`).test(text), `${what} names nobody (${name})`);
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the console links to the report, which says who came, the agenda as it ran, each activity and the survey', async () => {
  await desk.goto(server.console());
  const link = desk.getByRole('link', { name: 'Informe del taller' });
  const href = await link.getAttribute('href');
  assert.equal(href, `${server.base}/report/${server.code}#key=${encodeURIComponent(server.key)}`);

  const started = Date.now();
  await desk.goto(href);
  await desk.locator('[data-report-ready]').waitFor();
  console.log(`report shown ${Date.now() - started} ms after the navigation`);
  // It reads the export as plain JSON: none of protobuf's code (the `protocol` chunk, whose
  // descriptors take about 100 ms to build) is loaded (clients/web/vite.config.ts).
  const scripts = await desk.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
  );
  assert.ok(scripts.some((p) => /\/ReportApp-/.test(p)), `the report's own chunk among ${scripts.join(', ')}`);
  assert.deepEqual(scripts.filter((p) => /\/protocol-/.test(p)), [], 'the report page loads no protocol chunk');
  assert.equal(await desk.evaluate(() => document.documentElement.lang), 'es');
  await desk.getByRole('heading', { level: 1, name: 'Taller de demostración: mentalidades para la innovación' }).waitFor();

  const main = desk.locator('main.report');
  const text = await main.innerText();
  const remote = people.filter((_, i) => isRemote(i)).length;
  assert.match(text, new RegExp(`${count} participantes se unieron: ${count - remote} en la sala, ${remote} a distancia`));
  // The agenda as planned and as it ran: every item was reached, with a start and a duration.
  const agendaRows = desk.locator('table.report-agenda tbody tr');
  assert.deepEqual(
    await agendaRows.locator('th').allInnerTexts(),
    agenda.map((item) => item.title),
  );
  for (const [i, row] of (await agendaRows.all()).entries()) {
    const cells = await row.locator('td').allInnerTexts();
    assert.match(cells[2], /\d{1,2}:\d{2}/, `item ${i} started at a time: ${cells}`);
    assert.match(cells[3], /^\d+ min$/, `item ${i} lasted: ${cells}`);
  }
  // The groups and teams, everyone in one.
  const groupList = await desk.locator('ul.report-groups li').allInnerTexts();
  assert.deepEqual(
    groupList.map((g) => g.split(':')[0]),
    ['Grupo 1', 'Grupo 2', 'Grupo 3', 'Grupo 4'],
  );
  for (const [i, p] of people.entries())
    assert.match(groupList[groupOf[i] - 1], new RegExp(`${p.name}(?!\\d)`), `${p.name} is in group ${groupOf[i]}`);
  assert.match(text, /Equipo A: grupos 1, 3/);
  assert.match(text, /Equipo B: grupos 2, 4/);

  // Each activity's section, under its agenda item's title.
  const headings = await desk.locator('main.report h3').allInnerTexts();
  for (const heading of [...activityHeadings, survey]) assert.ok(headings.includes(heading), `a section "${heading}": ${headings}`);
  const race = await desk.locator('[data-report-race]').innerText();
  assert.match(race, /anulado \(se cayó la pelota\)/);
  assert.match(race, /Ganó el equipo A, con /, 'A ran in about 1.2 s, B in 1.6 s');
  const cards = await desk.locator('[data-report-cards]').innerText();
  assert.match(cards, /100\/100 · 9 de 9 en su lugar · puesto 1/, 'group 1 sorted as the reference');
  const dating = desk.locator('[data-report-dating]');
  assert.match(await dating.innerText(), /2 citas/);
  assert.match(await dating.innerText(), new RegExp(`${count / 2} participantes compartieron sus notas`));
  const datingNotes = await dating.locator('ul.dating-report-notes li').allInnerTexts();
  assert.equal(datingNotes.length, count, 'half of the people shared their note of each of the two rounds');
  assert.ok(datingNotes.includes(datingNote(1, 0)), 'a note with its quotes and accents');
  namesNobody(datingNotes.join('\n'), 'the shared notes');
  assert.equal(await desk.locator('[data-report-board]').count(), 3, 'the three boards');
  for (const board of await desk.locator('[data-report-board]').all()) namesNobody(await board.innerText(), 'a board');
  assert.match(await desk.locator('[data-report-board="8"]').innerText(), new RegExp(`Toda la sala · ${count * 3} notas`));
  const plans = desk.locator('[data-report-plan-group]');
  assert.equal(await plans.count(), 4, "each group's plan");
  for (const plan of await plans.all()) {
    const group = Number(await plan.getAttribute('data-report-plan-group'));
    const planText = await plan.innerText();
    assert.ok(planText.includes(planObjective(group)), `group ${group}'s objective`);
    assert.ok(planText.includes(planFields[0](group, 2)), `group ${group}'s third step`);
    namesNobody(planText, `group ${group}'s plan`);
  }

  // The open answers, every one, with their accents and quotes, without names.
  const reflectionPart = desk.locator('[data-report-question]');
  const reflection = await reflectionPart.innerText();
  assert.match(reflection, new RegExp(`${count} respuestas`));
  for (const [i] of people.entries()) assert.match(reflection, new RegExp(escape(answerText(i))));
  namesNobody(reflection, 'the open answers');

  const annex = desk.locator('section.report-annex');
  await annex.getByRole('heading', { name: 'Anexo: encuesta de evaluación' }).waitFor();
  await annex.getByRole('heading', { level: 3, name: survey, exact: true }).waitFor();
  const charts = annex.locator('svg[role="img"]');
  assert.equal(await charts.count(), 4, 'one chart per survey question');
  for (const [i, chart] of (await charts.all()).entries())
    assert.match(await chart.textContent(), new RegExp(`${count} respuestas`), `survey question ${i + 1}: every answer counted`);

  assert.deepEqual(await axeViolations(desk), [], 'the report: axe');
  await desk.screenshot({ path: join(shots, 'report-top.png') });
  await desk.screenshot({ path: join(shots, 'report-full.png'), fullPage: true });
});

test("Chromium prints the report to PDF and pdftotext reads every heading, each activity's among them", async () => {
  await desk.emulateMedia({ media: 'print' });
  await desk.screenshot({ path: join(shots, 'report-print.png'), fullPage: true });
  const pdf = await desk.pdf({ format: 'A4', printBackground: true });
  const file = join(shots, 'report.pdf');
  writeFileSync(file, pdf);
  // The text page by page (form feeds), a line of the page a line of the text.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim());
  console.log(`report.pdf: ${pdf.length} bytes, ${pages.length} pages`);
  for (const heading of ['Taller de demostración', 'Asistencia', 'Agenda', 'Grupos y equipos', 'Lo que produjo cada actividad'])
    assert.ok(text.includes(heading), `the PDF has "${heading}"`);
  assert.ok(!text.includes('Imprimir o guardar como PDF'), 'the print button is not printed');
  // Each activity's heading, a line of its own, among the results (the agenda table before them
  // has the titles too); the survey's in the annex; the groups' after the agenda.
  const lines = text.split(/[\n\f]/).map((line) => line.trim());
  const results = lines.indexOf('Lo que produjo cada actividad');
  const annex = lines.indexOf('Anexo: encuesta de evaluación');
  assert.ok(results > 0 && annex > results, `the results (line ${results + 1}), then the annex (line ${annex + 1})`);
  for (const heading of activityHeadings)
    assert.ok(lines.slice(results, annex).includes(heading), `the PDF has the heading "${heading}" among the results`);
  assert.ok(lines.slice(annex).includes(survey), `the PDF's annex has the heading "${survey}"`);
  assert.ok(lines.slice(0, results).includes('Grupos y equipos'), 'the groups and teams, before the results');
  // The annex starts a page of its own.
  const annexPage = pages.findIndex((p) => p.includes('Anexo: encuesta de evaluación'));
  assert.ok(annexPage > 0, `the annex is after the first page (page ${annexPage + 1})`);
  assert.ok(pages[annexPage].trim().startsWith('Anexo: encuesta de evaluación'), `the annex opens page ${annexPage + 1}`);
  await desk.emulateMedia({ media: 'screen' });
});

test('the console downloads everything as a zip: each CSV parses, with accents, quotes and names', async () => {
  await desk.goto(server.console());
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    desk.getByRole('button', { name: 'Descargar todo (zip)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), new RegExp(`^campana-${server.code}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const path = join(shots, 'workshop.zip');
  await download.saveAs(path);
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const names = Object.keys(files).sort();
  console.log(`workshop.zip: ${readFileSync(path).length} bytes, ${names.join(', ')}`);
  for (const name of [
    'answers.csv',
    'polls.csv',
    'race.csv',
    'cards.csv',
    'dating.csv',
    'dating-notes.csv',
    'action-plans.csv',
    'boards.csv',
    'workshop.json',
    'report.html',
  ])
    assert.ok(names.includes(name), `the zip has ${name}: ${names}`);
  assert.ok(names.some((n) => /^charts\/poll-\d+-q\d+\.svg$/.test(n)), 'the survey charts as SVG');

  const csv = {};
  for (const name of names.filter((n) => n.endsWith('.csv'))) {
    assert.deepEqual([...files[name].subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} starts with the UTF-8 byte order mark`);
    const text = strFromU8(files[name]);
    assert.ok(text.includes('\r\n'), `${name} ends its lines with CRLF`);
    csv[name] = parseCsv(text, { bom: true, relax_column_count: false });
  }
  // A file's rows as objects by its header.
  const rows = (name) => {
    const [header, ...body] = csv[name];
    return body.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
  };
  const indexOfName = (name) => people.findIndex((p) => p.name === name);

  // The open answers: every one, with its accents and quotes, its author by name.
  const answers = rows('answers.csv');
  assert.deepEqual(answers.map((a) => a.Respuesta).sort(), people.map((_, i) => answerText(i)).sort());
  for (const a of answers) assert.equal(a.Respuesta, answerText(indexOfName(a.Autor)), `${a.Autor}'s answer`);
  // The survey, anonymous: everyone x 4 questions, "why" with its quotes, no names.
  const polls = csv['polls.csv'];
  assert.equal(polls.length - 1, count * 4, 'one row per answer');
  assert.ok(polls.flat().includes(recommendWhy), 'a quoted "why" round-trips');
  for (const p of people) assert.ok(!polls.flat().includes(p.name), `the anonymous survey does not name ${p.name}`);
  assert.ok(polls.flat().includes('anónimo'));

  // The race: A's counted run and its void one, B's counted run; the times of the stopwatches.
  const race = rows('race.csv');
  assert.deepEqual(
    race.map((r) => [r.Equipo, r.Intento, r.Resultado]),
    [
      ['A', '1', 'válido'],
      ['A', '2', 'nulo (cayó la pelota)'],
      ['B', '1', 'válido'],
    ],
  );
  assert.ok(Number(race[0]['Tiempo (s)']) >= 1.2 && Number(race[2]['Tiempo (s)']) >= 1.6, `the times: ${JSON.stringify(race)}`);
  assert.equal(race[0]['Mejor tiempo del equipo (s)'], race[0]['Tiempo (s)']);

  // The card sort: each group's nine cards; group 1 in the reference order, scored 100.
  const cards = rows('cards.csv');
  assert.equal(cards.length, 4 * 9);
  const first = cards.filter((c) => c.Grupo === 'Grupo 1');
  assert.equal(first.length, 9);
  for (const c of first) {
    assert.equal(c['Posición de referencia'], c['Posición'], `group 1's ${c.Tarjeta}`);
    assert.equal(c['Puntuación del grupo (0-100)'], '100');
  }
  assert.ok(cards.some((c) => c.Tarjeta === 'Evaluación de la hipótesis'), 'the cards by their accented titles');

  // Speed dating: in each round everyone met someone, the remote ones on a call; the notes
  // their writers shared (every other person), with their quotes.
  const dating = csv['dating.csv'].slice(1);
  for (const round of ['1', '2']) {
    const units = dating.filter((u) => u[0] === round);
    const met = units.flatMap((u) => u.slice(2, 5)).filter(Boolean);
    assert.deepEqual([...met].sort(), people.map((p) => p.name).sort(), `round ${round}: everyone once`);
    for (const u of units) {
      const remote = u.slice(2, 5).filter(Boolean).every((name) => isRemote(indexOfName(name)));
      assert.equal(u[5] === 'videollamada', remote, `round ${round}: ${u}`);
    }
  }
  const notes = rows('dating-notes.csv');
  assert.equal(notes.length, count, 'half of the people, two rounds');
  for (const n of notes) {
    const i = indexOfName(n.Autor);
    assert.ok(i % 2 === 0, `${n.Autor} shared`);
    assert.equal(n.Nota, datingNote(Number(n.Ronda), i));
  }

  // The action plans: each group's objective and three steps, every field written.
  const plans = csv['action-plans.csv'];
  const planRows = plans.slice(1);
  assert.equal(planRows.length, 4 * 3, `four plans of three rows: ${plans[0]}`);
  for (const row of planRows) {
    const group = Number(row[1].match(/\d+/)[0]);
    const r = Number(row[3]) - 1;
    assert.equal(row[0], 'Plan de acción');
    assert.equal(row[2], planObjective(group));
    assert.deepEqual(
      row.slice(4),
      planFields.map((f) => f(group, r)),
      `group ${group}'s row ${r + 1}`,
    );
  }

  // The boards: everyone's three notes on each, everyone's three dots, the named clusters.
  const notesOnBoards = rows('boards.csv');
  assert.deepEqual([...new Set(notesOnBoards.map((n) => n.Tablero))], boards);
  for (const board of boards) {
    const on = notesOnBoards.filter((n) => n.Tablero === board);
    assert.equal(on.length, count * 3, `${board}: the notes`);
    assert.equal(
      on.reduce((sum, n) => sum + Number(n.Puntos), 0),
      count * 3,
      `${board}: the dots`,
    );
  }
  const clusters = new Set(notesOnBoards.map((n) => n['Grupo de notas']));
  assert.ok(clusters.has(clusterTitle(0, 0)) && clusters.has(clusterTitle(1, 1)), `the named clusters, quotes and all: ${[...clusters]}`);

  const html = strFromU8(files['report.html']);
  assert.match(html, /<html lang="es"/);
  assert.ok(!/(src|href)="https?:/.test(html), 'report.html fetches nothing');
  assert.equal(JSON.parse(strFromU8(files['workshop.json'])).workshop.code, server.code);
});
