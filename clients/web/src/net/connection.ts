import { DocKind } from '../gen/campana/v1/docs_enums';
// One device's connection to its workshop: says Hello (resuming when it can), keeps the View
// current, measures the clock, sends commands and awaits their replies, and keeps a
// participant's submissions in a persistent outbox until the server acknowledges them.
// Reconnects by itself: at once when the network comes back or the page is shown again, and
// otherwise after a short random wait that grows with each failure (exponential backoff with
// full jitter, capped at 1.5 s). A room of phones whose server restarts spreads its retries
// over that window instead of arriving together, and every phone is back within about 2 s of
// the server answering again.

import { create, fromBinary, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { type Command, CommandSchema } from '../gen/campana/v1/commands_pb';
import { type Presence, Role } from '../gen/campana/v1/common_enums';
import { RejectionCode } from '../gen/campana/v1/wire_enums';
import {
  type Ack,
  type ClientMessage,
  ClientMessageSchema,
  type Rejection,
  type ServerMessage,
  ServerMessageSchema,
} from '../gen/campana/v1/wire_pb';
import type { View } from '../state/view';
import { identityToCarry } from './carryOver';
import type { Clock } from './clock';
import { fromBase64, toBase64, WorkshopStorage } from './storage';

export type Status = 'connecting' | 'online' | 'offline' | 'unknown-workshop' | 'denied';
// A command as the pages write it: { case: 'join', value: { displayName: 'Ana', ... } }.
export type CommandBody = NonNullable<MessageInitShape<typeof CommandSchema>['body']>;
export type Reply = { ok: true; ack: Ack } | { ok: false; code: RejectionCode | 'unsent'; message: string };

interface Options {
  code: string;
  role: Role;
  facilitatorKey?: string;
  projectorKey?: string;
  view: View;
  clock: Clock;
  storage: WorkshopStorage;
  url?: string;
}

// Retry n waits a random time in [0, min(cap, base * 2^n)): 0-200 ms, 0-400, 0-800, then
// 0-1500 ms for as long as the server stays away.
const retryBaseMs = 200;
const retryCapMs = 1500;
// An attempt that has not been welcomed by then is abandoned: a SYN to a dead address (the
// old network after a Wi-Fi change) can otherwise hang for a minute or more.
const connectTimeoutMs = 4000;
// After a network change or a wake-up an open socket must answer a ping within this, or it
// is taken for dead and replaced.
const probeTimeoutMs = 2500;
const pingEveryMs = 10_000;
const burstPingsAtMs = [0, 300, 1000, 2500, 5000];
const deadAfterMs = 25_000;

// A command refused with BUSY (the server sheds load: a room joining at once, or one device
// sending too fast) was not applied, so it is sent again after 0.5-2.5 s, at random so that
// the devices turned away together do not come back together. The person sees nothing of
// it for the first seconds; then a calm "still trying"; a facilitator's click or a join
// gives up, and says so, after 30 s. The outbox never gives up.
const busyNoticeAfterMs = 5000;
const busyGiveUpMs = 30_000;

export function busyRetryMs(random: () => number = Math.random): number {
  return 500 + random() * 2000;
}

export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(retryCapMs, retryBaseMs * 2 ** Math.min(attempt, 16));
}

export class Connection {
  private ws: WebSocket | undefined;
  private nextRequest = 1n;
  private pending = new Map<bigint, (reply: Reply) => void>();
  private pings = new Map<bigint, number>();
  private attempts = 0;
  private reconnectTimer: number | undefined;
  private connectTimer: number | undefined;
  private probeTimer: number | undefined;
  private pingTimer: number | undefined;
  private lastHeard = 0;
  private welcomed = false;
  // Saying Hello with the identity of the workshop before this one in its series (carryOver).
  private carrying = false;
  private stopped = false;
  private outboxInFlight = false;
  private outboxTimer: number | undefined;
  private busySince: number | undefined;
  private busyTimer: number | undefined;
  private listeners = new Set<() => void>();

