// Issue 16's scenario, in Spanish: an organizer creates the Guatemala workshop from its template
// on the organizer page; its console invites a second facilitator, Marta; both consoles run day
// 1's first items while three phones take part; the server restarts overnight; on day 2 the
// phones come back as the same people without typing anything; Ana's phone lost its storage and
// she types the personal code her phone showed on day 1; Carla lost her phone and her code, and
// the console gives her identity back with a new code. The console counts who came each day.
// axe-core on the new screens. Screenshots: test-output/two-days/<step>.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, sourceDir } from './harness.mjs';

const organizerKey = 'organizer-two-days-0123456789abcdef';
const templates = join(sourceDir, 'deploy', 'templates');
const guatemala = JSON.parse(readFileSync(join(templates, 'guatemala.es.json'), 'utf8'));
const firstOfDay2 = guatemala.items.findIndex((item) => item.day === 2);
const shots = ensureOutputDir('two-days');
// bypassCSP: axe-core is injected as a script (the pages' own CSP is checked elsewhere).
const laptop = { viewport: { width: 1280, height: 800 }, bypassCSP: true };
const phoneSize = { bypassCSP: true };

let server;
let browser;

before(async () => {
  server = await new Server({ args: ['--organizer-key', organizerKey, '--templates', templates] }).start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

const now = (page, title) => page.getByRole('heading', { level: 1, name: title }).waitFor();
const connected = (page) => page.locator('.bar').getByRole('status').getByText('Conectado', { exact: true }).waitFor();

// What a phone keeps of who it is in the workshop (net/storage.ts), or null.
const identityOf = (phone, code) =>
  phone.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `campana:${code}:identity`);

async function joinByName(context, code, name) {
  const phone = await context.newPage();
  await phone.goto(`${server.base}/j/${code}`);
  await phone.getByLabel('Tu nombre').fill(name);
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
  return phone;
}

// A phone with nothing stored that comes in with a personal code, typed as a person would.
async function joinByCode(code, personalCode, name) {
  const phone = await (await newDevice(browser, server, phoneSize)).newPage();
  await phone.goto(`${server.base}/j/${code}`);
  await phone.getByRole('button', { name: '¿Ya participas desde otro teléfono?' }).click();
  await phone.getByLabel('Tu código personal').fill(personalCode);
  await phone.getByRole('button', { name: 'Entrar con mi código' }).click();
  await phone.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
  return phone;
}

test('two days of the Guatemala workshop, two consoles, a restart, and phones that come back', async () => {
  // The organizer creates the workshop from the Guatemala template and opens its console.
  const organizer = await (await newDevice(browser, server, laptop)).newPage();
  await organizer.goto(`${server.base}/#key=${organizerKey}`);
  const choice = organizer.getByRole('combobox', { name: /^Plantilla/ });
  const option = choice.locator('option').filter({ hasText: /\(guatemala\)$/ }).filter({ hasText: 'Español' });
  await choice.selectOption(await option.getAttribute('value'));
  await organizer.getByRole('button', { name: 'Crear', exact: true }).click();
  const created = organizer.getByRole('region', { name: 'Crear un taller' }).getByRole('status');
  await created.getByText('Taller creado').waitFor();
  const code = (await created.innerText()).match(/\(([A-Z0-9]{6})\)/)?.[1];
  assert.ok(code, 'the new workshop has a code');
  const card = organizer.getByRole('article').filter({ has: organizer.locator('dd.org-code', { hasText: new RegExp(`^${code}$`) }) });
  await card.getByRole('button', { name: /^Enlaces de / }).click();
  const consoleLink = new URL(await card.getByRole('link', { name: 'Consola de facilitación' }).getAttribute('href'), server.base).href;

  const desk = await (await newDevice(browser, server, laptop)).newPage();
  await desk.goto(consoleLink);
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();
  // The agenda is in days.
  await desk.getByRole('heading', { name: 'Día 1' }).waitFor();
  await desk.getByRole('heading', { name: 'Día 2' }).waitFor();

  // Marta, invited from the console, opens her own.
  await desk.getByRole('tab', { name: 'Acceso' }).click();
  const facilitators = desk.getByRole('region', { name: 'Facilitadores' });
  await facilitators.getByLabel('Nombre de quien facilitará contigo').fill('Marta');
  await facilitators.getByRole('button', { name: 'Invitar' }).click();
  const martaLink = await facilitators.getByRole('textbox', { name: 'Enlace de Marta', exact: true }).inputValue();
  const marta = await (await newDevice(browser, server, laptop)).newPage();
  await marta.goto(martaLink);
  await marta.getByRole('heading', { name: 'Agenda' }).waitFor();
  // Each console sees the other.
  await facilitators.getByText(/Consolas abiertas: principal \(1\), Marta \(1\)/).waitFor();
  await marta.locator('.consoles-online').first().getByText('principal').waitFor();

  // Day 1: three phones; each console moves the agenda once and the other follows.
  const names = ['Ana', 'Beto', 'Carla'];
  const contexts = new Map();
  const phones = new Map();
  for (const name of names) {
    contexts.set(name, await newDevice(browser, server, phoneSize));
    phones.set(name, await joinByName(contexts.get(name), code, name));
  }
  const ids = new Map();
  for (const name of names) ids.set(name, (await identityOf(phones.get(name), code)).participantId);
  assert.equal(new Set(ids.values()).size, 3, 'three people');
  // Ana's phone shows her personal code, folded at the foot of the page.
  const ana = phones.get('Ana');
  await ana.getByText('Mi código personal').click();
  const anaCode = (await ana.locator('.my-code .personal-code').innerText()).trim();
  assert.match(anaCode, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, `a personal code: ${anaCode}`);
  await ana.screenshot({ path: join(shots, 'phone-code.png') });
  assert.deepEqual(await axeViolations(ana), [], 'the phone with its code open');

  await desk.getByRole('button', { name: 'Siguiente →' }).click();
  await now(marta, guatemala.items[0].title);
  await marta.getByRole('button', { name: 'Siguiente →' }).click();
  await now(desk, guatemala.items[1].title);
  for (const phone of phones.values()) await phone.getByRole('heading', { name: guatemala.items[1].title }).waitFor();
  await desk.getByRole('tab', { name: /^Participantes/ }).click();
  const attendance = desk.locator('.attendance');
  await attendance.getByText('Asistencia: Día 1: 3 · Día 2: 0', { exact: true }).waitFor();
  await desk.screenshot({ path: join(shots, 'day1-desk.png') });

  // Overnight: the server restarts, and two phones are gone with their storage.
  await server.restart();
  for (const name of ['Ana', 'Carla']) await contexts.get(name).close();
  await connected(desk);
  await connected(marta);

  // Day 2, from Marta's console.
  await marta.getByRole('button', { name: `Ir a: ${guatemala.items[firstOfDay2].title}` }).click();
  await now(desk, guatemala.items[firstOfDay2].title);
  // Beto's phone comes back by itself as Beto, with nothing typed.
  const beto = phones.get('Beto');
  await beto.getByRole('heading', { name: guatemala.items[firstOfDay2].title }).waitFor();
  await beto.locator('.me-toggle').getByText('Beto', { exact: true }).waitFor();
  assert.equal(await beto.getByLabel('Tu nombre').count(), 0, 'no join form');
  assert.equal((await identityOf(beto, code)).participantId, ids.get('Beto'));

  // Ana, on a new phone, types the code her first phone showed (in lower case, as people do).
  const anaAgain = await joinByCode(code, anaCode.toLowerCase(), 'Ana');
  assert.equal((await identityOf(anaAgain, code)).participantId, ids.get('Ana'), 'Ana is Ana again');
  await anaAgain.getByRole('heading', { name: guatemala.items[firstOfDay2].title }).waitFor();

  // A wrong code is refused in Spanish.
  const stranger = await (await newDevice(browser, server, phoneSize)).newPage();
  await stranger.goto(`${server.base}/j/${code}`);
  await stranger.getByRole('button', { name: '¿Ya participas desde otro teléfono?' }).click();
  await stranger.getByLabel('Tu código personal').fill('ZZZZ-ZZZZ');
  await stranger.getByRole('button', { name: 'Entrar con mi código' }).click();
  await stranger.getByText('Ese código no es de nadie en este taller.').waitFor();
  assert.deepEqual(await axeViolations(stranger), [], 'the code form with its error');
  await stranger.screenshot({ path: join(shots, 'wrong-code.png') });

  // Carla lost her phone and her code: the console gives her identity back.
  await desk.getByRole('button', { name: 'Devolver su identidad a Carla' }).click();
  const fresh = desk.getByRole('group', { name: 'Nuevo código personal de Carla' });
  const carlaCode = (await fresh.locator('.personal-code').innerText()).trim();
  assert.match(carlaCode, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await desk.screenshot({ path: join(shots, 'give-back.png') });
  assert.deepEqual(await axeViolations(desk), [], 'the console with a new code shown');
  const carlaAgain = await joinByCode(code, carlaCode, 'Carla');
  assert.equal((await identityOf(carlaAgain, code)).participantId, ids.get('Carla'), 'Carla is Carla again');

  // Everyone came both days; still three people.
  await attendance.getByText('Asistencia: Día 1: 3 · Día 2: 3', { exact: true }).waitFor();
  for (const name of names) {
    const row = desk.locator('table.people tr').filter({ hasText: name });
    assert.equal(await row.count(), 1, `${name} is listed once`);
    assert.equal((await row.locator('.days').innerText()).trim(), 'Días: 1 · 2', `${name} came both days`);
  }
  assert.match(await desk.getByRole('tab', { name: /^Participantes/ }).innerText(), /\(3\)/);
  await desk.screenshot({ path: join(shots, 'day2-desk.png') });
});
