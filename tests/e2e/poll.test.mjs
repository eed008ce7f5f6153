// Polls in Spanish. The console asks the failure scale live; five phones answer it (one changes
// its mind); until the console reveals the results, no phone and not the projector receives the
// tally, and the projector shows only how many answered; the reveal puts the chart on the
// projector, without scrolling. Then the annex survey of the demo: three phones go through its
// four questions at their own pace, one of them reloads in the middle and resumes where it was,
// each ends on the thank-you, and the console shows the response rate. The console then exports
// the answers as CSV (parsed here: BOM, CRLF, quotes, accents, no names for the anonymous
// survey) and the charts as SVG files. At each step the phone's action is in its first
// screenful (360x640), axe-core finds nothing, and screenshots go to test-output/poll/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server } from './harness.mjs';

const shots = ensureOutputDir('poll');
const scalePrompt = '¿Qué tan cómodos cree que se sienten sus empleados con el fracaso?';
const surveyTitle = 'Encuesta de evaluación';
// Who answers the scale what (Elena changes from 2 to 5), and who fills in the survey.
const scale = { Ana: 1, Beto: 2, Carla: 4, Diego: 4, Elena: 5 };
const surveyors = ['Ana', 'Beto', 'Carla'];
const statements = [
  'Como resultado de este taller, he aumentado mi comprensión de los principales temas tratados',
  'Esta capacitación ha abordado una brecha en mi conocimiento y ha aumentado mis habilidades en los principales temas discutidos',
  'He adquirido conocimientos sobre cómo promover el cambio de mentalidad, la innovación y el uso de tecnologías TIC para mejorar los servicios',
  'En general, mis expectativas se cumplieron gracias a mi participación en el taller',
];
const why = 'Me dio "ideas" prácticas, y ganas de probarlas';

let server;
let browser;
let desk; // the console
let screen; // the projector
const phones = new Map(); // name -> page
const traffic = new Map(); // page -> received WebSocket payloads

function record(page) {
  const frames = [];
  traffic.set(page, frames);
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(Buffer.from(f.payload))));
}

const poll = (page) => page.locator('section.poll-phone');
const pollPanel = () => desk.getByRole('region', { name: 'Encuestas' });

// The phone's first screenful: the prompt and its send button are in view, axe finds nothing.
async function measure(name, step) {
  const page = phones.get(name);
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = await page.evaluate(() => {
    const box = (el) => el?.getBoundingClientRect().toJSON();
    const buttons = [...document.querySelectorAll('section.poll-phone button')].filter((b) =>
      /^(Enviar|Siguiente)$/.test(b.textContent.trim()),
    );
    return { height: window.innerHeight, send: buttons.map(box) };
  });
  await page.screenshot({ path: join(shots, `${step}-phone-${name}.png`) });
  for (const b of seen.send) {
    assert.ok(b.top >= 0 && b.bottom <= seen.height + 0.5, `${step}, ${name}: the send button is in view: ${JSON.stringify(b)}`);
    assert.ok(b.height >= 44, `${step}, ${name}: the send button is ${b.height} px tall`);
  }
  assert.deepEqual(await axeViolations(page), [], `${step}, ${name}'s phone: axe`);
}

// The projector never scrolls.
async function assertProjectorFits(step) {
  const overflow = await screen.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  assert.ok(overflow.x <= 0 && overflow.y <= 0, `${step}: the projector scrolls by ${JSON.stringify(overflow)}`);
  await screen.screenshot({ path: join(shots, `${step}-projector.png`) });
  assert.deepEqual(await axeViolations(screen), [], `${step}: projector axe`);
}

