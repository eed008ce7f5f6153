// Speed dating with five phones, one of them remote, over three rounds: no pair meets twice,
// there is a trio every round, the remote participant gets a call link, the bells ring on
// every page, and one phone's notes reach that participant's download and no other page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { ensureOutputDir, launchBrowser, newDevice, Server } from './harness.mjs';

let server;
let browser;
let desk;
let screen;
const phones = new Map();  // name -> page
const traffic = new Map();  // page -> received WebSocket payloads
const note = 'Nota secreta de Ana: su piloto de ventanilla única funcionó a la tercera';

function record(page) {
  const frames = [];
  traffic.set(page, frames);
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(Buffer.from(f.payload))));
}

async function bells(page) {
  return page.evaluate(() => (window.campanaBells ?? []).filter((b) => b.key.startsWith('bell:')).length);
}

async function ringEverywhere(button) {
  const pages = [...phones.values(), screen];
  const before = await Promise.all(pages.map(bells));
  await desk.getByRole('button', { name: button }).click();
  for (const [i, page] of pages.entries()) {
    await page.waitForFunction((n) => (window.campanaBells ?? []).filter((b) => b.key.startsWith('bell:')).length > n, before[i], { timeout: 10000 });
  }
}

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  for (const [name, remote] of [['Ana', false], ['Beto', false], ['Carla', false], ['Diego', false], ['Rita', true]]) {
    const page = await (await newDevice(browser, server, { acceptDownloads: true })).newPage();
    record(page);
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    if (remote) await page.getByLabel('En línea').check();
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.set(name, page);
  }
  desk = await (await newDevice(browser, server, { viewport: { width: 1400, height: 1100 } })).newPage();
  record(desk);
  await desk.goto(server.console());
  screen = await (await newDevice(browser, server, { viewport: { width: 1280, height: 800 } })).newPage();
  record(screen);
  await screen.goto(server.screen());
  await desk.getByRole('button', { name: 'Ir a: Citas rápidas' }).click();
  for (const page of phones.values()) await page.getByText('Espera: la primera cita empieza pronto.').waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('three rounds: new partners, a trio each time, a call link, bells everywhere, private notes', async () => {
  const met = new Set();
  const key = (a, b) => [a, b].sort().join('+');
  for (let round = 1; round <= 3; round++) {
    await desk.getByRole('button', { name: 'Nueva cita: formar parejas' }).click();
    await screen.getByRole('heading', { name: `Cita ${round}` }).waitFor();
    await screen.locator('.pairs li').nth(1).waitFor();
    const units = (await screen.locator('.pairs li .name').allInnerTexts()).map((t) => t.split(' – '));
    assert.equal(units.flat().length, 5, 'everyone has a date');
    assert.equal(units.filter((u) => u.length === 3).length, 1, 'one trio');
    for (const unit of units.filter((u) => u.length === 2)) {
      assert.ok(!met.has(key(...unit)), `round ${round}: ${unit.join(' and ')} met before`);
    }
    for (const unit of units) for (const a of unit) for (const b of unit) if (a < b) met.add(key(a, b));

    // Rita, the one remote participant, meets on a call; the link names the workshop.
    const call = phones.get('Rita').getByRole('link', { name: 'Unirse a la videollamada' });
    await call.waitFor();
    assert.match(await call.getAttribute('href'), new RegExp(`campana-${server.code}-${round}-\\d$`));

    // Ana takes the first turn in her pair; the others are drawn at the bell.
    const ana = phones.get('Ana');
    await ana.getByRole('button', { name: 'Yo comparto primero' }).click();
    await ana.getByText('Comparte primero: Ana').waitFor();
    await ringEverywhere('Campana: empezar a compartir');
    await ana.getByRole('heading', { name: 'Te toca compartir' }).waitFor();
    if (round === 1) {
      await screen.screenshot({ path: join(ensureOutputDir('e2e'), 'dating-projector.png') });
      await ana.screenshot({ path: join(ensureOutputDir('e2e'), 'dating-phone.png'), fullPage: true });
      await ana.getByLabel(/^Cita 1 con/).fill(note);
      await ana.getByText('Guardado').waitFor();
    }
    await ringEverywhere('Campana: cambio');
    await ana.getByRole('heading', { name: 'Te toca escuchar: responde con estas frases' }).waitFor();
    await ana.getByText('Estoy impresionado por tu...').waitFor();
    await ringEverywhere('Campana: fin de la cita');
    await ana.getByText('La cita terminó. Espera la siguiente.').waitFor();
  }

  // Ana's download carries her note; no other page ever received it.
  const ana = phones.get('Ana');
  const [download] = await Promise.all([ana.waitForEvent('download'), ana.getByRole('button', { name: 'Descargar mis notas' }).click()]);
  const file = await readFile(await download.path(), 'utf8');
  assert.ok(file.includes(note), file);
  assert.match(file, /^# Mis notas: Taller de demostración/);
  assert.match(download.suggestedFilename(), /notas\.md$/);
  const secret = Buffer.from(note);
  for (const [page, frames] of traffic) {
    const leaked = frames.some((f) => f.includes(secret));
    assert.equal(leaked, page === ana, `${page === ana ? 'Ana' : page.url()} ${leaked ? 'received' : 'did not receive'} the note`);
  }

  // The facilitators' export leaves notes out unless the workshop collects them.
  const exported = () => desk.evaluate(async ([code, key]) => (await fetch(`/api/workshops/${code}/export`, { headers: { Authorization: `Bearer ${key}` } })).text(), [server.code, server.key]);
  assert.ok(!(await exported()).includes(note));
  await desk.getByLabel('Incluir las notas en la exportación').check();
  await desk.getByRole('button', { name: 'Guardar opciones' }).click();
  await desk.getByLabel('Incluir las notas en la exportación').waitFor();
  await desk.waitForFunction(async ([code, key, text]) => (await (await fetch(`/api/workshops/${code}/export`, { headers: { Authorization: `Bearer ${key}` } })).text()).includes(text), [server.code, server.key, note]);
  const json = JSON.parse(await exported());
  assert.equal(json.dating_units.length, 6, 'three rounds of two units each');
  console.log(`[ dating ] 3 rounds of 5 (one remote): ${met.size} different meetings, no pair twice; the note reached 1 page of ${traffic.size}`);
});
