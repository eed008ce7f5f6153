// Several facilitators (issue 16), in Spanish: the main console invites "Marta" from the access
// tab's facilitators panel and copies her link; Marta opens it in a browser of her own and has
// the console (the workshop's title and the agenda); what one console does the other sees (the
// agenda moved from each side, a timer started); the main console revokes her link, and her
// console shows within a second that it lost the connection, then the permission message, and
// reloaded it does not get in. axe-core on the panel (a working link, a revoked one, the
// confirmation), in Spanish and English. Screenshots: test-output/facilitators/<step>.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, ensureOutputDir, launchBrowser, newDevice, Server, sourceDir } from './harness.mjs';

const viewport = { width: 1280, height: 800 };
const shots = ensureOutputDir('facilitators');
const template = join(sourceDir, 'deploy', 'templates', 'demo.es.json');
const title = JSON.parse(readFileSync(template, 'utf8')).title;
const wrongKey = 'La clave de facilitación no es válida para este taller.';

let server;
let browser;
let desk; // the workshop's own console
let marta; // Marta's, opened with her link

// The side panels' access tab, and the facilitators panel in it.
async function facilitatorsPanel(page) {
  await page.getByRole('tab', { name: 'Acceso' }).click();
  const panel = page.getByRole('region', { name: 'Facilitadores' });
  await panel.waitFor();
  return panel;
}

const statusLine = (page) => page.locator('.bar').getByRole('status');
const now = (page, itemTitle) => page.getByRole('heading', { level: 1, name: itemTitle }).waitFor();

