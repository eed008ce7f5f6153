// After a crash and a restart on the same port, every page is connected again within 2 s of
// the server answering, without any page rejoining as a new person. The server is killed
// with SIGKILL and kept down until every page has retried several times, so that each one is
// at the longest wait of its backoff when the server comes back (the worst case).
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

// Records in the page every change of its connection line between "Conectado" and anything
// else, with the wall-clock time of the change (the browser and this process share a clock).
async function watchStatus(page, online) {
  await page.evaluate((onlineText) => {
    window.__status = [];
    let last;
    const check = () => {
      const line = document.querySelector('header.bar [role="status"]');
      const now = line?.textContent === onlineText;
      if (now !== last) {
        last = now;
        window.__status.push({ online: now, at: Date.now() });
      }
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  }, online);
}

// Counts the page's connection attempts (every WebSocket it creates, refused ones too: the
// browser reports no event for those).
async function countAttempts(context) {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    window.__attempts = 0;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        window.__attempts++;
      }
    };
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

test('every page is back within 2 s of the server answering after a kill -9', async () => {
  const pages = [];
  const phones = [];
  for (const [name, remote] of [['Ana', false], ['Beto', false], ['Carla', true]]) {
    const context = await newDevice(browser, server);
    await countAttempts(context);
    const page = await context.newPage();
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    if (remote) await page.getByLabel('En línea').check();
    await page.getByRole('button', { name: 'Unirme' }).click();
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    const identity = await page.evaluate((code) => JSON.parse(localStorage.getItem(`campana:${code}:identity`)), server.code);
    assert.ok(identity.participantId > 0, `${name} has a participant id`);
    phones.push({ name, page, id: identity.participantId });
    pages.push({ label: `phone ${name}${remote ? ' (remote)' : ''}`, page });
  }
  const screenContext = await newDevice(browser, server, { viewport: { width: 1280, height: 720 } });
  await countAttempts(screenContext);
  const screen = await screenContext.newPage();
  await screen.goto(server.screen());
  pages.push({ label: 'projector', page: screen });
  const deskContext = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  await countAttempts(deskContext);
  const desk = await deskContext.newPage();
  await desk.goto(server.console());
  await desk.getByRole('heading', { name: 'Participantes (3)' }).waitFor();
  pages.push({ label: 'console', page: desk });

  for (const { page } of pages) {
    await page.getByRole('status').getByText('Conectado', { exact: true }).waitFor();
    await watchStatus(page, 'Conectado');
  }

  for (const entry of pages) entry.before = await entry.page.evaluate(() => window.__attempts);
  const killedAt = Date.now();
  await server.kill();

  // Every page notices, and keeps trying: five attempts each take it past 0-200, 0-400 and
  // 0-800 ms to the longest wait (0-1.5 s).
  for (const { page } of pages) {
    await page.getByRole('status').getByText('Sin conexión. Reintentando…').waitFor({ timeout: 10000 });
  }
  await Promise.all(pages.map(({ page, before }) =>
    page.waitForFunction((n) => window.__attempts >= n + 5, before, { timeout: 20000 })));
  const downFor = Date.now() - killedAt;

  const started = server.start();  // the same port, the same database
  const answeredAt = await server.healthySince();
  await started;

  const delays = [];
  for (const entry of pages) {
    const handle = await entry.page.waitForFunction(
      (since) => window.__status.find((s) => s.online && s.at > since)?.at,
      killedAt,
      { timeout: 10000, polling: 50 },
    );
    const at = await handle.jsonValue();
    entry.delay = at - answeredAt;
    entry.attempts = (await entry.page.evaluate(() => window.__attempts)) - entry.before;
    delays.push(entry.delay);
  }
  const line = pages.map((e) => `${e.label} ${e.delay} ms (${e.attempts} attempts)`).join(', ');
  console.log(`[ reconnect ] down ${downFor} ms; back after /healthz answered: median ${median(delays)} ms, max ${Math.max(...delays)} ms`);
  console.log(`[ reconnect ] ${line}`);
  for (const entry of pages) assert.ok(entry.delay <= 2000, `${entry.label} back within 2 s (${entry.delay} ms)`);

  // The same people: nobody joined again, and each phone kept its participant.
  for (const { name, page, id } of phones) {
    await page.locator('.me-toggle').getByText(name, { exact: true }).waitFor();
    const identity = await page.evaluate((code) => JSON.parse(localStorage.getItem(`campana:${code}:identity`)), server.code);
    assert.equal(identity.participantId, id, `${name} is the same participant`);
  }
  await desk.getByRole('heading', { name: 'Participantes (3)' }).waitFor();
  const rows = await desk.locator('table.people tbody tr').allInnerTexts();
  assert.equal(rows.length, 3, 'three people on the console');
  for (const { name } of phones) assert.equal(rows.filter((r) => r.includes(name)).length, 1, `${name} once`);
});

test('an attempt that hangs is abandoned after 4 s and the next one connects', async () => {
  const context = await newDevice(browser, server, { viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // The first connection goes nowhere: it opens but nothing ever answers its Hello, as with
  // a server that hangs or a network that swallows packets. The next ones reach the server.
  let attempts = 0;
  let abandonedAt;
  await page.routeWebSocket(/\/ws(\/[A-Za-z0-9-]+)?$/, (ws) => {
    if (++attempts === 1) {
      ws.onMessage(() => {});
      ws.onClose(() => (abandonedAt = Date.now()));
      return;
    }
    ws.connectToServer();
  });
  const openedAt = Date.now();
  await page.goto(server.screen());
  await page.getByRole('status').getByText('Conectado', { exact: true }).waitFor({ timeout: 15000 });
  const connectedAfter = Date.now() - openedAt;
  console.log(`[ reconnect ] a hanging first attempt: abandoned after ${abandonedAt - openedAt} ms, connected after ${connectedAfter} ms`);
  assert.ok(abandonedAt !== undefined, 'the page closed the hanging attempt');
  assert.ok(abandonedAt - openedAt >= 3900 && abandonedAt - openedAt < 6000, `abandoned after about 4 s (${abandonedAt - openedAt} ms)`);
  assert.ok(connectedAfter < 7000, `connected soon after (${connectedAfter} ms)`);
  assert.equal(attempts, 2, 'the second attempt connected');
  await context.close();
});

test('the network coming back ("online") reconnects at once, without waiting for a retry', async () => {
  const context = await newDevice(browser, server, { viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // The page's timers are under the test's control: once paused, no retry can fire, so a
  // reconnection can only come from the event.
  await page.clock.install();
  await page.goto(server.screen());
  await page.getByRole('status').getByText('Conectado', { exact: true }).waitFor();
  // (A second ahead of the page's clock: pausing cannot go back in time. Timers due in
  // that second fire; a connected page has none that matter.)
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));

  await server.kill();
  await page.getByRole('status').getByText('Sin conexión. Reintentando…').waitFor();
  const started = server.start();
  await server.healthySince();
  await started;
  assert.equal(await page.getByRole('status').getByText('Conectado', { exact: true }).count(), 0, 'still offline: no retry can fire');

  const at = Date.now();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.getByRole('status').getByText('Conectado', { exact: true }).waitFor({ timeout: 5000 });
  console.log(`[ reconnect ] "online" to connected: ${Date.now() - at} ms`);
  await page.clock.resume();
  await context.close();
});
