// When the server answers BUSY (it sheds load: a room joining at once, one device sending too
// fast), the page sends the same command again after a random 0.5-2.5 s, and the person sees
// no error: a join, an answer in the outbox, a facilitator's click. Only a BUSY that lasts
// says, calmly, that the page keeps trying. The BUSY answers are put in by the test, between
// the page and the real server (Playwright's WebSocket routing), for chosen commands only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newDevice, Server } from './harness.mjs';
import { BUSY, bytesOf, commandName, field, fields, serverRejection } from './wire.mjs';

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

// Routes the page's WebSocket through the test: `refuse(name, attempt)` says whether to
// answer the attempt-th command of that kind with BUSY instead of passing it on. Every
// command seen is recorded with its time.
async function busyRoute(page, refuse) {
  const seen = [];
  await page.routeWebSocket(/\/ws(\/[A-Za-z0-9-]+)?$/, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((message) => {
      const top = fields(bytesOf(message));
      const name = commandName(top);
      if (name) {
        const body = fields(top.get(4));
        const attempt = seen.filter((s) => s.name === name).length + 1;
        const refused = refuse(name, attempt);
        seen.push({ name, at: Date.now(), refused });
        if (refused) {
          const rejection = [...field(1, top.get(1)), ...field(2, body.get(1) ?? 0n), ...field(3, BUSY), ...field(4, 'busy (test)')];
          ws.send(Buffer.from(field(serverRejection, rejection)));
          return;
        }
      }
      upstream.send(message);
    });
  });
  return seen;
}

// Records, in the page, whether anything with role="alert" ever appeared.
async function watchAlerts(page) {
  await page.evaluate(() => {
    window.__alerts = [];
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="alert"]')) window.__alerts.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

function gaps(seen, name) {
  const times = seen.filter((s) => s.name === name).map((s) => s.at);
  return times.slice(1).map((t, i) => t - times[i]);
}

test('a join, an answer and a facilitator click refused with BUSY go through without an error', async () => {
  const phone = await (await newDevice(browser, server)).newPage();
  const phoneSeen = await busyRoute(phone, (name, attempt) => (name === 'join' || name === 'submitAnswer') && attempt <= 2);
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').waitFor();
  await watchAlerts(phone);
  await phone.getByLabel('Tu nombre').fill('Ana');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText('Ana', { exact: true }).waitFor({ timeout: 15000 });

  const desk = await (await newDevice(browser, server, { viewport: { width: 1280, height: 900 } })).newPage();
  const deskSeen = await busyRoute(desk, (name, attempt) => name === 'gotoAgendaItem' && attempt === 1);
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Agenda' }).waitFor();
  await watchAlerts(desk);
  await desk.getByRole('button', { name: 'Ir a: Reflexión' }).click();
  await phone.getByRole('heading', { name: /¿Cómo te ayudó esta actividad/ }).waitFor({ timeout: 15000 });

  await phone.getByLabel('Tu respuesta').fill('Escuchar antes de hablar');
  await phone.getByRole('button', { name: 'Enviar' }).click();
  await desk.getByText('Escuchar antes de hablar').waitFor({ timeout: 15000 });
  await phone.getByText(/por enviar/).waitFor({ state: 'detached' });

  const joins = gaps(phoneSeen, 'join');
  const answers = gaps(phoneSeen, 'submitAnswer');
  const clicks = gaps(deskSeen, 'gotoAgendaItem');
  console.log(`[ busy ] retried after BUSY: join ${joins.join(', ')} ms; answer ${answers.join(', ')} ms; facilitator ${clicks.join(', ')} ms`);
  assert.equal(joins.length, 2, 'the join was sent three times');
  assert.equal(answers.length, 2, 'the answer was sent three times');
  assert.equal(clicks.length, 1, 'the click was sent twice');
  for (const gap of [...joins, ...answers, ...clicks]) assert.ok(gap >= 480 && gap <= 2700, `retried after 0.5-2.5 s (${gap} ms)`);
  assert.equal(await desk.getByText('Escuchar antes de hablar').count(), 1, 'the answer arrived once');
  assert.deepEqual(await phone.evaluate(() => window.__alerts), [], 'the phone showed no error');
  assert.deepEqual(await desk.evaluate(() => window.__alerts), [], 'the console showed no error');
});

test('a join refused with BUSY for long says that it keeps trying, then gets in', async () => {
  let open = false;
  const phone = await (await newDevice(browser, server)).newPage();
  const seen = await busyRoute(phone, (name) => name === 'join' && !open);
  await phone.goto(server.phone());
  await phone.getByLabel('Tu nombre').waitFor();
  await watchAlerts(phone);
  await phone.getByLabel('Tu nombre').fill('Beto');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.getByRole('status').getByText('Mucha gente está entrando a la vez. Seguimos intentando…').waitFor({ timeout: 15000 });
  const refusedSoFar = seen.length;
  assert.ok(refusedSoFar >= 3, `several attempts before saying so (${refusedSoFar})`);
  open = true;
  await phone.locator('.me-toggle').getByText('Beto', { exact: true }).waitFor({ timeout: 15000 });
  assert.equal(await phone.getByText('Seguimos intentando').count(), 0, 'the note is gone');
  assert.deepEqual(await phone.evaluate(() => window.__alerts), [], 'no error');
});