before(async () => {
  server = await new Server({ template }).start();
  browser = await launchBrowser();
  const deskContext = await newDevice(browser, server, { viewport, bypassCSP: true });
  await deskContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  desk = await deskContext.newPage();
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

test('the main console invites Marta; her link opens the same console', async () => {
  const panel = await facilitatorsPanel(desk);
  await panel.getByText('Nadie más tiene un enlace.').waitFor();
  const invite = panel.getByRole('button', { name: 'Invitar' });
  // No name, no invitation: the button is off and says why.
  assert.equal(await invite.isDisabled(), true);
  assert.equal(await invite.getAttribute('title'), 'Escribe su nombre.');
  const name = panel.getByLabel('Nombre de quien facilitará contigo');
  await name.fill('x'.repeat(41));
  assert.equal(await invite.getAttribute('title'), 'Como mucho 40 caracteres.');
  await name.fill('Marta');
  await invite.click();
  await panel.getByRole('status').getByText('Enlace creado para Marta: cópialo y envíaselo.').waitFor();
  assert.equal(await name.inputValue(), '', 'the name field is empty again');

  const link = await panel.getByRole('textbox', { name: 'Enlace de Marta', exact: true }).inputValue();
  const match = link.match(/^(http:\/\/[^/]+)\/console\/([A-Z0-9]{6})#key=([^&#\s]+)$/);
  assert.ok(match, `the link is a console link: ${link}`);
  assert.equal(match[1], server.base, 'on this server');
  assert.equal(match[2], server.code, 'for this workshop');
  assert.notEqual(match[3], server.key, "Marta's key is her own, not the workshop's");
  await panel.getByRole('button', { name: 'Copiar el enlace de Marta' }).click();
  await panel.getByRole('button', { name: 'Copiar el enlace de Marta' }).getByText('Copiado').waitFor();
  assert.equal(await desk.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
  await desk.screenshot({ path: join(shots, 'invited.png') });

  // Marta, in a browser of her own.
  const martaContext = await newDevice(browser, server, { viewport, bypassCSP: true });
  marta = await martaContext.newPage();
  await marta.goto(link);
  await marta.getByRole('heading', { name: 'Agenda' }).waitFor();
  await marta.locator('.bar').getByText(title, { exact: false }).waitFor();
  await marta.getByRole('button', { name: 'Ir a: Bienvenida' }).waitFor();
  await statusLine(marta).getByText('Conectado', { exact: true }).waitFor();

  // Without a clipboard (plain http on a LAN address), "copy" selects the link for Ctrl+C.
  const hers = await facilitatorsPanel(marta);
  await marta.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await hers.getByRole('button', { name: 'Copiar el enlace de Marta' }).click();
  const selected = await hers.getByRole('textbox', { name: 'Enlace de Marta', exact: true }).evaluate((input) => ({
    all: input.selectionStart === 0 && input.selectionEnd === input.value.length,
    value: input.value,
  }));
  assert.deepEqual(selected, { all: true, value: link }, 'the link is selected');
});

test('both consoles see and change the same workshop', async () => {
  await desk.getByRole('button', { name: 'Siguiente →' }).click();
  await now(desk, 'Bienvenida');
  await now(marta, 'Bienvenida');
  await marta.getByRole('button', { name: 'Siguiente →' }).click();
  await now(marta, 'Grupos y equipos');
  await now(desk, 'Grupos y equipos');

  // A timer made and started on Marta's console runs on the main one.
  await marta.getByRole('tab', { name: 'Temporizadores' }).click();
  await marta.getByLabel('Nombre del temporizador').fill('Café');
  await marta.getByRole('button', { name: 'Crear', exact: true }).click();
  await marta.getByRole('button', { name: 'Iniciar: Café', exact: true }).click();
  await desk.getByRole('tab', { name: 'Temporizadores' }).click();
  await desk.getByRole('button', { name: 'Pausar: Café', exact: true }).waitFor();
});

test('revoked, her console is cut off at once and cannot come back', async () => {
  const panel = await facilitatorsPanel(desk);
  // Sofía keeps a working link next to Marta's revoked one.
  await panel.getByLabel('Nombre de quien facilitará contigo').fill('Sofía');
  await panel.getByRole('button', { name: 'Invitar' }).click();
  await panel.getByRole('textbox', { name: 'Enlace de Sofía', exact: true }).waitFor();

  // Marta's page notes when its status line stops saying "Conectado" and when the permission
  // message shows (its own clock: the same machine's as the test's).
  await marta.evaluate((refused) => {
    window.__lost = 0;
    window.__refused = 0;
    const look = () => {
      const status = document.querySelector('.bar [role="status"]')?.textContent ?? '';
      if (!window.__lost && status !== 'Conectado') window.__lost = Date.now();
      const alerts = [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
      if (!window.__refused && alerts.some((a) => a.includes(refused))) window.__refused = Date.now();
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, wrongKey);

  await panel.getByRole('button', { name: 'Revocar el enlace de Marta' }).click();
  const confirm = panel.getByRole('group', { name: /^¿Revocar el enlace de Marta\?/ });
  await confirm.waitFor();
  await desk.screenshot({ path: join(shots, 'revoke-asks.png') });
  assert.deepEqual(await axeViolations(desk), [], 'axe-core with the confirmation open');
  const clicked = Date.now();
  await confirm.getByRole('button', { name: 'Sí, revocar' }).click();

  await marta.getByRole('alert').filter({ hasText: wrongKey }).waitFor({ timeout: 5000 });
  const { lost, refused } = await marta.evaluate(() => ({ lost: window.__lost, refused: window.__refused }));
  console.log(`[ facilitators ] revoked: Marta's console lost the connection after ${lost - clicked} ms, refused after ${refused - clicked} ms`);
  assert.ok(lost > 0 && lost - clicked < 1000, `Marta's console shows it lost the connection within 1 s (${lost - clicked} ms)`);
  // What it showed of the workshop is gone with it.
  assert.equal(await marta.getByRole('heading', { name: 'Agenda' }).count(), 0, 'no agenda on a refused console');
  await marta.screenshot({ path: join(shots, 'marta-revoked.png') });

  // Reloaded, the link does not open the console.
  await marta.reload();
  await marta.getByRole('alert').filter({ hasText: wrongKey }).waitFor();
  assert.equal(await marta.getByRole('heading', { name: 'Agenda' }).count(), 0, 'reloaded: no agenda');
  assert.equal(await marta.getByRole('button', { name: /^Ir a: / }).count(), 0, 'reloaded: no agenda items');
  await marta.screenshot({ path: join(shots, 'marta-reloaded.png') });

  // On the main console Marta is listed, greyed, as revoked; Sofía's link still works.
  const martaRow = panel.getByRole('listitem').filter({ hasText: 'Marta' });
  await martaRow.getByText('enlace revocado').waitFor();
  assert.match(await martaRow.getAttribute('class'), /\brevoked\b/);
  assert.equal(await martaRow.getByRole('button').count(), 0, 'a revoked link has no buttons');
  await panel.getByRole('button', { name: 'Revocar el enlace de Sofía' }).waitFor();
  await statusLine(desk).getByText('Conectado', { exact: true }).waitFor();
  await desk.getByRole('button', { name: 'Siguiente →' }).click();
  await now(desk, 'Reto de la pelota de tenis');
  const sofia = await (await newDevice(browser, server, { viewport })).newPage();
  await sofia.goto(await panel.getByRole('textbox', { name: 'Enlace de Sofía', exact: true }).inputValue());
  await now(sofia, 'Reto de la pelota de tenis');
  await sofia.close();
  await desk.screenshot({ path: join(shots, 'revoked.png') });
});

test('axe-core finds nothing on the facilitators panel, in Spanish and English', async () => {
  await facilitatorsPanel(desk);
  assert.deepEqual(await axeViolations(desk), [], 'axe-core in Spanish');
  await desk.getByLabel('Idioma').selectOption('en');
  const panel = desk.getByRole('region', { name: 'Facilitators' });
  await panel.getByRole('button', { name: "Revoke Sofía's link" }).waitFor();
  await panel.getByRole('listitem').filter({ hasText: 'Marta' }).getByText('link revoked').waitFor();
  assert.deepEqual(await axeViolations(desk), [], 'axe-core in English');
  await desk.screenshot({ path: join(shots, 'panel-en.png') });
  await desk.getByLabel('Language').selectOption('es');
});
