// A series of workshops (docs/organizer.md, "A series"), in Spanish: two phones join the demo
// workshop by name and choose their groups; its console starts the agenda; the organizer page
// makes the next session, keeping the groups; each phone, opened at the next workshop's address,
// is the same person there with nothing typed, in the same group; the next workshop's console
// (from its card's links) starts its agenda; the organizer's series attendance shows both people
// present in both sessions, in a table that fits a phone 360 px wide. axe-core on the organizer
// page with the table open and on the phone. Screenshots: test-output/series/<step>.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  axeViolations,
  ensureOutputDir,
  foreignRequests,
  formChosenGroups,
  launchBrowser,
  newDevice,
  Server,
  sourceDir,
} from './harness.mjs';

const organizerKey = 'organizer-series-0123456789abcdef';
const templates = join(sourceDir, 'deploy', 'templates');
const demo = JSON.parse(readFileSync(join(templates, 'demo.es.json'), 'utf8'));
const firstTitle = demo.items[0].title;
const shots = ensureOutputDir('series');
const laptop = { viewport: { width: 1280, height: 900 } };
const people = { Ana: { group: 1 }, Beto: { group: 2 } };

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

function workshopCard(page, code) {
  return page.getByRole('article').filter({ has: page.locator('dd.org-code', { hasText: new RegExp(`^${code}$`) }) });
}

function fact(card, name) {
  return card.locator('.org-facts > div').filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
}

// What a phone keeps of who it is in a workshop (net/storage.ts), or null.
const identityOf = (phone, code) =>
  phone.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `campana:${code}:identity`);

