// The live question, asked from the console at any moment, in Spanish: it opens on every phone
// above the current item, with the answer box in the first screenful of a 360x640 phone; each
// answer reaches its author and the facilitators and no one else; the projector shows the
// answers only when the console puts them there, without names unless chosen; asking the next
// question closes the last; the pages pass axe-core with a question open and answers shown.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server } from './harness.mjs';

let server;
let browser;
let desk;
let screen;
const phones = new Map(); // name -> page
const traffic = new Map(); // page -> received WebSocket payloads
const first = '¿Qué palabra describe hoy a tu equipo?';
const second = '¿Qué te llevas de esta mañana?';

function record(page) {
  const frames = [];
  traffic.set(page, frames);
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(Buffer.from(f.payload))));
}

function received(page, text) {
  return traffic.get(page).some((f) => f.includes(Buffer.from(text)));
}

async function ask(prompt) {
  const panel = desk.getByRole('region', { name: 'Pregunta en vivo' });
  await panel.getByLabel('Pregunta para la sala').fill(prompt);
  await panel.getByRole('button', { name: 'Preguntar ahora' }).click();
}

async function answer(page, text) {
  const card = page.getByRole('region', { name: first });
  await card.getByLabel('Responde aquí').fill(text);
  await card.getByRole('button', { name: 'Responder' }).click();
}

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  for (const name of ['Ana', 'Beto']) {
    const device = await newDevice(browser, server, { viewport: { width: 360, height: 640 }, bypassCSP: true });
    const page = await device.newPage();
    record(page);
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.set(name, page);
  }
  desk = await (await newDevice(browser, server, { viewport: { width: 1280, height: 900 }, bypassCSP: true })).newPage();
  record(desk);
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Participantes (2)' }).waitFor();
  screen = await (await newDevice(browser, server, { viewport: { width: 1280, height: 720 }, bypassCSP: true })).newPage();
  record(screen);
  await screen.goto(server.screen());
  await screen.getByText(server.code, { exact: true }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('a question asked now opens on every phone, with the answer box in the first screenful', async () => {
  // Whatever the agenda is on: here, an open question of its own.
  await desk.getByRole('button', { name: 'Ir a: Reflexión' }).click();
  await ask(first);
  for (const page of phones.values()) {
    const heading = page.getByRole('heading', { name: first });
    await heading.waitFor();
    const box = await page.getByLabel('Responde aquí').boundingBox();
    const view = await page.evaluate(() => ({ scrollY: window.scrollY, height: window.innerHeight }));
    assert.equal(view.scrollY, 0, 'the phone has not scrolled');
    assert.ok(box.y >= 0 && box.y + box.height <= view.height, `the answer box is on screen (${box.y}-${box.y + box.height} of ${view.height})`);
    const button = await page.getByRole('button', { name: 'Responder' }).boundingBox();
    assert.ok(button.y + button.height <= view.height, 'and so is its button');
  }
  await screen.getByRole('region', { name: 'Pregunta en vivo' }).getByText(first).waitFor();
  await desk.getByRole('region', { name: 'Pregunta en vivo' }).getByText('Abierta · 0 respuestas · No está en pantalla').waitFor();
  await phones.get('Ana').screenshot({ path: join(ensureOutputDir('e2e'), 'live-question-phone-360x640.png') });
});

test('an answer reaches its author and the facilitators, and no other phone', async () => {
  const [ana, beto] = [phones.get('Ana'), phones.get('Beto')];
  await answer(ana, 'Confianza');
  await answer(beto, 'Energía');
  await ana.getByRole('heading', { name: 'Tus respuestas (1 de 20)' }).waitFor();
  await ana.getByRole('listitem').filter({ hasText: 'Confianza' }).waitFor();
  await beto.getByRole('listitem').filter({ hasText: 'Energía' }).waitFor();
  assert.equal(await ana.getByText(/por enviar/).count(), 0, 'nothing left in the outbox');

  const panel = desk.getByRole('region', { name: 'Pregunta en vivo' });
  await panel.getByText('Abierta · 2 respuestas · No está en pantalla').waitFor();
  await panel.getByRole('listitem').filter({ hasText: 'Confianza' }).getByText('— Ana').waitFor();
  await panel.getByRole('listitem').filter({ hasText: 'Energía' }).getByText('— Beto').waitFor();

  assert.equal(await ana.getByText('Energía').count(), 0, "Ana does not see Beto's answer");
  assert.equal(await beto.getByText('Confianza').count(), 0, "Beto does not see Ana's answer");
  assert.ok(!received(beto, 'Confianza'), "Ana's answer never reached Beto's phone");
  assert.ok(!received(ana, 'Energía'), "Beto's answer never reached Ana's phone");
  assert.equal(await screen.getByText('Confianza').count(), 0, 'the projector shows no answer until asked to');
  assert.ok(!received(screen, 'Confianza'), 'nor received one');
});

test('the projector shows the answers without names, then with names, then not at all', async () => {
  const panel = desk.getByRole('region', { name: 'Pregunta en vivo' });
  const scene = screen.getByRole('region', { name: 'Pregunta en vivo' });

  await panel.getByRole('button', { name: 'Proyectar respuestas' }).click();
  await scene.getByText('Confianza').waitFor();
  await scene.getByText('Energía').waitFor();
  await panel.getByText('Abierta · 2 respuestas · En pantalla, sin nombres').waitFor();
  for (const name of ['Ana', 'Beto']) assert.equal(await scene.getByText(name).count(), 0, `${name} is not named`);

  await panel.getByRole('button', { name: 'Proyectar con nombres' }).click();
  await scene.getByText('Ana', { exact: true }).waitFor();
  await scene.getByText('Beto', { exact: true }).waitFor();
  const layout = await screen.evaluate(() => ({
    height: window.innerHeight,
    scrollHeight: document.querySelector('.screen-live-question').getBoundingClientRect().bottom,
    answers: [...document.querySelectorAll('.live-answers li')].map((li) => li.getBoundingClientRect().bottom),
  }));
  for (const bottom of layout.answers) assert.ok(bottom <= layout.height, `every answer shown is on screen (${bottom} of ${layout.height})`);
  await screen.screenshot({ path: join(ensureOutputDir('e2e'), 'live-question-projector.png') });

  for (const page of [screen, desk, phones.get('Ana')]) assert.deepEqual(await axeViolations(page), [], page.url());

  await panel.getByRole('button', { name: 'Quitar de la pantalla' }).click();
  await scene.getByText('Confianza').waitFor({ state: 'detached' });
  await scene.getByText(first).waitFor(); // the question is still open
});

test('a participant answers up to 20 times', async () => {
  const ana = phones.get('Ana');
  for (let i = 2; i <= 20; i++) {
    await answer(ana, `Idea ${i}`);
    await ana.getByRole('heading', { name: `Tus respuestas (${i} de 20)` }).waitFor();
  }
  await ana.getByText('Ya enviaste 20 respuestas').waitFor();
  assert.equal(await ana.getByLabel('Responde aquí').count(), 0, 'no box for a 21st answer');
  await desk.getByRole('region', { name: 'Pregunta en vivo' }).getByText(/^Abierta · 21 respuestas/).waitFor();
});

test('asking the next question closes the last; a closed question leaves the phones', async () => {
  const [ana, beto] = [phones.get('Ana'), phones.get('Beto')];
  await ask(second);
  for (const page of [ana, beto]) {
    await page.getByRole('heading', { name: second }).waitFor();
    assert.equal(await page.getByRole('heading', { name: first }).count(), 0, 'one question at a time');
  }
  const panel = desk.getByRole('region', { name: 'Pregunta en vivo' });
  await panel.getByText('Preguntas anteriores (1)').click();
  await panel.getByText(first).waitFor();

  await panel.getByRole('button', { name: 'Cerrar la pregunta' }).click();
  await panel.getByText('Cerrada · 0 respuestas · No está en pantalla').waitFor();
  for (const page of [ana, beto]) await page.getByRole('heading', { name: second }).waitFor({ state: 'detached' });
  await screen.getByRole('region', { name: 'Pregunta en vivo' }).waitFor({ state: 'detached' });
  // Back to the current agenda item, which was under the question all along.
  await ana.getByRole('heading', { name: /¿Cómo te ayudó esta actividad/ }).waitFor();
});
