// HTTPS in front of campana: Debian's HAProxy with deploy/haproxy/campana.cfg as it is shipped,
// and a certificate this test makes with openssl. A phone loads the pages and joins over
// https/wss, through HAProxy only; plain HTTP is redirected; the certificate is replaced while
// the phone is connected (HAProxy's runtime API), new connections get the new one, and the
// phone keeps its WebSocket and still hears the bell.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connect as tlsConnect } from 'node:tls';
import { launchBrowser, newDevice, Server, sourceDir } from './harness.mjs';

let server;
let browser;
let haproxy;
let haproxyLog = '';
const dir = mkdtempSync(join(tmpdir(), 'campana-tls-'));
const certPath = join(dir, 'site.pem');
const adminSocket = join(dir, 'haproxy.sock');
let httpsPort;
let httpPort;

// A self-signed certificate for 127.0.0.1, named `name`: the certificate and its key in one PEM.
function makeCertificate(name) {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '2', '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return readFileSync(cert, 'utf8') + readFileSync(key, 'utf8');
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// The certificate a new TLS connection is shown: its common name.
function servedName() {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port: httpsPort, rejectUnauthorized: false }, () => {
      const name = socket.getPeerCertificate().subject?.CN;
      socket.end();
      resolve(name);
    });
    socket.once('error', reject);
  });
}

// One command on HAProxy's admin socket; its answer.
function admin(command) {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = createConnection(adminSocket, () => socket.write(command));
    socket.on('data', (d) => (answer += d));
    socket.once('end', () => resolve(answer));
    socket.once('error', reject);
  });
}

before(async () => {
  server = await new Server().start();
  writeFileSync(certPath, makeCertificate('campana-first'), { mode: 0o600 });
  [httpsPort, httpPort] = [await freePort(), await freePort()];
  haproxy = spawn('haproxy', ['-db', '-f', join(sourceDir, 'deploy', 'haproxy', 'campana.cfg')], {
    env: {
      ...process.env,
      CAMPANA_HTTPS_BIND: `127.0.0.1:${httpsPort}`,
      CAMPANA_HTTP_BIND: `127.0.0.1:${httpPort}`,
      CAMPANA_CERT: certPath,
      CAMPANA_NODE: `127.0.0.1:${server.port}`,
      CAMPANA_HAPROXY_ADMIN: adminSocket,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  haproxy.stdout.on('data', (d) => (haproxyLog += d));
  haproxy.stderr.on('data', (d) => (haproxyLog += d));
  const exited = new Promise((_, reject) => haproxy.once('exit', (code) => reject(new Error(`haproxy exited (${code}):\n${haproxyLog}`))));
  // Ready once it answers TLS and its health check has found campana up (a bounded wait on
  // those events: each try is a connection, not a sleep).
  const ready = (async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await servedName();
        const stat = await admin('show servers state campana\n');
        if (/ node1 \S+ 2 /.test(stat)) return; // node1, its address, srv_op_state 2: running
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`haproxy did not come up:\n${haproxyLog}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await Promise.race([ready, exited]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  haproxy?.kill('SIGTERM');
  await server?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('a phone joins over https and wss through HAProxy, and keeps its socket when the certificate is replaced', async () => {
  const origin = `https://127.0.0.1:${httpsPort}`;
  const context = await browser.newContext({ locale: 'es-GT', viewport: { width: 390, height: 780 }, ignoreHTTPSErrors: true });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const phone = await context.newPage();
  const sockets = [];
  phone.on('websocket', (ws) => {
    const record = { url: ws.url(), closed: false };
    ws.on('close', () => (record.closed = true));
    sockets.push(record);
  });
  await phone.goto(`${origin}/j/${server.code}`);
  await phone.getByLabel('Tu nombre').fill('Ana López');
  await phone.getByRole('button', { name: 'Unirme' }).click();
  await phone.locator('.me-toggle').getByText('Ana López', { exact: true }).waitFor();
  assert.equal(await phone.evaluate(() => location.protocol), 'https:');
  assert.deepEqual(sockets.map((s) => s.url), [`wss://127.0.0.1:${httpsPort}/ws/${server.code}`]);
  // Everything came through HAProxy's https port: nothing from campana's own port or elsewhere.
  assert.deepEqual(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:')), []);

  // Plain HTTP is sent to HTTPS, the path kept.
  const plain = await fetch(`http://127.0.0.1:${httpPort}/j/${server.code}`, { redirect: 'manual' });
  assert.equal(plain.status, 301);
  assert.match(plain.headers.get('location'), new RegExp(`^https://127\\.0\\.0\\.1(:\\d+)?/j/${server.code}$`));

  // The certificate is replaced while the phone is connected: new connections get the new one.
  assert.equal(await servedName(), 'campana-first');
  const next = makeCertificate('campana-renewed');
  const set = await admin(`set ssl cert ${certPath} <<\n${next}\n`);
  assert.match(set, /Transaction created/, set);
  const commit = await admin(`commit ssl cert ${certPath}\n`);
  assert.match(commit, /Success!/, commit);
  assert.equal(await servedName(), 'campana-renewed');

  // The phone kept its one socket, and it still carries the room: the bell rings on it.
  const desk = await (await newDevice(browser, server, { viewport: { width: 1280, height: 900 } })).newPage();
  await desk.goto(server.console());
  await desk.getByRole('button', { name: /Tocar la campana/ }).click();
  await phone.waitForFunction(() => (window.campanaBells ?? []).length >= 1, null, { timeout: 10_000 });
  assert.equal(sockets.length, 1, `the phone opened ${sockets.length} sockets`);
  assert.equal(sockets[0].closed, false);
  await context.close();
});
