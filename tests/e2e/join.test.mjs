// The walking skeleton in a real browser: a phone joins and the projector and the console show
// the name at once; bad input gets a message in the person's language; nothing is loaded from
// outside the server; every control has an accessible name, in Spanish and in English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { axeViolations, ensureOutputDir, foreignRequests, launchBrowser, newDevice, Server } from './harness.mjs';

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

test('a phone that joins appears on the projector and the console at once', async () => {
  const screenContext = await newDevice(browser, server, { viewport: { width: 1280, height: 720 } });
  const screen = await screenContext.newPage();
  await screen.goto(server.screen());
  await screen.getByText(server.code, { exact: true }).waitFor();
  assert.ok(await screen.getByRole('img', { name: /Código QR para unirse/ }).isVisible(), 'the projector shows a QR code');

  const consoleContext = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  const desk = await consoleContext.newPage();
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();

  const phoneContext = await newDevice(browser, server);
  const phone = await phoneContext.newPage();
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').fill('Ana Lucía');
  await phone.getByLabel('En línea').check();
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.getByRole('heading', { name: 'Hola, Ana Lucía' }).waitFor();

  await screen.getByText('Ana Lucía').waitFor({ timeout: 5000 });
  await desk.locator('table.people').getByText('Ana Lucía').waitFor({ timeout: 5000 });
  assert.match(await screen.getByRole('heading', { name: /personas?/ }).innerText(), /1 persona · 0 en la sala · 1 en línea/);
  await screen.screenshot({ path: join(ensureOutputDir('e2e'), 'projector-after-join.png') });

  // A refresh keeps who the phone is.
  await phone.reload();
  await phone.getByRole('heading', { name: 'Hola, Ana Lucía' }).waitFor();

  for (const context of [screenContext, consoleContext, phoneContext]) {
    assert.deepEqual(foreignRequests(context, server), [], 'no request leaves the server');
  }
  await Promise.all([screenContext.close(), consoleContext.close(), phoneContext.close()]);
});

test('the facilitator renames and removes a participant from the console', async () => {
  const phoneContext = await newDevice(browser, server);
  const phone = await phoneContext.newPage();
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').fill('Beto');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.getByRole('heading', { name: 'Hola, Beto' }).waitFor();

  const consoleContext = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  const desk = await consoleContext.newPage();
  await desk.goto(server.console());
  desk.once('dialog', (dialog) => dialog.accept('Roberto'));
  await desk.getByRole('button', { name: 'Renombrar a Beto' }).click();
  await phone.getByRole('heading', { name: 'Hola, Roberto' }).waitFor({ timeout: 5000 });

  desk.once('dialog', (dialog) => dialog.accept());
  await desk.getByRole('button', { name: 'Quitar a Roberto' }).click();
  await phone.getByText('La facilitación te quitó del taller').waitFor({ timeout: 5000 });
  assert.ok(await phone.getByLabel('Tu nombre').isVisible(), 'the phone can join again');
  await Promise.all([phoneContext.close(), consoleContext.close()]);
});

test('bad input gets a clear message in the page language', async () => {
  const context = await newDevice(browser, server);
  const phone = await context.newPage();
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').fill('\u200b\u200b');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.getByRole('alert').getByText('Ese nombre no sirve').waitFor();

  await phone.goto(`${server.base}/j/ZZZZZZ`);
  await phone.getByText('No hay ningún taller con ese código.').waitFor();

  const english = await newDevice(browser, server, { locale: 'en-US' });
  const page = await english.newPage();
  await page.goto(`${server.base}/j/ZZZZZZ`);
  await page.getByText('No workshop has this code.').waitFor();
  await page.goto(server.console().replace(/key=.*/, 'key=wrong'));
  await page.getByText('The facilitator key is not right for this workshop.').waitFor();
  await Promise.all([context.close(), english.close()]);
});

test('every control has an accessible name, in Spanish and in English', async () => {
  for (const locale of ['es-GT', 'en-US']) {
    const context = await newDevice(browser, server, { locale, viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    for (const url of [server.phone(), server.screen(), server.console(), `${server.base}/`]) {
      await page.goto(url);
      await page.locator('header.bar').waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${locale} ${url}`);
    }
    // The language is switchable, and the choice sticks.
    await page.goto(server.phone());
    const other = locale.startsWith('es') ? 'en' : 'es';
    await page.getByRole('combobox', { name: locale.startsWith('es') ? 'Idioma' : 'Language' }).selectOption(other);
    await page.getByRole('combobox', { name: other === 'es' ? 'Idioma' : 'Language' }).waitFor();
    await page.reload();
    await page.getByRole('combobox', { name: other === 'es' ? 'Idioma' : 'Language' }).waitFor();
    await context.close();
  }
});
