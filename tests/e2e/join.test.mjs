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
  await phone.locator('.me-toggle').getByText('Ana Lucía', { exact: true }).waitFor();

  await screen.getByText('Ana Lucía').waitFor({ timeout: 5000 });
  await desk.locator('table.people').getByText('Ana Lucía').waitFor({ timeout: 5000 });
  assert.match(await screen.getByRole('heading', { name: /personas?/ }).innerText(), /1 persona · 0 en la sala · 1 en línea/);
  await screen.screenshot({ path: join(ensureOutputDir('e2e'), 'projector-after-join.png') });

  // A refresh keeps who the phone is.
  await phone.reload();
  await phone.locator('.me-toggle').getByText('Ana Lucía', { exact: true }).waitFor();

  for (const context of [screenContext, consoleContext, phoneContext]) {
    assert.deepEqual(foreignRequests(context, server), [], 'no request leaves the server');
  }
  // The projector's key is in the fragment of its link: it leaves the page only in the Hello.
  assert.ok(server.projectorKey, 'the printed projector link has a key');
  for (const url of screenContext.requests) assert.ok(!url.includes(server.projectorKey), `no request carries the projector key: ${url}`);
  await Promise.all([screenContext.close(), consoleContext.close(), phoneContext.close()]);
});

test('the facilitator renames and removes a participant from the console', async () => {
  const phoneContext = await newDevice(browser, server);
  const phone = await phoneContext.newPage();
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').fill('Beto');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText('Beto', { exact: true }).waitFor();

  const consoleContext = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  const desk = await consoleContext.newPage();
  await desk.goto(server.console());
  desk.once('dialog', (dialog) => dialog.accept('Roberto'));
  await desk.getByRole('button', { name: 'Renombrar a Beto' }).click();
  await phone.locator('.me-toggle').getByText('Roberto', { exact: true }).waitFor({ timeout: 5000 });

  // Removing asks once, in words, and offers both ways; this one only removes.
  await desk.getByRole('button', { name: 'Quitar a Roberto' }).click();
  await desk.getByText('¿Quitar a Roberto del taller?').waitFor();
  await desk.getByRole('button', { name: 'Quitar', exact: true }).click();
  await phone.getByText('La facilitación te quitó del taller').waitFor({ timeout: 5000 });
  assert.ok(await phone.getByLabel('Tu nombre').isVisible(), 'the phone can join again');
  await phone.getByLabel('Tu nombre').fill('Roberto');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText('Roberto', { exact: true }).waitFor();
  await Promise.all([phoneContext.close(), consoleContext.close()]);
});

test('a phone kept out is told so, calmly, and cannot join again until let back in', async () => {
  const phoneContext = await newDevice(browser, server);
  const phone = await phoneContext.newPage();
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').fill('Carmen');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText('Carmen', { exact: true }).waitFor();

  const consoleContext = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  const desk = await consoleContext.newPage();
  await desk.goto(server.console());
  await desk.getByRole('button', { name: 'Quitar a Carmen' }).click();
  await desk.getByRole('button', { name: 'Quitar y no dejar volver' }).click();
  // People and access are tabs of the console's side column.
  const showPeople = () => desk.getByRole('tab', { name: /^Participantes/ }).click().then(() => desk.locator('table.people').waitFor());
  await desk.getByRole('tab', { name: 'Acceso' }).click();
  const keptOut = desk.getByRole('region', { name: 'Acceso' }).getByRole('listitem').filter({ hasText: 'Carmen' });
  await keptOut.waitFor();
  await showPeople();
  assert.equal(await desk.locator('table.people').getByText('Carmen').count(), 0, 'no longer among the participants');

  // The phone learns it was removed; joining again, under any name, is refused with a calm
  // message instead of the form, and nothing retries it.
  await phone.getByText('La facilitación te quitó del taller').waitFor({ timeout: 5000 });
  for (const name of ['Carmen', 'Carmen R.']) {
    await phone.getByLabel('Tu nombre').fill(name);
    await phone.getByRole('button', { name: 'Unirme' }).click();
    await phone.getByRole('heading', { name: 'No puedes volver a entrar por ahora' }).waitFor();
    assert.equal(await phone.getByRole('alert').count(), 0, 'a message, not an error');
    assert.equal(await phone.getByLabel('Tu nombre').count(), 0, 'no form to try again at once');
    await phone.getByRole('button', { name: 'Intentar de nuevo' }).click();
  }
  await phone.reload();
  await phone.getByLabel('Tu nombre').fill('Carmen');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.getByRole('heading', { name: 'No puedes volver a entrar por ahora' }).waitFor();
  await phone.reload();
  await phone.getByRole('heading', { name: 'No puedes volver a entrar por ahora' }).waitFor();
  assert.equal(await desk.locator('table.people').getByText('Carmen').count(), 0, 'still not among the participants');

  // Let back in, the same device joins again.
  await desk.getByRole('tab', { name: 'Acceso' }).click();
  await keptOut.getByRole('button', { name: 'Dejar volver a Carmen' }).click();
  await keptOut.waitFor({ state: 'detached' });
  await showPeople();
  await phone.getByRole('button', { name: 'Intentar de nuevo' }).click();
  await phone.getByLabel('Tu nombre').fill('Carmen');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText('Carmen', { exact: true }).waitFor();
  await desk.locator('table.people').getByText('Carmen').waitFor();
  await Promise.all([phoneContext.close(), consoleContext.close()]);
});

