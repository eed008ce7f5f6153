// A keynote's QR code: a crowd joins at once and takes the workshop's whole join budget; the
// phones that come right after are told BUSY by the real server (nothing is put in by the
// test: it only watches the page's WebSocket). Each page sends its Join again after a random
// 0.5-2.5 s, as many times as it takes, shows no error, and gets in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { crowdScript, within } from './crowd.mjs';
import { launchBrowser, newDevice, Server } from './harness.mjs';
import { BUSY, bytesOf, commandName, fields, serverRejection } from './wire.mjs';

// A budget the crowd uses up: 20 at once, then one more person every 5 s. The four phones
// arriving after the crowd can get in only one every 5 s: on a busy machine a place or two may
// have come back before they tap, but at least two are told BUSY, and the last waits 10 s or
// more, trying again every 0.5-2.5 s (within the page's 30 s).
const crowdSize = 20;
const phones = ['Ana', 'Beto', 'Carla', 'Dario'];
const args = ['--join-burst', String(crowdSize), '--joins-per-second', '0.2'];

let server;
let browser;

before(async () => {
  server = await new Server({ args }).start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

// Watches a page's WebSocket without changing it: each Join it sends, and each BUSY the
// server answers, with their times.
async function watchJoins(page) {
  const joins = [];
  const busy = [];
  await page.routeWebSocket(/\/ws(\/[A-Za-z0-9-]+)?$/, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((message) => {
      if (commandName(fields(bytesOf(message))) === 'join') joins.push(Date.now());
      upstream.send(message);
    });
    upstream.onMessage((message) => {
      const rejection = fields(bytesOf(message)).get(serverRejection);
      if (rejection && Number(fields(rejection).get(3)) === BUSY) busy.push(Date.now());
      ws.send(message);
    });
  });
  return { joins, busy };
}

test('phones told BUSY while a crowd joins try again at random moments and get in', async () => {
  // The crowd: 20 people in one batch, from one page of the server's origin.
  const crowd = await (await newDevice(browser, server, { bypassCSP: true })).newPage();
  await crowd.goto(server.base);
  await crowd.addScriptTag({ content: await crowdScript() });
  const people = Array.from({ length: crowdSize }, (_, i) => ({ name: `Persona ${i + 1}` }));

  const pages = [];
  for (const name of phones) {
    const page = await (await newDevice(browser, server)).newPage();
    const seen = await watchJoins(page);
    await page.goto(server.phone());
    await page.getByLabel('Tu nombre').fill(name);
    await page.evaluate(() => {
      window.__alerts = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role="alert"]')) window.__alerts.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    pages.push({ name, page, seen });
  }

  const refused = await within(30_000, 'the crowd joined', crowd.evaluate(([code, p]) => window.campanaCrowd.join(code, p, { batch: p.length }), [server.code, people]));
  assert.deepEqual(refused, [], 'the crowd got in within its burst');
  // The four phones at once, right after the crowd.
  await Promise.all(pages.map(({ page }) => page.getByRole('button', { name: 'Unirme' }).click()));
  await within(60_000, 'every phone joined', Promise.all(pages.map(({ page, name }) => page.locator('.me-toggle').getByText(name, { exact: true }).waitFor({ timeout: 60_000 }))));

  const gaps = [];
  for (const { name, page, seen } of pages) {
    const { joins, busy } = seen;
    assert.equal(joins.length, busy.length + 1, `${name}: one Join per BUSY, and the last one let in`);
    for (let i = 1; i < joins.length; i++) gaps.push(joins[i] - joins[i - 1]);
    assert.deepEqual(await page.evaluate(() => window.__alerts), [], `${name} saw no error`);
  }
  const told = pages.filter(({ seen }) => seen.busy.length > 0).length;
  console.log(`[ join-storm ] ${told} of ${pages.length} phones told BUSY; Joins sent again after ${gaps.join(', ')} ms`);
  assert.ok(told >= 2, `the budget was spent: ${told} phones were told BUSY`);
  assert.ok(gaps.length >= 4, `the last phones tried several times (${gaps.length} retries)`);
  // 0.5-2.5 s of the page's own, plus the round trip and a busy page's delay.
  for (const gap of gaps) assert.ok(gap >= 480 && gap <= 3000, `a retry after 0.5-2.5 s (${gap} ms)`);
  // Jitter: phones turned away together do not come back together. Four or more draws from
  // 0.5-2.5 s all within 100 ms of each other has a chance under 1 in 5,000.
  assert.ok(Math.max(...gaps) - Math.min(...gaps) >= 100, `the retries are spread out (${gaps.join(', ')} ms)`);

  // Everyone is on the roster, once.
  const facilitator = await (await newDevice(browser, server, { viewport: { width: 1280, height: 900 } })).newPage();
  await facilitator.goto(server.console());
  for (const name of phones) await facilitator.getByText(name, { exact: true }).first().waitFor();
});