// A radio of the phone's question, by its exact name ("1" is not "10").
async function choose(page, name, within) {
  await (within ?? poll(page)).getByRole('radio', { name, exact: true }).check();
}

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  for (const [name, value] of Object.entries(scale)) {
    const page = await (
      await newDevice(browser, server, { viewport: { width: 360, height: 640 }, bypassCSP: true })
    ).newPage();
    record(page);
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    if (value === 4 && name === 'Diego') await page.getByLabel('En línea').check();
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.set(name, page);
  }
  desk = await (
    await newDevice(browser, server, { viewport: { width: 1366, height: 900 }, bypassCSP: true, acceptDownloads: true })
  ).newPage();
  record(desk);
  await desk.goto(server.console());
  screen = await (await newDevice(browser, server, { viewport: { width: 1280, height: 720 }, bypassCSP: true })).newPage();
  record(screen);
  await screen.goto(server.screen());
  await screen.getByText(server.code, { exact: true }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('the console asks the failure scale live; five phones answer; the reveal puts the chart on the projector', async () => {
  const panel = pollPanel();
  await panel.getByLabel('Tipo de pregunta').selectOption({ label: 'Escala' });
  await panel.getByLabel('Texto de la pregunta').fill(scalePrompt);
  await panel.getByLabel('Desde').fill('1');
  await panel.getByLabel('Hasta').fill('5');
  await panel.getByLabel('Palabras del extremo bajo').fill('Nada cómodos');
  await panel.getByLabel('Palabras del extremo alto').fill('Muy cómodos');
  // Named, this one: the CSV will say who answered what.
  await panel.getByLabel('Anónima (nadie ve quién respondió qué)').uncheck();
  await panel.getByRole('button', { name: 'Lanzar la pregunta' }).click();

  for (const page of phones.values()) await poll(page).getByText(scalePrompt).waitFor();
  await measure('Ana', 'scale');
  for (const [name, value] of Object.entries(scale)) {
    const page = phones.get(name);
    await choose(page, String(name === 'Elena' ? 2 : value));
    await poll(page).getByRole('button', { name: 'Enviar' }).click();
    await poll(page).getByText('✓ Respuesta enviada').waitFor();
  }
  // Elena changes her mind: still one answer.
  const elena = phones.get('Elena');
  await poll(elena).getByRole('button', { name: 'Cambiar' }).click();
  await choose(elena, '5');
  await poll(elena).getByRole('button', { name: 'Enviar' }).click();
  await poll(elena).getByText('✓ Respuesta enviada').waitFor();
  await measure('Elena', 'scale-answered');

  // Results hidden: the console counts the answers, the phones wait, the tally reached no phone
  // and not the projector.
  await panel.locator('[data-poll-answered]').getByText('5 respuestas').first().waitFor();
  await screen.locator('[data-poll-answered]').getByText('5 respuestas').waitFor();
  await poll(phones.get('Ana')).getByText('Verás los resultados cuando la facilitación los muestre.').waitFor();
  const tally = Buffer.from('pollTally');
  for (const [name, page] of [...phones, ['projector', screen]]) {
    assert.ok(!traffic.get(page).some((f) => f.includes(tally)), `the tally reached ${name} before the reveal`);
  }
  await assertProjectorFits('scale-hidden');

  await panel.getByRole('button', { name: 'Revelar resultados' }).first().click();
  const chart = screen.getByRole('img', { name: `Resultados: ${scalePrompt}` });
  await chart.waitFor();
  await poll(phones.get('Ana')).getByText('Resultados · 5 respuestas').waitFor();
  await poll(phones.get('Ana')).getByText('Promedio: 3,2').waitFor();
  await assertProjectorFits('scale-revealed');
  await measure('Ana', 'scale-revealed');
  const svg = await chart.evaluate((el) => el.outerHTML);
  // Two of five said 4: 40 %.
  assert.match(svg, /40\s?%/, 'the chart carries the percentages');
  await desk.screenshot({ path: join(shots, 'scale-console.png') });
  assert.deepEqual(await axeViolations(desk), [], 'console: axe');

  await panel.getByRole('button', { name: 'Cerrar la encuesta' }).first().click();
  await poll(phones.get('Ana')).getByText('Votación cerrada').waitFor();
});

test('the annex survey: three phones at their own pace, one reloads in the middle; the response rate', async () => {
  await desk.getByRole('button', { name: `Ir a: ${surveyTitle}` }).click();
  for (const name of surveyors) await poll(phones.get(name)).getByText('Pregunta 1 de 4').waitFor();
  await measure('Ana', 'survey-1');
  for (const name of surveyors) {
    let page = phones.get(name);
    await choose(page, '4');
    await poll(page).getByRole('button', { name: 'Siguiente' }).click();
    await poll(page).getByText('Pregunta 2 de 4').waitFor();
    for (const [i, statement] of statements.entries()) {
      const row = poll(page).getByRole('radiogroup', { name: statement });
      await choose(page, i === 1 ? 'De acuerdo' : 'Totalmente de acuerdo', row);
    }
    if (name === 'Ana') await measure('Ana', 'survey-likert');
    await poll(page).getByRole('button', { name: 'Siguiente' }).click();
    await poll(page).getByText('Pregunta 3 de 4').waitFor();
    if (name === 'Beto') {
      // A reload in the middle: the phone comes back to the question it had reached.
      await page.reload();
      await poll(page).getByText('Pregunta 3 de 4').waitFor();
    }
    await choose(page, '5');
    await poll(page).getByRole('button', { name: 'Siguiente' }).click();
    await poll(page).getByText('Pregunta 4 de 4').waitFor();
    await choose(page, name === 'Carla' ? '6' : '10');
    await poll(page).getByLabel('¿Por qué?').fill(why);
    await poll(page).getByRole('button', { name: 'Enviar' }).click();
    await poll(page).getByRole('heading', { name: '¡Gracias!' }).waitFor();
    await poll(page).getByText('Respondiste las 4 preguntas.').waitFor();
    if (name === 'Beto') await measure('Beto', 'survey-thanks');
  }
  await pollPanel().getByRole('status').getByText(/completaron 3 de 5 participantes/).waitFor();
  await screen.getByText('3 de 5 completaron la encuesta (60%)').waitFor();
  await desk.screenshot({ path: join(shots, 'survey-console.png') });
  await assertProjectorFits('survey');
});

test('the console exports the answers as CSV and the charts as SVG', async () => {
  const panel = pollPanel();
  const [csv] = await Promise.all([desk.waitForEvent('download'), panel.getByRole('button', { name: 'Exportar encuestas (CSV)' }).click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a BOM, for spreadsheet programs');
  assert.ok(text.endsWith('\r\n'), 'CRLF');
  const rows = parseCsv(text.slice(1));
  const header = rows[0];
  const body = rows.slice(1);
  // Five scale answers (Elena's once) and three surveys of four questions.
  assert.equal(body.length, 5 + 3 * 4, `rows: ${JSON.stringify(rows)}`);
  const column = (name) => {
    const i = header.findIndex((h) => h === name);
    assert.ok(i >= 0, `a column "${name}" in ${header}`);
    return i;
  };
  const [who, question, why_] = [column('Participante'), column('Pregunta'), column('Por qué')];
  const scaleRows = body.filter((r) => r[question] === scalePrompt);
  assert.deepEqual(scaleRows.map((r) => r[who]).sort(), Object.keys(scale).sort(), 'the live scale is named');
  const surveyRows = body.filter((r) => r[question] !== scalePrompt);
  for (const r of surveyRows) assert.equal(r[who], 'anónimo', 'the survey is anonymous');
  for (const name of Object.keys(scale)) assert.ok(!surveyRows.some((r) => r.join().includes(name)), `${name} in the survey`);
  assert.equal(surveyRows.filter((r) => r[why_] === why).length, 3, 'the why, with its quotes and comma, round-trips');

  const [svg] = await Promise.all([desk.waitForEvent('download'), panel.getByRole('button', { name: 'Descargar gráfico (SVG): pregunta 1' }).click()]);
  assert.match(svg.suggestedFilename(), /\.svg$/);
  const drawing = readFileSync(await svg.path(), 'utf8');
  assert.match(drawing, /^<\?xml|^<svg/);
  assert.match(drawing, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  await desk.screenshot({ path: join(shots, 'export-console.png') });
});

// RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, line
// breaks and doubled quotes.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
