// A crowd for the browser tests: hundreds of participants joining (and answering) from one
// page, and a facilitator's commands without the console's buttons. It speaks the pages' own
// protocol with their own generated protobuf code (clients/web/src/gen), bundled here with
// esbuild (vite's) into a script that a page of the server's origin runs
// (page.addScriptTag({ content }), in a context with bypassCSP).
//
// A browser cannot hold 500 WebSockets at once (Chromium stops near 255), so participants join
// in batches and each closes its connection once its Acks are in: they stay on the roster, as
// away. The last `keepOpen` stay connected (pinging), for what needs people present (pairing).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const webDir = resolve(process.env.CAMPANA_WEB_DIR);
const require = createRequire(join(webDir, 'package.json'));

const entry = `
import { create, fromBinary, toBinary, toJson } from '@bufbuild/protobuf';
import { Role } from './gen/campana/v1/common_pb';
import { DocSchema } from './gen/campana/v1/docs_pb';
import { ClientMessageSchema, RejectionCode, ServerMessageSchema } from './gen/campana/v1/wire_pb';

// One connection: Hello, then commands, each answered by an Ack or a Rejection.
class Client {
  constructor(hello, { keepDocs = false } = {}) {
    this.next = 1n;
    this.pending = new Map();
    this.docs = keepDocs ? new Map() : undefined;
    this.ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    this.ws.binaryType = 'arraybuffer';
    this.welcomed = new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, (reply) => (reply.ok ? resolve(reply) : reject(new Error('hello refused: ' + reply.message))));
      this.ws.onopen = () => this.write({ requestId: id, body: { case: 'hello', value: hello } });
      this.ws.onerror = () => reject(new Error('the WebSocket failed'));
    });
    this.ws.onmessage = (event) => this.receive(fromBinary(ServerMessageSchema, new Uint8Array(event.data)));
  }

  write(message) {
    this.ws.send(toBinary(ClientMessageSchema, create(ClientMessageSchema, message)));
  }

  receive(message) {
    const { case: kind, value } = message.body;
    if (kind === 'welcome' || kind === 'ack' || kind === 'rejection') {
      const resolve = this.pending.get(value.requestId);
      this.pending.delete(value.requestId);
      resolve?.(kind === 'rejection' ? { ok: false, code: value.code, message: value.message } : { ok: true, ack: value });
    } else if (this.docs && kind === 'snapshot') {
      this.docs.clear();
      for (const doc of value.docs) this.docs.set(doc.kind + ':' + doc.id, doc);
    } else if (this.docs && kind === 'delta') {
      for (const patch of value.patches) {
        const change = patch.change.value;
        if (patch.change.case === 'put') this.docs.set(change.kind + ':' + change.id, change);
        else if (patch.change.case === 'remove') this.docs.delete(change.kind + ':' + change.id);
      }
    }
  }

  // A command; BUSY (the server shedding load) is tried again a moment later.
  async command(body, clientSeq = 0n) {
    for (let attempt = 0; ; attempt++) {
      const reply = await new Promise((resolve) => {
        const requestId = this.next++;
        this.pending.set(requestId, resolve);
        this.write({ requestId, body: { case: 'command', value: { clientSeq, body } } });
      });
      if (reply.ok || reply.code !== RejectionCode.BUSY || attempt > 20) return reply;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
    }
  }

  ping() {
    this.write({ requestId: this.next++, body: { case: 'ping', value: { clientTimeMs: BigInt(Date.now()) } } });
  }

  close() {
    this.ws.close();
  }
}

function plain(reply) {
  return reply.ok
    ? { ok: true, createdId: reply.ack.result.case === 'createdId' ? reply.ack.result.value : 0 }
    : { ok: false, code: reply.code, message: reply.message };
}

const kept = [];
let desk;

window.campanaCrowd = {
  // A facilitator's connection, kept for commands() below.
  async openDesk(code, facilitatorKey) {
    desk = new Client({ workshopCode: code, role: Role.FACILITATOR, facilitatorKey }, { keepDocs: true });
    await desk.welcomed;
  },
  async command(body) {
    return plain(await desk.command(body));
  },
  // The documents of a kind the facilitator sees, as JSON (the body under its case's name).
  docs(kind) {
    return [...desk.docs.values()].filter((d) => d.kind === kind).map((d) => toJson(DocSchema, d));
  },
  // Joins everyone in people ([{ name, presence, commands: [body...] }]), \`batch\` at a time;
  // each sends its commands (answers) after its Join, one at a time, and closes once every one
  // is acknowledged, but for the last \`keepOpen\`. Resolves with what was refused, if anything.
  async join(code, people, { batch = 40, keepOpen = 0 } = {}) {
    const refused = [];
    for (let from = 0; from < people.length; from += batch) {
      await Promise.all(
        people.slice(from, from + batch).map(async (person, i) => {
          const client = new Client({ workshopCode: code, role: Role.PARTICIPANT });
          await client.welcomed;
          const joinKey = 'crowd-' + Math.random().toString(36).slice(2) + '-' + (from + i);
          const joined = await client.command({ case: 'join', value: { displayName: person.name, presence: person.presence ?? 1, joinKey } });
          if (!joined.ok) refused.push(person.name + ': ' + joined.message);
          let seq = 1n;
          for (const body of joined.ok ? person.commands ?? [] : []) {
            const reply = await client.command(body, seq++);
            if (!reply.ok) refused.push(person.name + ': ' + reply.message);
          }
          if (from + i >= people.length - keepOpen) kept.push(client);
          else client.close();
        }),
      );
    }
    return refused;
  },
  // Commands from the participants still connected, each its own (after what they sent above).
  // \`round\`: the how-manyeth call this is, so that each command has a client_seq of its own (a
  // repeated one is a resend: acknowledged, not applied again).
  async fromKept(makeBody, round = 0) {
    const seq = (i) => 1000n + BigInt(round) * 1000000n + BigInt(i);
    const replies = await Promise.all(kept.map((client, i) => client.command(makeBody(i), seq(i))));
    return replies.filter((r) => !r.ok).map((r) => r.message);
  },
};
// The server closes a connection that says nothing for long: those kept open ping.
setInterval(() => kept.forEach((c) => c.ping()), 5000);
`;

let bundled;

// The script to inject, bundled once per test process.
export async function crowdScript() {
  if (bundled) return bundled;
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: join(webDir, 'src'), sourcefile: 'crowd-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    logLevel: 'silent',
  });
  bundled = result.outputFiles[0].text;
  return bundled;
}

// Bounds a promise in time, naming what did not happen.
export function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
