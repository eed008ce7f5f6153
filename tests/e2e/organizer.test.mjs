// The organizer's page at `/` with the organizer's key: workshops created from the server's
// templates or from a file, opened, duplicated, closed and deleted, in Spanish; the key kept and
// taken out of the address bar; a wrong key falls back to the join page; a phone at `/` gets the
// join page and none of the organizer's code; and the API answers as organizer.proto says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, foreignRequests, launchBrowser, newDevice, Server, sourceDir } from './harness.mjs';

const organizerKey = 'organizer-e2e-0123456789abcdef';
const templates = join(sourceDir, 'deploy', 'templates');
const guatemala = JSON.parse(readFileSync(join(templates, 'guatemala.es.json'), 'utf8'));
const demoEn = readFileSync(join(templates, 'demo.en.json'));
const demoEnTitle = JSON.parse(demoEn.toString()).title;
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

const laptop = { viewport: { width: 1280, height: 900 } };

// The card of the workshop with this code (by its code, not its title: a duplicate has the same).
function workshopCard(page, code) {
  return page.getByRole('article').filter({ has: page.locator('dd.org-code', { hasText: new RegExp(`^${code}$`) }) });
}

function fact(card, name) {
  return card.locator('.org-facts > div').filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
}

// The code in "Taller creado: «...» (CODE)."
async function createdCode(status) {
  const text = await status.innerText();
  const code = text.match(/\(([A-Z0-9]{6})\)/)?.[1];
  assert.ok(code, `a code in: ${text}`);
  return code;
}

