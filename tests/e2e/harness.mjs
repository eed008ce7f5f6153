// Shared by the browser tests: the real campana binary on a loopback port, and Debian's
// Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
// Relative paths (run by hand from the source tree) work as well as ctest's absolute ones.
export const webDir = resolve(process.env.CAMPANA_WEB_DIR);
const { chromium } = require(join(webDir, 'node_modules', 'playwright-core'));

export const binary = resolve(process.env.CAMPANA_BIN);
export const sourceDir = resolve(process.env.CAMPANA_SOURCE_DIR);
export const webRoot = join(webDir, 'dist');
export const outputDir = process.env.CAMPANA_TEST_OUTPUT ?? join(sourceDir, 'test-output');

// A campana process. start() resolves once it listens (read from its log, not a sleep).
export class Server {
  constructor({ template = join(sourceDir, 'deploy', 'templates', 'demo.es.json'), args = [] } = {}) {
    this.dir = mkdtempSync(join(tmpdir(), 'campana-e2e-'));
    this.template = template;
    this.args = args;
    this.port = 0;
    this.log = '';
    this.out = '';
  }

  async start() {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--db', join(this.dir, 'campana.db'),
      '--web-root', webRoot, '--public-host', '127.0.0.1', '--demo', this.template, ...this.args];
    this.process = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (d) => (this.out += d));
    this.process.stderr.on('data', (d) => (this.log += d));
    const exited = new Promise((_, reject) =>
      this.process.once('exit', (code) => reject(new Error(`campana exited (${code}):\n${this.log}`))));
    const ready = new Promise((resolve) => {
      const check = () => {
        const listening = this.log.match(/listening on [^ ]+:(\d+)/);
        if (listening && this.out.includes('/console/')) {
          this.port = Number(listening[1]);
          resolve();
          return true;
        }
        return false;
      };
      const onData = () => { if (check()) { this.process.stdout.off('data', onData); this.process.stderr.off('data', onData); } };
      this.process.stdout.on('data', onData);
      this.process.stderr.on('data', onData);
    });
    await Promise.race([ready, exited]);
    const console = this.out.match(/\/console\/([A-Z0-9]{6})#key=([0-9a-f]+)/);
    this.code = console[1];
    this.key = console[2];
    // The projector link carries its own secret (#key=...) since projector links exist.
    const projector = this.out.match(/Projector: +\S*\/screen\/[A-Z0-9]{6}(?:#key=([^\s#]+))?/);
    this.projectorKey = projector?.[1] ?? '';
    this.base = `http://127.0.0.1:${this.port}`;
    return this;
  }

  // SIGTERM, and wait for the process to end.
  async stop() {
    if (!this.process || this.process.exitCode !== null) return;
    const done = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await done;
    this.log = '';
    this.out = '';
  }

  // SIGKILL, as a crash or a power cut would: no goodbye to any device.
  async kill() {
    if (!this.process || this.process.exitCode !== null) return;
    const done = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGKILL');
    await done;
    this.log = '';
    this.out = '';
  }

  // Resolves with the time (Date.now()) at which /healthz first answers 200 on this server's
  // port, asking every 10 ms: for measuring how soon after that the pages are back.
  async healthySince({ timeoutMs = 30000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (response.ok) return Date.now();
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error('/healthz never answered');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async restart() {
    await this.stop();
    return this.start();  // the same port: pages reconnect by themselves
  }

  async dispose() {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  phone() { return `${this.base}/j/${this.code}`; }
  // The projector as the printed projector link opens it, with everyone's names.
  screen() { return `${this.base}/screen/${this.code}${this.projectorKey ? `#key=${this.projectorKey}` : ''}`; }
  // The projector without its key: the public view.
  publicScreen() { return `${this.base}/screen/${this.code}`; }
  console() { return `${this.base}/console/${this.code}#key=${this.key}`; }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      // Several pages ring the bell at once in one browser: none may be throttled as hidden.
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

// A fresh context (its own storage, like a separate phone), in a language, and a record of
// every request its pages make, to check that none leaves the server's origin.
export async function newDevice(browser, server, { locale = 'es-GT', viewport = { width: 390, height: 780 }, bypassCSP = false, acceptDownloads = false } = {}) {
  const context = await browser.newContext({ locale, viewport, bypassCSP, acceptDownloads });
  context.requests = [];
  context.on('request', (request) => context.requests.push(request.url()));
  context.on('page', reportTrouble);
  return context;
}

// What a page could not do (an exception, a warning or error it logged, a request that failed)
// goes to the test's stderr, which ctest prints when the test fails: a browser test that times
// out on a slow machine then says why.
function reportTrouble(page) {
  const say = (what) => process.stderr.write(`[browser ${new URL(page.url() || 'about:blank').pathname}] ${what}\n`);
  page.on('pageerror', (error) => say(`exception: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (['warning', 'error'].includes(message.type())) say(`${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => say(`request failed: ${request.url()}: ${request.failure()?.errorText}`));
}

export function foreignRequests(context, server) {
  return context.requests.filter((url) => {
    const u = new URL(url);
    return !(u.host === `127.0.0.1:${server.port}` && ['http:', 'ws:'].includes(u.protocol)) && u.protocol !== 'data:';
  });
}

export function ensureOutputDir(...parts) {
  const dir = join(outputDir, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Runs axe-core in the page (its context must bypass the page's CSP, which forbids injected
// scripts) and returns the violations of its WCAG A/AA rules.
export async function axeViolations(page) {
  await page.addScriptTag({ path: join(webDir, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

// Groups chosen on the phones, from the console's groups tab: `count` groups, each person of
// `people` ({name: {group}}) taps their group on their phone, then the choice is closed.
export async function formChosenGroups(desk, phones, people, count) {
  await desk.getByRole('tab', { name: 'Grupos' }).click();
  const tab = desk.getByRole('tabpanel');
  await tab.getByLabel('Modo').selectOption({ label: 'Cada quien elige' });
  await tab.getByLabel('Cuántos grupos').fill(String(count));
  await tab.getByRole('button', { name: 'Formar grupos' }).click();
  // (Choosing opens the choice at once.)
  await tab.getByRole('button', { name: 'Cerrar la elección de grupo' }).waitFor();
  for (const [name, { group }] of Object.entries(people)) {
    const page = phones.get(name);
    await page.getByRole('button', { name: `Unirme al grupo ${group}` }).click();
    await page.locator('.me-toggle .me-group').getByText(`Grupo ${group}`).waitFor();
  }
  await tab.getByRole('button', { name: 'Cerrar la elección de grupo' }).click();
}