test('the next session starts with the same people, their phones are them there, and the organizer sees who came', async () => {
  // Session 1: the demo workshop. Two phones join by name and choose their groups.
  const desk = await (await newDevice(browser, server, laptop)).newPage();
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();
  const contexts = new Map();
  const phones = new Map();
  for (const name of Object.keys(people)) {
    const context = await newDevice(browser, server, { viewport: { width: 360, height: 640 }, bypassCSP: true });
    const phone = await context.newPage();
    await phone.goto(server.phone());
    await phone.getByLabel('Tu nombre').fill(name);
    await phone.getByRole('button', { name: 'Unirme' }).click();
    await phone.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    contexts.set(name, context);
    phones.set(name, phone);
  }
  await formChosenGroups(desk, phones, people, 2);
  await desk.getByRole('button', { name: 'Siguiente →' }).click();
  for (const phone of phones.values()) await phone.getByRole('heading', { name: firstTitle }).first().waitFor();
  const ids = new Map();
  for (const [name, phone] of phones) ids.set(name, (await identityOf(phone, server.code)).participantId);

  // The organizer makes the next session: the same agenda again, the groups kept.
  const context = await newDevice(browser, server, { ...laptop, bypassCSP: true });
  const organizer = await context.newPage();
  await organizer.goto(`${server.base}/#key=${organizerKey}`);
  const first = workshopCard(organizer, server.code);
  await first.waitFor();
  const title = demo.title;
  assert.equal(await first.getByRole('heading', { level: 3 }).innerText(), title);
  assert.equal(await first.getByRole('button', { name: /^Asistencia de la serie/ }).count(), 0, 'in no series yet');
  const toggle = first.getByRole('button', { name: `Siguiente sesión de ${title}` });
  await toggle.click();
  await first.getByRole('button', { name: `Siguiente sesión de ${title}`, expanded: true }).waitFor();
  const form = first.getByRole('form', { name: `Siguiente sesión de «${title}»` });
  const agenda = form.getByRole('combobox', { name: 'Agenda' });
  assert.equal(await agenda.locator('option:checked').innerText(), `La misma agenda otra vez («${title}»)`);
  assert.ok(await form.getByRole('checkbox', { name: 'Mantener los grupos' }).isChecked(), 'groups kept by default');
  await first.screenshot({ path: join(shots, 'organizer-next-form.png') });
  assert.deepEqual(await axeViolations(organizer), [], 'the organizer page with the next session form');
  await form.getByRole('button', { name: 'Crear la siguiente sesión' }).click();
  const status = first.getByRole('status');
  await status.getByText('Taller creado').waitFor();
  const next = (await status.innerText()).match(/\(([A-Z0-9]{6})\)/)?.[1];
  assert.ok(next, 'the next session has a code');
  await form.waitFor({ state: 'detached' });
  assert.equal(await organizer.evaluate(() => document.activeElement?.getAttribute('aria-label')), `Siguiente sesión de ${title}`, 'focus back on the button');
  const second = workshopCard(organizer, next);
  await second.waitFor();
  assert.equal(await fact(second, 'Participantes').innerText(), '2', 'with the same people');
  assert.equal(await fact(second, 'Serie').innerText(), `${server.code} · sesión 2`);
  assert.equal(await fact(first, 'Serie').innerText(), `${server.code} · sesión 1`);
  const summary = (await (await fetch(`${server.base}/api/workshops`, { headers: { Authorization: `Bearer ${organizerKey}` } })).json())
    .workshops.find((w) => w.code === next);
  assert.equal(summary.series, server.code);
  assert.equal(summary.previous, server.code);

  // Each phone, at the next workshop's address, is the same person there, in the same group,
  // with no form to fill.
  const again = new Map();
  for (const [name, { group }] of Object.entries(people)) {
    const phone = await contexts.get(name).newPage();
    await phone.goto(`${server.base}/j/${next}`);
    await phone.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    await phone.locator('.me-toggle .me-group').getByText(`Grupo ${group}`).waitFor();
    assert.equal(await phone.getByLabel('Tu nombre').count(), 0, `${name}: no join form`);
    const identity = await identityOf(phone, next);
    assert.equal(identity?.participantId, ids.get(name), `${name} is the same person`);
    assert.deepEqual(identity, await identityOf(phone, server.code), `${name}: the same identity`);
    again.set(name, phone);
  }

  // The next workshop's console, from its card's links, starts its agenda: both are there.
  await second.getByRole('button', { name: /^Enlaces de / }).click();
  const consoleLink = await second.getByRole('link', { name: 'Consola de facilitación' }).getAttribute('href');
  const nextDesk = await (await newDevice(browser, server, laptop)).newPage();
  await nextDesk.goto(consoleLink);
  await nextDesk.getByRole('heading', { name: 'Agenda' }).waitFor();
  await nextDesk.getByRole('button', { name: 'Siguiente →' }).click();
  for (const phone of again.values()) await phone.getByRole('heading', { name: firstTitle }).first().waitFor();

  const anaPhone = again.get('Ana');
  await anaPhone.screenshot({ path: join(shots, 'phone-next.png') });
  assert.deepEqual(await axeViolations(anaPhone), [], 'the phone in the next session');

  // Who came to what: both, to both sessions.
  const attendanceButton = second.getByRole('button', { name: `Asistencia de la serie de ${title}` });
  await attendanceButton.click();
  // Open once the page has drawn it (an event to wait for, not a value to read at once).
  await second.getByRole('button', { name: `Asistencia de la serie de ${title}`, expanded: true }).waitFor();
  const table = second.getByRole('table', { name: `Asistencia de la serie ${server.code}` });
  await table.waitFor();
  const heads = await table.locator('thead th').allInnerTexts();
  assert.match(heads.join(' | '), /Sesión 1/);
  assert.match(heads.join(' | '), /Sesión 2/);
  const names = await table.locator('tbody th[scope=row]').allInnerTexts();
  assert.deepEqual(names, ['Ana', 'Beto'], 'a row per person, by name');
  for (const name of names) {
    const row = table.locator('tbody tr').filter({ has: organizer.locator('th', { hasText: new RegExp(`^${name}$`) }) });
    const cells = await row.locator('td').allTextContents();
    assert.deepEqual(cells, ['✓presente', '✓presente'], `${name} came to both: ${cells}`);
  }
  assert.deepEqual(await table.locator('tfoot td').allTextContents(), ['2', '2'], 'two people came to each');
  await organizer.screenshot({ path: join(shots, 'organizer-attendance.png'), fullPage: true });
  assert.deepEqual(await axeViolations(organizer), [], 'the organizer page with the attendance open');

  // On a phone 360 px wide, the page does not scroll sideways (the table may, in its box).
  await organizer.setViewportSize({ width: 360, height: 740 });
  await table.scrollIntoViewIfNeeded();
  const width = await organizer.evaluate(() => document.documentElement.scrollWidth);
  await organizer.screenshot({ path: join(shots, 'organizer-attendance-360.png'), fullPage: true });
  assert.ok(width <= 360, `no sideways page scroll: ${width} px`);
  assert.deepEqual(await axeViolations(organizer), [], 'the attendance at 360 px');

  // In English too.
  await organizer.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await second.getByRole('table', { name: `Attendance over the series ${server.code}` }).waitFor();
  assert.equal(await fact(second, 'Series').innerText(), `${server.code} · session 2`);
  await second.getByRole('button', { name: `Next session of ${title}` }).waitFor();

  for (const c of [context, ...contexts.values()]) assert.deepEqual(foreignRequests(c, server), [], 'no request leaves the server');
});
