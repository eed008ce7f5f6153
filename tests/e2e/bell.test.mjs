// Every device rings the bell at the same instant, whatever its own clock says. Pages whose
// clocks are shifted by seconds from each other and from the server measure their offset
// with Ping/Pong and schedule the ring in server time; each page records the true moment it
// rang (performance.timeOrigin + performance.now(), which the shift does not touch).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newDevice, Server } from './harness.mjs';

const shifts = [-4200, 0, 1700, 6300, -900];  // ms each page's clock is off
const maxSpreadMs = 50;

let server;
let browser;
const pages = [];

function shiftClock(shift) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...args);
    }
    static now() {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate;
}

before(async () => {
  server = await new Server().start();
  browser = await launchBrowser();
  for (const [i, shift] of shifts.entries()) {
    const projector = i === shifts.length - 1;
    const context = await newDevice(browser, server, { viewport: projector ? { width: 1280, height: 720 } : undefined });
    await context.addInitScript(shiftClock, shift);
    const page = await context.newPage();
    if (projector) {
      await page.goto(server.screen());
      await page.getByText(server.code, { exact: true }).waitFor();
    } else {
      await page.goto(server.phone());
      await page.getByLabel('Tu nombre').fill(`Teléfono ${i}`);
      await page.getByRole('button', { name: 'Unirme' }).click();
      await page.locator('.me-toggle').getByText(`Teléfono ${i}`, { exact: true }).waitFor();
    }
    const skew = await page.evaluate(() => Date.now() - (performance.timeOrigin + performance.now()));
    assert.ok(Math.abs(skew - shift) < 50, `page ${i}'s clock is off by ${skew} ms as planned`);
    pages.push(page);
  }
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

// Each page's ring: when it truly rang, and how that splits between the page's estimate of
// the server's clock and the lateness of its timeout (the browser's and the machine's load).
async function ringsOnEveryPage(count) {
  const rings = [];
  for (const page of pages) {
    await page.waitForFunction((n) => (window.campanaBells ?? []).length >= n, count, { timeout: 15000 });
    rings.push(await page.evaluate((n) => window.campanaBells[n - 1], count));
  }
  const parts = rings.map((r) => {
    const off = r.at - r.serverAt;
    return `${off.toFixed(1)} (clock ${(off - r.late).toFixed(1)}, timeout ${r.late.toFixed(1)})`;
  });
  console.log(`[ bell ] ms after the moment, per page: ${parts.join('; ')}`);
  return rings.map((r) => r.at);
}

function spread(times) {
  return Math.max(...times) - Math.min(...times);
}

test('a timer running out rings every page within 50 ms', async () => {
  const context = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  const desk = await context.newPage();
  await desk.goto(server.console());
  await desk.getByRole('tab', { name: 'Temporizadores' }).click();
  await desk.getByLabel('Nombre del temporizador').fill('Estrategia');
  await desk.getByLabel('Minutos').fill('0');
  await desk.getByLabel('Segundos').fill('3');
  await desk.getByRole('button', { name: 'Crear' }).click();
  await desk.getByRole('button', { name: 'Iniciar: Estrategia', exact: true }).click();
  // Every phone shows the countdown while it runs.
  for (const page of pages) await page.getByRole('timer', { name: /Estrategia: 0:0[1-3]/ }).waitFor({ timeout: 3000 });

  const times = await ringsOnEveryPage(1);
  const measured = spread(times);
  console.log(`[ bell ] timer: ${pages.length} pages, clocks off by ${shifts.join(', ')} ms; rang within ${measured.toFixed(1)} ms`);
  assert.ok(measured <= maxSpreadMs, `spread ${measured.toFixed(1)} ms`);
  for (const page of pages) await page.getByText('¡Tiempo!').first().waitFor();
  await context.close();
});

test('"ring the bell now" rings every page within 50 ms', async () => {
  const context = await newDevice(browser, server, { viewport: { width: 1280, height: 900 } });
  const desk = await context.newPage();
  await desk.goto(server.console());
  await desk.getByRole('button', { name: /Tocar la campana/ }).click();
  const times = await ringsOnEveryPage(2);
  const measured = spread(times);
  console.log(`[ bell ] ring now: rang within ${measured.toFixed(1)} ms`);
  assert.ok(measured <= maxSpreadMs, `spread ${measured.toFixed(1)} ms`);
  // And the flash is seen.
  await context.close();
});
