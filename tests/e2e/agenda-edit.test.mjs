// Editing the agenda while the workshop runs, from the console, in Spanish: a reached item is
// renamed (the phone on it follows), a break is added right after what has been reached, an item
// is moved up and another removed (after a confirmation); reached items offer no moving or
// removing; the agenda is saved as a template file, which the organizer API accepts as it is;
// the phone then moves on to the new break. axe-core on the editor in Spanish and English.
// Screenshots: test-output/agenda-edit/<step>.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, sourceDir } from './harness.mjs';

const organizerKey = 'organizer-agenda-edit-0123456789ab';
const demo = JSON.parse(readFileSync(join(sourceDir, 'deploy', 'templates', 'demo.es.json'), 'utf8'));
const shots = ensureOutputDir('agenda-edit');
const laptop = { viewport: { width: 1280, height: 800 }, bypassCSP: true, acceptDownloads: true };

let server;
let browser;

before(async () => {
  server = await new Server({ args: ['--organizer-key', organizerKey] }).start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

// The console's agenda, as its titles in order.
const agendaTitles = (desk) => desk.locator('.ros-agenda .agenda-title').allInnerTexts();
// Waits until the editor's title field for item n (from 1) holds `title`. The field's value is a
// property, not an attribute, and its row is drawn anew when the item changes.
const titleBecomes = (desk, n, title) =>
  desk.waitForFunction(
    ([label, value]) => document.querySelector(`.agenda-editor input[aria-label="${label}"]`)?.value === value,
    [`Título del punto ${n}`, title],
  );

test('the agenda is edited while it runs, and saved as a template', async () => {
  const desk = await (await newDevice(browser, server, laptop)).newPage();
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();
  const phone = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').fill('Ana');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText('Ana', { exact: true }).waitFor();

  // The workshop is on its first item.
  await desk.getByRole('button', { name: 'Siguiente →' }).click();
  await phone.getByRole('heading', { name: demo.items[0].title }).waitFor();

  await desk.getByRole('button', { name: 'Editar la agenda' }).click();
  const editor = desk.getByRole('dialog', { name: 'Editar la agenda' });
  await editor.waitFor();
  assert.deepEqual(await axeViolations(desk), [], 'the editor, in Spanish');

  // The reached item: renamed and lengthened; it cannot move or go.
  const firstTitle = editor.getByRole('textbox', { name: 'Título del punto 1', exact: true });
  await firstTitle.fill('Bienvenida y encuadre');
  await firstTitle.press('Enter');
  await phone.getByRole('heading', { name: 'Bienvenida y encuadre' }).waitFor();
  const firstMinutes = editor.getByRole('spinbutton', { name: 'Minutos del punto 1', exact: true });
  await firstMinutes.fill('8');
  await firstMinutes.press('Enter');
  await desk.locator('.ros-agenda .agenda-meta').first().getByText(/8:00/).waitFor();
  const reached = editor.getByRole('listitem').first();
  assert.match(await reached.innerText(), /ya alcanzado/);
  assert.equal(await reached.getByRole('button').count(), 0, 'no moving or removing what was reached');

  // A break, right after what has been reached.
  const add = editor.getByRole('form', { name: /^Añadir un punto/ });
  await add.getByLabel('Título').fill('Pausa para café');
  await add.getByLabel('Minutos').fill('15');
  await add.getByRole('button', { name: 'Añadir' }).click();
  await titleBecomes(desk, 2, 'Pausa para café');
  assert.equal(await add.getByLabel('Título').inputValue(), '', 'the form is cleared once added');

  // The closing moves up one place; the evaluation survey is removed, after a confirmation.
  const last = demo.items.length; // 12 items and the break: the closing is item 13
  await editor.getByRole('button', { name: `Subir: ${demo.items[last - 1].title}` }).click();
  await titleBecomes(desk, last, demo.items[last - 1].title);
  const survey = demo.items[last - 2].title;
  await editor.getByRole('button', { name: `Quitar: ${survey}` }).click();
  await editor.getByRole('button', { name: 'Sí, quitar' }).click();
  await desk.waitForFunction(
    (title) => [...document.querySelectorAll('.agenda-editor .title-field')].every((field) => field.value !== title),
    survey,
  );
  await desk.screenshot({ path: join(shots, 'editor-es.png') });

  const expected = [
    'Bienvenida y encuadre',
    'Pausa para café',
    ...demo.items.slice(1, last - 2).map((item) => item.title),
    demo.items[last - 1].title,
  ];
  assert.deepEqual(await agendaTitles(desk), expected, 'the console agenda, edited');

  // Saved as a template: the file holds the edited agenda, and the organizer API takes it as it is.
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    editor.getByRole('button', { name: 'Guardar como plantilla' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'template.es.json');
  const saved = readFileSync(await download.path(), 'utf8');
  const plan = JSON.parse(saved);
  assert.deepEqual(plan.items.map((item) => item.title), expected);
  assert.equal(plan.items[0].duration_seconds, 480);
  assert.equal(plan.items[1].duration_seconds, 900);
  assert.equal(plan.items.length, demo.items.length);
  const checked = await fetch(`${server.base}/api/templates/check`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${organizerKey}` },
    body: saved,
  });
  assert.equal(checked.status, 200);
  assert.deepEqual((await checked.json()).problems ?? [], [], 'the saved template has no problems');

  // Done; then the editor again, in English (the page behind a modal dialog takes no input).
  await editor.getByRole('button', { name: 'Listo' }).click();
  await desk.getByRole('dialog').waitFor({ state: 'detached' });
  await desk.getByLabel('Idioma').selectOption('en');
  await desk.getByRole('button', { name: 'Edit the agenda' }).click();
  await desk.getByRole('dialog', { name: 'Edit the agenda' }).waitFor();
  assert.deepEqual(await axeViolations(desk), [], 'the editor, in English');
  await desk.screenshot({ path: join(shots, 'editor-en.png') });
  await desk.getByRole('button', { name: 'Done' }).click();
  await desk.getByRole('dialog').waitFor({ state: 'detached' });

  // The room moves on to the break.
  await desk.getByRole('button', { name: 'Next →' }).click();
  await phone.getByRole('heading', { name: 'Pausa para café' }).waitFor();
});