// A request to the API as a script makes it; key null: no Authorization header at all.
async function api(method, path, { key = organizerKey, body } = {}) {
  const headers = key === null ? {} : { Authorization: `Bearer ${key}` };
  const response = await fetch(`${server.base}${path}`, { method, headers, body });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

test('the API answers as organizer.proto says: 401 without the key, 403 with another, nothing changed', async () => {
  const before = await api('GET', '/api/workshops');
  assert.equal(before.status, 200, before.text);
  assert.ok(before.json.workshops.some((w) => w.code === server.code), 'the demo workshop is listed');
  assert.ok(before.json.templates.some((t) => t.name === 'guatemala' && t.language === 'es'), 'the guatemala template');

  const create = JSON.stringify({ template: 'guatemala', language: 'es' });
  for (const [key, status, code] of [[null, 401, 'unauthorized'], ['wrong', 403, 'forbidden']]) {
    for (const [method, path, body] of [
      ['GET', '/api/workshops'],
      ['POST', '/api/workshops', create],
      ['POST', `/api/workshops/${server.code}/close`],
      ['GET', `/api/workshops/${server.code}/links`],
      ['DELETE', `/api/workshops/${server.code}`, JSON.stringify({ confirmTitle: 'x' })],
    ]) {
      const answer = await api(method, path, { key, body });
      assert.equal(answer.status, status, `${method} ${path} with ${key ?? 'no key'}: ${answer.text}`);
      assert.equal(answer.json?.code, code, `${method} ${path}: an ApiError ${code}: ${answer.text}`);
    }
  }
  const after = await api('GET', '/api/workshops');
  assert.deepEqual(after.json, before.json, 'nothing changed');

  const wrongTitle = await api('DELETE', `/api/workshops/${server.code}`, { body: JSON.stringify({ confirmTitle: 'no' }) });
  assert.equal(wrongTitle.status, 409, wrongTitle.text);
  assert.equal(wrongTitle.json?.code, 'conflict', wrongTitle.text);
  const unknown = await api('GET', '/api/workshops/ZZZZZZ/links');
  assert.equal(unknown.status, 404, unknown.text);
  assert.equal(unknown.json?.code, 'not_found', unknown.text);
});

test('the organizer creates a workshop, opens its console, duplicates, closes and deletes, in Spanish', async () => {
  const context = await newDevice(browser, server, { ...laptop, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.base}/#key=${organizerKey}`);
  await page.getByRole('heading', { level: 1, name: 'Organización de talleres' }).waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the key is no longer in the address bar');
  assert.equal(await page.evaluate(() => localStorage.getItem('campana:organizer:key')), organizerKey);
  await workshopCard(page, server.code).waitFor();

  // From the guatemala template, in Spanish, with the template's title.
  const choice = page.getByRole('combobox', { name: /^Plantilla/ });
  const option = choice.locator('option').filter({ hasText: /\(guatemala\)$/ }).filter({ hasText: 'Español' });
  await choice.selectOption(await option.getAttribute('value'));
  await page.getByRole('button', { name: 'Crear', exact: true }).click();
  const created = page.getByRole('region', { name: 'Crear un taller' }).getByRole('status');
  await created.getByText('Taller creado').waitFor();
  const code = await createdCode(created);
  const card = workshopCard(page, code);
  await card.waitFor();
  assert.equal(await card.getByRole('heading').innerText(), guatemala.title);
  assert.equal(await fact(card, 'Actividades').innerText(), '32');
  assert.equal(await fact(card, 'Estado').innerText(), 'Abierto');
  assert.equal(await fact(card, 'Participantes').innerText(), '0');
  assert.match(await fact(card, 'Creado').innerText(), /\d{4}/);
  // Newest first: the new workshop is above the demo.
  const codes = await page.locator('dd.org-code').allInnerTexts();
  assert.ok(codes.indexOf(code) < codes.indexOf(server.code), `newest first: ${codes}`);

  // Its links; the console opens in a new tab and shows the workshop.
  await card.getByRole('button', { name: /^Enlaces de / }).click();
  const consoleLink = card.getByRole('link', { name: 'Consola de facilitación' });
  await consoleLink.waitFor();
  assert.match(await consoleLink.getAttribute('href'), new RegExp(`/console/${code}#key=[^&]+$`));
  assert.match(await card.getByRole('link', { name: 'Proyector' }).getAttribute('href'), new RegExp(`/screen/${code}#key=.`));
  assert.equal(await card.getByRole('link', { name: 'Teléfonos (para unirse)' }).getAttribute('href'), `${server.base}/j/${code}`);
  assert.match(await card.getByRole('link', { name: 'Informe' }).getAttribute('href'), new RegExp(`/report/${code}#key=.`));
  const [desk] = await Promise.all([context.waitForEvent('page'), consoleLink.click()]);
  await desk.locator('header.bar').getByText(guatemala.title, { exact: false }).waitFor();
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();
  await desk.close();

  await page.screenshot({ path: join(ensureOutputDir('e2e'), 'organizer.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), [], 'the organizer page, its links open');

  // A duplicate: a new code, the same title and agenda.
  await card.getByRole('button', { name: /^Duplicar / }).click();
  const duplicated = card.getByRole('status');
  await duplicated.getByText('Taller creado').waitFor();
  const copy = await createdCode(duplicated);
  assert.notEqual(copy, code);
  const copyCard = workshopCard(page, copy);
  await copyCard.waitFor();
  assert.equal(await copyCard.getByRole('heading').innerText(), guatemala.title);
  assert.equal(await fact(copyCard, 'Actividades').innerText(), '32');

  // Closing asks first; a closed workshop cannot be closed again.
  await copyCard.getByRole('button', { name: /^Cerrar / }).click();
  await copyCard.getByText(/¿Cerrar «.*»\? Nadie más podrá unirse/).waitFor();
  await copyCard.getByRole('button', { name: 'Cerrar el taller' }).click();
  await fact(copyCard, 'Estado').getByText('Cerrado').waitFor();
  assert.ok(await copyCard.getByRole('button', { name: /^Cerrar / }).isDisabled(), 'Close is off once closed');
  assert.equal(await fact(card, 'Estado').innerText(), 'Abierto', 'the original stays open');

  // Deleting: a dialog that says it cannot be undone and waits for the title, typed.
  await card.getByRole('button', { name: /^Eliminar / }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Esto no se puede deshacer').waitFor();
  const erase = dialog.getByRole('button', { name: 'Eliminar para siempre' });
  assert.ok(await erase.isDisabled(), 'off before anything is typed');
  const typed = dialog.getByLabel('Para confirmar, escribe el título del taller');
  await typed.fill(guatemala.title.slice(0, 20));
  assert.ok(await erase.isDisabled(), 'off while the title does not match');
  assert.deepEqual(await axeViolations(page), [], 'the delete dialog');
  await typed.fill(guatemala.title);
  assert.ok(await erase.isEnabled(), 'on once the title matches');
  await erase.click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('region', { name: 'Talleres' }).getByRole('status').getByText('Se eliminó').waitFor();
  await card.waitFor({ state: 'detached' });
  await copyCard.waitFor();
  const listed = await api('GET', '/api/workshops');
  assert.ok(!listed.json.workshops.some((w) => w.code === code), 'gone from the server');

  // The key stays: `/` is the organizer's page again.
  await page.goto(`${server.base}/`);
  await workshopCard(page, copy).waitFor();
  // In English too, with the date in English.
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'Workshop organizer' }).waitFor();
  assert.equal(await fact(workshopCard(page, copy), 'Status').innerText(), 'Closed');
  assert.deepEqual(foreignRequests(context, server), [], 'no request leaves the server');
  for (const url of context.requests) assert.ok(!url.includes(organizerKey), `no request carries the key in its URL: ${url}`);
  await context.close();
});

test('a template file is checked first: every problem listed, then a good one creates a workshop', async () => {
  const context = await newDevice(browser, server, laptop);
  const page = await context.newPage();
  await page.goto(`${server.base}/#key=${organizerKey}`);
  const upload = page.getByRole('region', { name: 'Crear desde un archivo de plantilla' });
  const file = upload.getByLabel('Archivo de plantilla (JSON)');
  const check = upload.getByRole('button', { name: 'Revisar y crear' });

  await file.setInputFiles({ name: 'notas.txt', mimeType: 'text/plain', buffer: Buffer.from('no es JSON') });
  await check.click();
  await upload.getByRole('alert').getByText('Ese archivo no es JSON').waitFor();

  // Two mistakes of shape (docs/templates.md, "Errors"): both are listed, each at its place.
  const broken = {
    title: 'Plantilla rota',
    language: 'es',
    items: [
      { title: 'Grupos', groups: { count: 'cuatro' } },
      { title: 'Tiempo', timer: {} },
    ],
  };
  await file.setInputFiles({ name: 'rota.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await check.click();
  const problems = upload.locator('.org-problems');
  await problems.getByText(/La plantilla tiene \d+ problemas?; no se creó nada/).waitFor();
  const lines = await problems.getByRole('listitem').allInnerTexts();
  assert.equal(lines.length, 2, `every problem: ${lines.join(' | ')}`);
  assert.match(lines[0], /^items\[0\]\.groups\.count: ./);
  assert.match(lines[1], /^items\[1\]\.timer: ./);
  assert.equal(await page.getByRole('heading', { name: 'Plantilla rota' }).count(), 0, 'nothing was created');

  // A shipped template (9.5 KB), as an organizer would start one of their own.
  await file.setInputFiles({ name: 'demo.en.json', mimeType: 'application/json', buffer: demoEn });
  await check.click();
  const outcome = upload.locator('.org-done, [role=alert]').first();
  await outcome.waitFor();
  assert.match(await outcome.innerText(), /Taller creado/, 'the workshop is created');
  const code = await createdCode(upload.getByRole('status'));
  const card = workshopCard(page, code);
  await card.waitFor();
  assert.equal(await card.getByRole('heading').innerText(), demoEnTitle);
  await context.close();
});

test('`/` without a key is the join page, with none of the organizer code; a wrong key falls back to it', async () => {
  const context = await newDevice(browser, server);
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  await page.goto(`${server.base}/`);
  await page.getByLabel('Código del taller').waitFor();
  await page.getByRole('button', { name: 'Entrar' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByRole('heading', { name: 'Organización de talleres' }).count(), 0);
  assert.equal(await page.getByRole('alert').count(), 0, 'no notice without a key');
  for (const response of scripts) {
    const text = await response.text();
    assert.ok(!text.includes('/api/templates/check'), `a phone does not download the organizer's code: ${response.url()}`);
  }

  // Opened over the join page, where only the fragment changes.
  await page.goto(`${server.base}/#key=wrong`);
  await page.getByRole('alert').getByText('La clave de organización no es válida').waitFor();
  await page.getByLabel('Código del taller').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the wrong key is no longer in the address bar');
  assert.equal(await page.evaluate(() => localStorage.getItem('campana:organizer:key')), null, 'and forgotten');
  await page.reload();
  await page.getByLabel('Código del taller').waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the notice does not come back');
  await context.close();
});

test('the organizer page fits a phone 360 px wide', async () => {
  const context = await newDevice(browser, server, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/#key=${organizerKey}`);
  const card = workshopCard(page, server.code);
  await card.getByRole('button', { name: /^Enlaces de / }).click();
  await card.getByRole('link', { name: 'Consola de facilitación' }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(ensureOutputDir('e2e'), 'organizer-360.png'), fullPage: true });
  assert.ok(width <= 360, `no sideways scrolling: ${width} px`);
  await context.close();
});
