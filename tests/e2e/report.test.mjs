// The workshop's report in Spanish. Twelve people join the demo (three of them remote) through
// the pages' own protocol (crowd.mjs); they answer the open question "Reflexión" (accents and
// quotes) and the evaluation survey. The facilitator opens /report/CODE#key=... from the console:
// the report names the workshop, counts who attended (in the room and remote), lists the agenda,
// the open answers and, in the annex, the survey's four charts with their counts. axe finds
// nothing; Chromium prints it to PDF (A4) and pdftotext finds each heading in it. Screenshots
// and the PDF go to test-output/report/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { crowdScript, within } from './crowd.mjs';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, webDir } from './harness.mjs';

// The zip's reader and a CSV parser that is not ours (RFC 4180), from the pages' node_modules.
const require = createRequire(join(webDir, 'package.json'));
const { unzipSync, strFromU8 } = require('fflate');
const { parse: parseCsv } = require('csv-parse/sync');

const shots = ensureOutputDir('report');
const DOC_AGENDA = 6; // DocKind numbers (docs.proto)
const DOC_POLL = 25;
const people = Array.from({ length: 12 }, (_, i) => ({
  name: `Persona ${i + 1}`,
  presence: i < 9 ? 1 : 2, // 1: in the room, 2: remote
}));
const reflection = (i) => `Aprendí que "fallar rápido" también es válido en la administración pública (${i + 1})`;

let server;
let browser;
let crowd; // a page of the server's origin running crowd.mjs: the facilitator's commands, the crowd
let desk; // the facilitator's browser, which opens the report
let agenda; // the demo's agenda items

const command = async (body) => {
  const reply = await crowd.evaluate((b) => window.campanaCrowd.command(b), body);
  assert.ok(reply.ok, `${body.case}: ${reply.message}`);
  return reply;
};
const docs = (kind) => crowd.evaluate((k) => window.campanaCrowd.docs(k), kind);
const indexOf = (title) => {
  const i = agenda.findIndex((item) => item.title === title);
  assert.ok(i >= 0, `the demo has "${title}"`);
  return i;
};

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  crowd = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await crowd.goto(server.base);
  await crowd.addScriptTag({ content: await crowdScript() });
  await crowd.evaluate(([code, key]) => window.campanaCrowd.openDesk(code, key), [server.code, server.key]);
  await crowd.waitForFunction((k) => window.campanaCrowd.docs(k).length > 0, DOC_AGENDA);
  [{ agenda: { items: agenda } }] = await docs(DOC_AGENDA);

  // The open question, then the survey, answered by everyone.
  const question = indexOf('Reflexión');
  await command({ case: 'gotoAgendaItem', value: { index: question } });
  const crowdPeople = people.map((p, i) => ({
    ...p,
    commands: [{ case: 'submitAnswer', value: { agendaIndex: question, text: reflection(i) } }],
  }));
  const refused = await within(
    60_000,
    'the room joined',
    crowd.evaluate(([code, p]) => window.campanaCrowd.join(code, p, { keepOpen: p.length }), [server.code, crowdPeople]),
  );
  assert.deepEqual(refused, []);
  const survey = indexOf('Encuesta de evaluación');
  await command({ case: 'gotoAgendaItem', value: { index: survey } });
  await crowd.waitForFunction(
    ([k, i]) => window.campanaCrowd.docs(k).some((d) => d.poll.agendaIndex === i),
    [DOC_POLL, survey],
  );
  const pollId = (await docs(DOC_POLL)).find((d) => d.poll.agendaIndex === survey).poll.id;
  // Scale 1-5, the Likert matrix (4 statements, 5 levels), scale 1-5, 0-10 with why.
  const answers = [
    `(i) => ({ number: 1 + (i % 5) })`,
    `(i) => ({ choices: [i % 5, (i + 1) % 5, 4, 3] })`,
    `(i) => ({ number: 5 - (i % 3) })`,
    `(i) => ({ number: 10 - (i % 4), why: 'Porque fue "práctico"' })`,
  ];
  for (const [question, value] of answers.entries()) {
    const failed = await crowd.evaluate(
      ([id, q, source]) => {
        const valueOf = new Function(`return ${source}`)();
        return window.campanaCrowd.fromKept((i) => ({ case: 'answerPoll', value: { pollId: id, question: q, value: valueOf(i) } }), q);
      },
      [pollId, question, value],
    );
    assert.deepEqual(failed, [], `survey question ${question + 1}`);
  }

  desk = await (
    await newDevice(browser, server, { viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true })
  ).newPage();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('the console links to the report, which says who came, the agenda, the answers and the survey', async () => {
  await desk.goto(server.console());
  const link = desk.getByRole('link', { name: 'Informe del taller' });
  const href = await link.getAttribute('href');
  assert.equal(href, `${server.base}/report/${server.code}#key=${encodeURIComponent(server.key)}`);

  const started = Date.now();
  await desk.goto(href);
  await desk.locator('[data-report-ready]').waitFor();
  console.log(`report shown ${Date.now() - started} ms after the navigation`);
  assert.equal(await desk.evaluate(() => document.documentElement.lang), 'es');
  await desk.getByRole('heading', { level: 1, name: 'Taller de demostración: mentalidades para la innovación' }).waitFor();

  const main = desk.locator('main.report');
  const text = await main.innerText();
  assert.match(text, /12 participantes se unieron: 9 en la sala, 3 a distancia/);
  // The agenda as planned and as it ran: the two items the test went to have a start and a
  // duration, the others were not reached.
  const agendaRows = desk.locator('table.report-agenda tbody tr');
  assert.deepEqual(
    await agendaRows.locator('th').allInnerTexts(),
    agenda.map((item) => item.title),
  );
  for (const [i, row] of (await agendaRows.all()).entries()) {
    const reached = i === indexOf('Reflexión') || i === indexOf('Encuesta de evaluación');
    const cells = await row.locator('td').allInnerTexts();
    if (reached) assert.match(cells[2], /\d{1,2}:\d{2}/, `item ${i} started at a time: ${cells}`);
    else assert.equal(cells[2], 'no se llegó', `item ${i} was not reached: ${cells}`);
  }

  const reflectionPart = desk.locator('[data-report-question]');
  assert.match(await reflectionPart.innerText(), /12 respuestas/);
  for (const [i] of people.entries()) assert.match(await reflectionPart.innerText(), new RegExp(reflection(i).replace(/[()]/g, '\\$&')));
  for (const p of people) assert.ok(!text.includes(p.name), `the open answers name nobody (${p.name})`);

  const annex = desk.locator('section.report-annex');
  await annex.getByRole('heading', { name: 'Anexo: encuesta de evaluación' }).waitFor();
  const charts = annex.locator('svg[role="img"]');
  assert.equal(await charts.count(), 4, 'one chart per survey question');
  for (const [i, chart] of (await charts.all()).entries())
    assert.match(await chart.textContent(), /12 respuestas/, `survey question ${i + 1}: every answer counted`);

  assert.deepEqual(await axeViolations(desk), [], 'the report: axe');
  await desk.screenshot({ path: join(shots, 'report-top.png') });
  await desk.screenshot({ path: join(shots, 'report-full.png'), fullPage: true });
});