  status: Status = 'connecting';
  participantId = 0;
  removed = false;
  lastRejection: Reply | undefined;
  // The server has been answering BUSY for a while (more than busyNoticeAfterMs): the pages
  // say that they keep trying.
  busyLong = false;
  // The last submission the server refused for good (not BUSY): it left the outbox, and the
  // page says why instead of dropping it silently.
  refusedSubmission: { kind: Command['body']['case']; reply: Reply } | undefined;

  constructor(private readonly options: Options) {
    const identity = options.storage.identity();
    if (options.role === Role.PARTICIPANT && identity) this.participantId = identity.participantId;
  }

  start(): void {
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.clearTimeout(this.reconnectTimer);
    window.clearTimeout(this.connectTimer);
    window.clearTimeout(this.probeTimer);
    window.clearTimeout(this.outboxTimer);
    window.clearTimeout(this.busyTimer);
    window.clearInterval(this.pingTimer);
    this.ws?.close();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }

  // Sends a command and resolves with its Ack or Rejection. Not kept if the connection drops:
  // for facilitators' clicks, which they see fail and can repeat. BUSY is retried (above).
  async send(body: CommandBody): Promise<Reply> {
    const command = create(CommandSchema, { body });
    const started = Date.now();
    for (;;) {
      const reply = await this.request(command);
      if (reply.ok || reply.code !== RejectionCode.BUSY) {
        this.notBusy();
        return reply;
      }
      this.busy();
      if (this.stopped || Date.now() - started >= busyGiveUpMs) return reply;
      await new Promise((resolve) => window.setTimeout(resolve, busyRetryMs()));
    }
  }

  private busy(): void {
    if (this.busySince !== undefined) return;
    this.busySince = Date.now();
    window.clearTimeout(this.busyTimer);
    this.busyTimer = window.setTimeout(() => {
      this.busyLong = true;
      this.changed();
    }, busyNoticeAfterMs);
  }

  private notBusy(): void {
    if (this.busySince === undefined) return;
    this.busySince = undefined;
    window.clearTimeout(this.busyTimer);
    if (this.busyLong) {
      this.busyLong = false;
      this.changed();
    }
  }

  // A participant's submission: stored on the device first, then sent, and resent after any
  // reconnection until the server acknowledges it; the server's (participant, seq) dedupe makes
  // resending safe. Sent one at a time, in order, as the protocol requires.
  submit(body: CommandBody): void {
    const command = create(CommandSchema, { clientSeq: this.options.storage.nextSeq(), body });
    const outbox = this.options.storage.outbox();
    outbox.push({ seq: command.clientSeq.toString(), command: toBase64(toBinary(CommandSchema, command)) });
    this.options.storage.saveOutbox(outbox);
    this.changed();
    void this.flushOutbox();
  }

  forgetRefusal(): void {
    this.refusedSubmission = undefined;
    this.changed();
  }

  outboxSize(): number {
    return this.options.storage.outbox().length;
  }

  // A device a facilitator kept out: its Join was refused with REMOVED. Nothing retries the
  // join by itself; the person may try again (after a facilitator lets them back).
  get keptOut(): boolean {
    return this.options.storage.keptOut();
  }

  forgetKeptOut(): void {
    this.options.storage.setKeptOut(false);
    this.changed();
  }

  // The person's own code, from their Join's Ack ('' for an identity stored before there were
  // codes, or none yet).
  get personalCode(): string {
    return this.options.storage.identity()?.personalCode ?? '';
  }

