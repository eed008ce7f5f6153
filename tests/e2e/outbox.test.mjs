// A phone keeps what it submits while the server is unreachable and sends it when it can:
// answers typed during a server restart arrive once each. A refresh keeps the participant's
// identity and group, and the phone shows its group and team.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newDevice, Server } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('answers typed while the server is down arrive once each after it comes back', async () => {
  const phones = [];
  for (const name of ['Ana', 'Beto', 'Carla', 'Diego']) {
    const page = await (await newDevice(browser, server)).newPage();
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    phones.push(page);
  }
  const deskContext = await newDevice(browser, server, { viewport: { width: 1280, height: 1000 } });
  const desk = await deskContext.newPage();
  await desk.goto(server.console());

  // Groups 1 and 3 are team A, 2 and 4 team B; each phone shows its own.
  await desk.getByRole('tab', { name: 'Grupos' }).click();
  await desk.getByLabel('Cuántos grupos').fill('4');
  await desk.getByRole('button', { name: 'Formar grupos' }).click();
  for (const [group, team] of [[1, 'A'], [3, 'A'], [2, 'B'], [4, 'B']]) {
    await desk.getByRole('checkbox', { name: `Grupo ${group} en el equipo ${team}` }).check();
  }
  await desk.getByRole('button', { name: 'Definir equipos' }).click();
  const ana = phones[0];
  await ana.locator('.me-toggle .me-group').getByText(/^Grupo [1-4]$/).waitFor();
  const group = Number((await ana.locator('.me-toggle .me-group').innerText()).split(' ')[1]);
  await ana.getByText(group % 2 === 1 ? 'Equipo A' : 'Equipo B').waitFor();

  // A refresh keeps the person and the group.
  await ana.reload();
  await ana.locator('.me-toggle').getByText('Ana', { exact: true }).waitFor();
  await ana.locator('.me-toggle .me-group').getByText(`Grupo ${group}`, { exact: true }).waitFor();

  // The reflection question (agenda item 4) opens on every phone.
  await desk.getByRole('button', { name: 'Ir a: Reflexión' }).click();
  await ana.getByRole('heading', { name: /¿Cómo te ayudó esta actividad/ }).waitFor();

  await server.stop();
  await ana.getByText('Sin conexión. Reintentando…').waitFor({ timeout: 30000 });
  for (const text of ['Escuchar antes de hablar', 'Confiar en el equipo']) {
    await ana.getByLabel('Tu respuesta').fill(text);
    await ana.getByRole('button', { name: 'Enviar' }).click();
  }
  await ana.getByText('2 por enviar').waitFor();

  await server.start();  // same port, same database
  await ana.getByText('Conectado').waitFor({ timeout: 30000 });
  await ana.getByRole('list').filter({ hasText: 'Confiar en el equipo' }).waitFor({ timeout: 10000 });
  assert.equal(await ana.getByText(/por enviar/).count(), 0, 'the outbox is empty');

  await desk.getByText('Conectado').first().waitFor({ timeout: 30000 });
  await desk.getByText('— Ana').nth(1).waitFor({ timeout: 10000 });
  assert.equal(await desk.getByText('Escuchar antes de hablar').count(), 1, 'each answer once');
  assert.equal(await desk.getByText('Confiar en el equipo').count(), 1, 'each answer once');

  // Shown on the projector, without names.
  const screen = await (await newDevice(browser, server, { viewport: { width: 1280, height: 720 } })).newPage();
  await screen.goto(server.screen());
  await desk.getByRole('button', { name: 'Mostrar en pantalla' }).click();
  await screen.getByText('Escuchar antes de hablar').waitFor();
  assert.equal(await screen.getByText('Anónimo').count(), 2);
});