test('Chromium prints the report to PDF and pdftotext reads every heading', async () => {
  await desk.emulateMedia({ media: 'print' });
  await desk.screenshot({ path: join(shots, 'report-print.png'), fullPage: true });
  const pdf = await desk.pdf({ format: 'A4', printBackground: true });
  const file = join(shots, 'report.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim()).length;
  console.log(`report.pdf: ${pdf.length} bytes, ${pages} pages`);
  for (const heading of [
    'Taller de demostración',
    'Asistencia',
    'Agenda',
    'Lo que produjo cada actividad',
    'Reflexión',
    'Anexo: encuesta de evaluación',
    'Encuesta de evaluación',
  ])
    assert.ok(text.includes(heading), `the PDF has "${heading}"`);
  assert.ok(!text.includes('Imprimir o guardar como PDF'), 'the print button is not printed');
  // The annex starts a page of its own.
  const annexPage = text.split('\f').findIndex((p) => p.includes('Anexo: encuesta de evaluación'));
  assert.ok(annexPage > 0, `the annex is after the first page (page ${annexPage + 1})`);
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
  for (const name of ['answers.csv', 'polls.csv', 'workshop.json', 'report.html'])
    assert.ok(names.includes(name), `the zip has ${name}: ${names}`);
  assert.ok(names.some((n) => /^charts\/poll-\d+-q\d+\.svg$/.test(n)), 'the survey charts as SVG');

  const csv = {};
  for (const name of names.filter((n) => n.endsWith('.csv'))) {
    assert.deepEqual([...files[name].subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} starts with the UTF-8 byte order mark`);
    const text = strFromU8(files[name]);
    assert.ok(text.includes('\r\n'), `${name} ends its lines with CRLF`);
    csv[name] = parseCsv(text, { bom: true, relax_column_count: false });
  }
  // The open answers: every one, with its accents and quotes, its author by name.
  const answers = csv['answers.csv'];
  const texts = answers.slice(1).map((row) => row.find((cell) => cell.startsWith('Aprendí que')));
  assert.deepEqual(texts.sort(), people.map((_, i) => reflection(i)).sort());
  const authors = new Set(answers.slice(1).flat());
  for (const p of people) assert.ok(authors.has(p.name), `answers.csv names ${p.name}`);
  // The survey, anonymous: 12 people x 4 questions, "why" with its quotes, no names.
  const polls = csv['polls.csv'];
  assert.equal(polls.length - 1, 12 * 4, 'one row per answer');
  assert.ok(polls.flat().includes('Porque fue "práctico"'), 'a quoted "why" round-trips');
  for (const p of people) assert.ok(!polls.flat().includes(p.name), `the anonymous survey does not name ${p.name}`);
  assert.ok(polls.flat().includes('anónimo'));

  const html = strFromU8(files['report.html']);
  assert.match(html, /<html lang="es"/);
  assert.ok(!/(src|href)="https?:/.test(html), 'report.html fetches nothing');
  assert.equal(JSON.parse(strFromU8(files['workshop.json'])).workshop.code, server.code);
});