test('the projector link is on the console; without its key the projector shows the code and no names', async () => {
  const consoleContext = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  await consoleContext.grantPermissions(['clipboard-read', 'clipboard-write']);
  const desk = await consoleContext.newPage();
  await desk.goto(server.console());
  await desk.getByRole('tab', { name: 'Acceso' }).click();
  const access = desk.getByRole('region', { name: 'Acceso' });
  const link = access.getByLabel('Enlace del proyector');
  await link.waitFor();
  assert.equal(await link.inputValue(), server.screen(), 'the console shows the printed projector link');
  assert.match(server.screen(), /#key=./, 'the printed projector link has its key');
  await access.getByRole('button', { name: 'Copiar' }).click();
  await access.getByRole('button', { name: 'Copiado' }).waitFor();
  assert.equal(await desk.evaluate(() => navigator.clipboard.readText()), server.screen());

  const names = ['Ana Lucía', 'Roberto', 'Carmen'];
  const context = await newDevice(browser, server, { viewport: { width: 1280, height: 720 } });
  const screen = await context.newPage();
  const frames = [];
  screen.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(Buffer.from(payload))));
  await screen.goto(server.publicScreen());
  await screen.getByText(server.code, { exact: true }).waitFor();
  await screen.getByRole('status').getByText('Conectado', { exact: true }).waitFor();
  await screen.locator('header.bar').getByText(/Taller de demostración/).waitFor();
  assert.ok(await screen.getByRole('img', { name: /Código QR para unirse/ }).isVisible(), 'the code and the QR code');
  for (const name of names) {
    assert.equal(await screen.getByText(name).count(), 0, `${name} is not on the public projector`);
    assert.ok(!frames.some((f) => f.includes(Buffer.from(name))), `${name} never reached the public projector`);
  }
  assert.ok(frames.length > 0, 'the public projector got its view');

  // A new projector link: a projector still on the old one drops to the public view.
  const keyed = await context.newPage();
  await keyed.goto(server.screen());
  await keyed.getByText('Roberto').waitFor();
  desk.once('dialog', (dialog) => dialog.accept());
  await access.getByRole('button', { name: 'Nuevo enlace del proyector' }).click();
  await keyed.getByText('Roberto').waitFor({ state: 'detached' });
  // The old projector's update and the console's may arrive in either order: wait for the
  // console's (bounded by playwright's timeout), then check it.
  const printed = server.screen();
  await desk
    .waitForFunction(([input, old]) => input.value !== old, [await link.elementHandle(), printed])
    .catch(() => {});
  const fresh = await link.inputValue();
  assert.notEqual(fresh, server.screen(), 'the console shows the new link');
  server.projectorKey = new URLSearchParams(new URL(fresh).hash.slice(1)).get('key');  // for the tests after this one
  const renewed = await context.newPage();
  await renewed.goto(fresh);
  await renewed.getByText('Roberto').waitFor();
  await Promise.all([consoleContext.close(), context.close()]);
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
    for (const url of [server.phone(), server.screen(), server.publicScreen(), server.console(), `${server.base}/`]) {
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