  // A Join with a personal code (and no name) makes this device the person who has it.
  async join(displayName: string, presence: Presence, personalCode = ''): Promise<Reply> {
    const reply = await this.send({
      case: 'join',
      value: { displayName, presence, joinKey: this.options.storage.joinKey(), personalCode },
    });
    if (!reply.ok && reply.code === RejectionCode.REMOVED) {
      this.options.storage.setKeptOut(true);
      this.changed();
    }
    if (reply.ok && reply.ack.result.case === 'joined') {
      const joined = reply.ack.result.value;
      this.participantId = joined.participantId;
      this.removed = false;
      this.options.storage.setKeptOut(false);
      this.options.storage.saveIdentity({
        token: joined.resumeToken,
        participantId: joined.participantId,
        joinKey: this.options.storage.joinKey(),
        personalCode: joined.personalCode,
      });
      // The person's other device counted its submissions: this one counts on from the last
      // the server applied, or the server would take its first ones for resends.
      if (personalCode) this.options.storage.raiseSeq(joined.lastClientSeq);
      this.changed();
      void this.flushOutbox();
    }
    return reply;
  }

  private request(command: Command): Promise<Reply> {
    return new Promise((resolve) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN || !this.welcomed) {
        resolve({ ok: false, code: 'unsent', message: 'offline' });
        return;
      }
      const requestId = this.nextRequest++;
      this.pending.set(requestId, resolve);
      this.write(create(ClientMessageSchema, { requestId, body: { case: 'command', value: command } }));
    });
  }

  private write(message: ClientMessage): void {
    this.ws?.send(toBinary(ClientMessageSchema, message));
  }

  private url(): string {
    if (this.options.url) return this.options.url;
    // The code in the path lets a proxy in front send every device of a workshop to the node
    // that runs it (deploy/haproxy/); the server serves the workshop the Hello names. A code
    // no workshop can have goes to /ws, so that its Hello gets the server's "no such workshop".
    const path = /^[A-Za-z0-9-]{1,32}$/.test(this.options.code) ? `/ws/${this.options.code}` : '/ws';
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
  }

  private open(): void {
    if (this.stopped) return;
    window.clearTimeout(this.reconnectTimer);
    this.welcomed = false;
    this.status = this.attempts === 0 ? 'connecting' : 'offline';
    this.changed();
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url());
    } catch {
      this.dropped();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    window.clearTimeout(this.connectTimer);
    this.connectTimer = window.setTimeout(() => {
      if (ws === this.ws && !this.welcomed) this.abandon();
    }, connectTimeoutMs);
    ws.onopen = () => this.hello();
    ws.onmessage = (event) => {
      if (ws !== this.ws) return;
      this.lastHeard = Date.now();
      if (!(event.data instanceof ArrayBuffer)) return;
      this.receive(fromBinary(ServerMessageSchema, new Uint8Array(event.data)));
    };
    ws.onclose = () => {
      if (ws !== this.ws) return;
      this.dropped();
    };
  }

  private hello(): void {
    const { view, storage, role, code, facilitatorKey, projectorKey } = this.options;
    const identity = role === Role.PARTICIPANT ? storage.identity() : undefined;
    const resume = view.loaded && view.epoch !== '';
    this.write(
      create(ClientMessageSchema, {
        requestId: this.nextRequest++,
        body: {
          case: 'hello',
          value: {
            workshopCode: code,
            role,
            resumeToken: identity?.token ?? '',
            facilitatorKey: facilitatorKey ?? '',
            projectorKey: projectorKey ?? '',
            epoch: resume ? view.epoch : '',
            lastOffset: resume ? view.offset : undefined,
          },
        },
      }),
    );
    this.lastHeard = Date.now();
    window.clearInterval(this.pingTimer);
    this.pingTimer = window.setInterval(() => this.heartbeat(), pingEveryMs);
  }

  private receive(message: ServerMessage): void {
    const body = message.body;
    switch (body.case) {
      case 'welcome': {
        window.clearTimeout(this.connectTimer);
        this.welcomed = true;
        this.attempts = 0;
        this.status = 'online';
        this.options.clock.seed(Number(body.value.serverTimeMs));
        if (this.options.role === Role.PARTICIPANT) this.participantId = body.value.participantId;
        this.carrying = false;
        if (!body.value.resumed) this.options.view.loaded = false;
        this.burstPings();
        this.changed();
        this.outboxInFlight = false;
        void this.flushOutbox();
        break;
      }
      case 'snapshot': {
        this.options.view.applySnapshot(body.value);
        this.noticeRemoval();
        this.carryOver();
        break;
      }
      case 'delta': {
        this.options.view.applyDelta(body.value);
        this.noticeRemoval();
        break;
      }
      case 'ack':
        this.resolve(body.value.requestId, { ok: true, ack: body.value });
        break;
      case 'rejection':
        this.rejected(body.value);
        break;
      case 'pong': {
        const sentAt = this.pings.get(body.value.requestId);
        if (sentAt !== undefined) {
          this.pings.delete(body.value.requestId);
          this.options.clock.addSample(sentAt, Number(body.value.serverTimeMs));
        }
        break;
      }
      default:
        break;
    }
  }

  // A phone whose own participant document disappeared was removed by a facilitator.
  private noticeRemoval(): void {
    if (this.options.role !== Role.PARTICIPANT || this.participantId === 0) return;
    if (this.options.view.doc(DocKind.PARTICIPANT, this.participantId) !== undefined) return;
    this.participantId = 0;
    this.removed = true;
    this.options.storage.forgetIdentity();
    this.changed();
  }

  // A phone that is nobody here yet, in a workshop that follows another in a series: if it was
  // someone in the previous one, it comes back at once as that person (net/carryOver.ts), on a
  // new connection (a connection says Hello once), from a fresh snapshot (what a participant
  // sees is not what a newcomer sees).
  private carryOver(): void {
    const { role, view, storage, code } = this.options;
    if (role !== Role.PARTICIPANT || this.participantId !== 0) return;
    const previousCode = view.doc(DocKind.WORKSHOP)?.previousCode ?? '';
    const identity = identityToCarry({
      code,
      previousCode,
      own: storage.identity(),
      keptOut: storage.keptOut(),
      tried: storage.carried(),
      previous: previousCode ? new WorkshopStorage(previousCode).identity() : undefined,
    });
    if (!identity) return;
    storage.adopt(identity);
    this.carrying = true;
    view.clear();
    this.startOver();
  }

  private rejected(rejection: Rejection): void {
    const reply: Reply = { ok: false, code: rejection.code, message: rejection.message };
    if (this.pending.has(rejection.requestId)) {
      this.resolve(rejection.requestId, reply);
      return;
    }
    // A refused Hello.
    switch (rejection.code) {
      case RejectionCode.UNKNOWN_TOKEN:
        // Our place is gone (removed while we were away): come back as a newcomer. (A place
        // carried from the previous workshop that is not here: nobody removed the person.)
        this.options.storage.forgetIdentity();
        this.options.view.clear();
        this.participantId = 0;
        this.removed = !this.carrying;
        this.carrying = false;
        this.hello();
        break;
      case RejectionCode.UNKNOWN_WORKSHOP:
        this.status = 'unknown-workshop';
        this.stopped = true;
        this.ws?.close();
        break;
      case RejectionCode.PERMISSION_DENIED:
        this.status = 'denied';
        this.stopped = true;
        this.ws?.close();
        break;
      case RejectionCode.BUSY:
        // Too many devices saying Hello at once: come back a little later, at random.
        this.abandon();
        window.clearTimeout(this.reconnectTimer);
        this.reconnectTimer = window.setTimeout(() => this.open(), busyRetryMs());
        break;
      default:
        this.lastRejection = reply;
        break;
    }
    this.changed();
  }

  private resolve(requestId: bigint, reply: Reply): void {
    const resolve = this.pending.get(requestId);
    this.pending.delete(requestId);
    if (!reply.ok) this.lastRejection = reply;
    resolve?.(reply);
  }

  private async flushOutbox(): Promise<void> {
    if (this.outboxInFlight || !this.welcomed || this.participantId === 0) return;
    const entries = this.options.storage.outbox();
    const head = entries[0];
    if (!head) return;
    this.outboxInFlight = true;
    const command = fromBinary(CommandSchema, fromBase64(head.command));
    const reply = await this.request(command);
    this.outboxInFlight = false;
    if (!reply.ok && reply.code === 'unsent') return; // resent after the next Welcome
    if (!reply.ok && reply.code === RejectionCode.BUSY) {
      this.busy();
      window.clearTimeout(this.outboxTimer);
      this.outboxTimer = window.setTimeout(() => this.flushOutbox(), busyRetryMs());
      return;
    }
    this.notBusy();
    // Acknowledged (now or before), or refused for good: either way it leaves the outbox.
    if (!reply.ok) this.refusedSubmission = { kind: command.body.case, reply };
    this.options.storage.saveOutbox(this.options.storage.outbox().filter((e) => e.seq !== head.seq));
    this.changed();
    void this.flushOutbox();
  }

  // A few pings after connecting, for a good clock estimate from the start. They are spread
  // over the first seconds rather than sent together: right after the Welcome the page is busy
  // drawing the snapshot, and a Pong read late skews its sample by half the delay; the later
  // ones find the page idle (measured in tests/e2e/bell.test.mjs under load).
  private burstPings(): void {
    for (const at of burstPingsAtMs) window.setTimeout(() => this.ping(), at);
  }

  private ping(): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    const requestId = this.nextRequest++;
    const now = Date.now();
    this.pings.set(requestId, now);
    this.write(
      create(ClientMessageSchema, { requestId, body: { case: 'ping', value: { clientTimeMs: BigInt(now) } } }),
    );
  }

  private heartbeat(): void {
    if (Date.now() - this.lastHeard > deadAfterMs) {
      // Silent for too long: the Wi-Fi is gone without telling us. Start over.
      this.abandon();
      return;
    }
    this.ping();
  }

  // Gives up on the current socket (hanging, or silent) without waiting for its close event,
  // which a dead network may never deliver.
  private abandon(): void {
    const ws = this.ws;
    if (ws) {
      ws.onopen = null;
      ws.onmessage = null;
      ws.onclose = null;
      try {
        ws.close();
      } catch {
        // Already closing.
      }
    }
    this.dropped();
  }

  private dropped(): void {
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.connectTimer);
    window.clearTimeout(this.probeTimer);
    this.ws = undefined;
    this.welcomed = false;
    this.outboxInFlight = false;
    for (const resolve of this.pending.values()) resolve({ ok: false, code: 'unsent', message: 'offline' });
    this.pending.clear();
    this.pings.clear();
    if (this.stopped) {
      this.changed();
      return;
    }
    this.status = 'offline';
    this.changed();
    this.retryAfter(retryDelayMs(this.attempts));
  }

  private retryAfter(delayMs: number): void {
    this.attempts++;
    window.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = window.setTimeout(() => this.open(), delayMs);
  }

  // The network is back, or the page is shown again: an attempt in progress may be stuck on
  // the old network and a waiting retry may be up to a second and a half away, so start a
  // fresh attempt now. A connection that looks open is probed: if it does not answer a
  // ping at once, it died while we were away and is replaced.
  private wake = (): void => {
    if (this.stopped) return;
    if (this.ws && this.welcomed && this.ws.readyState === WebSocket.OPEN) {
      this.probe();
      return;
    }
    this.startOver();
  };

  // A fresh attempt now, whatever the current socket is doing.
  private startOver(): void {
    if (this.ws) this.abandon(); // schedules a retry; open() below replaces it
    this.attempts = 0;
    this.open();
  }

  private probe(): void {
    const since = Date.now();
    this.ping();
    window.clearTimeout(this.probeTimer);
    this.probeTimer = window.setTimeout(() => {
      if (this.ws && this.lastHeard < since) {
        this.abandon();
        this.attempts = 0;
        this.open();
      }
    }, probeTimeoutMs);
  }

  private onVisibility = (): void => {
    if (document.visibilityState !== 'visible') return;
    // After sleeping, the clock may have moved and the socket may be dead: check both now.
    this.options.clock.forget();
    if (this.ws && this.welcomed && this.ws.readyState === WebSocket.OPEN) this.burstPings();
    this.wake();
  };
}
