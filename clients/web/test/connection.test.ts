import type { MessageInitShape } from '@bufbuild/protobuf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Presence, Role } from '../src/gen/campana/v1/common_enums';
import { DocKind } from '../src/gen/campana/v1/docs_enums';
import { type DocSchema } from '../src/gen/campana/v1/docs_pb';
import { RejectionCode } from '../src/gen/campana/v1/wire_enums';
import { Clock } from '../src/net/clock';
import { Connection, retryDelayMs } from '../src/net/connection';
import { WorkshopStorage } from '../src/net/storage';
import { View } from '../src/state/view';
import { FakeWebSocket, install } from './fakes';

const code = 'ABC123';
const me = 7;
const meDoc: MessageInitShape<typeof DocSchema> = {
  kind: DocKind.PARTICIPANT,
  id: BigInt(me),
  body: { case: 'participant', value: { id: me, displayName: 'Ana' } },
};

let connection: Connection | undefined;
let fakes: ReturnType<typeof install>;

beforeEach(() => {
  vi.useFakeTimers();
  fakes = install();
  // The backoff's random factor, fixed: each wait is half of its ceiling.
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});

afterEach(() => {
  connection?.stop();
  connection = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function connect(role: Role): { view: View; storage: WorkshopStorage } {
  const view = new View();
  const storage = new WorkshopStorage(code);
  connection = new Connection({ code, role, view, clock: new Clock(), storage, url: 'ws://campana.test/ws' });
  connection.start();
  return { view, storage };
}

function welcome(ws: FakeWebSocket, value: { participantId?: number; epoch?: string; resumed?: boolean }): void {
  ws.receive({ case: 'welcome', value: { serverTimeMs: BigInt(Date.now()), epoch: 'e1', ...value } });
}

// Lets the promises the connection awaits settle (its outbox awaits each reply).
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

// A phone that joined before, connected and in the view.
function phoneOnline(): { view: View; storage: WorkshopStorage; ws: FakeWebSocket } {
  new WorkshopStorage(code).saveIdentity({ token: 'resume-token', participantId: me, joinKey: 'key' });
  const parts = connect(Role.PARTICIPANT);
  const ws = FakeWebSocket.last();
  ws.accept();
  welcome(ws, { participantId: me });
  ws.receive({ case: 'snapshot', value: { epoch: 'e1', offset: 10n, docs: [meDoc] } });
  return { ...parts, ws };
}

describe('Connection', () => {
  it('resumes where it was after the connection drops', async () => {
    const { view, ws: first } = phoneOnline();
    expect(first.hellos()).toMatchObject([{ workshopCode: code, resumeToken: 'resume-token', epoch: '' }]);
    expect(first.hellos()[0]?.lastOffset).toBeUndefined();
    first.receive({ case: 'delta', value: { epoch: 'e1', offset: 12n, patches: [] } });
    expect(connection?.status).toBe('online');

    first.drop();
    expect(connection?.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(100);
    const second = FakeWebSocket.last();
    expect(second).not.toBe(first);
    second.accept();
    // The same person, asking only for what it missed since offset 12 of epoch e1.
    expect(second.hellos()).toMatchObject([{ resumeToken: 'resume-token', epoch: 'e1', lastOffset: 12n }]);

    welcome(second, { participantId: me, resumed: true });
    second.receive({ case: 'delta', value: { epoch: 'e1', offset: 13n, patches: [] } });
    expect(connection?.status).toBe('online');
    expect(view.loaded).toBe(true);
    expect(view.doc(DocKind.PARTICIPANT, me)?.displayName).toBe('Ana');
    expect(view.offset).toBe(13n);
  });

  it('starts over with a fresh view when the server cannot resume', async () => {
    const { view, ws: first } = phoneOnline();
    first.drop();
    await vi.advanceTimersByTimeAsync(100);
    const second = FakeWebSocket.last();
    second.accept();
    welcome(second, { participantId: me, epoch: 'e2', resumed: false });
    expect(view.loaded).toBe(false);
    second.receive({ case: 'snapshot', value: { epoch: 'e2', offset: 1n, docs: [meDoc] } });
    expect([view.loaded, view.epoch, view.offset]).toEqual([true, 'e2', 1n]);
  });

  it('sends the outbox one at a time and resends what was not acknowledged after a reconnect', async () => {
    const { storage, ws: first } = phoneOnline();
    connection?.submit({ case: 'submitAnswer', value: { agendaIndex: 3, text: 'uno' } });
    connection?.submit({ case: 'submitAnswer', value: { agendaIndex: 3, text: 'dos' } });
    // In order, and the second waits for the first's reply.
    expect(first.commands().map((c) => c.clientSeq)).toEqual([1n]);
    expect(storage.outbox()).toHaveLength(2);

    // The connection drops before the Ack: nothing is lost.
    first.drop();
    await settle();
    expect(connection?.outboxSize()).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    const second = FakeWebSocket.last();
    second.accept();
    expect(second.commands()).toEqual([]); // not before the Welcome
    welcome(second, { participantId: me, resumed: true });
    const resent = second.commands();
    expect(resent).toHaveLength(1);
    expect(resent[0]?.clientSeq).toBe(1n);
    expect(resent[0]?.body).toMatchObject({ case: 'submitAnswer', value: { text: 'uno' } });

    second.receive({ case: 'ack', value: { requestId: resent[0]?.requestId, clientSeq: 1n } });
    await settle();
    expect(second.commands().map((c) => c.clientSeq)).toEqual([1n, 2n]);
    expect(connection?.outboxSize()).toBe(1);

    const next = second.commands()[1];
    second.receive({ case: 'ack', value: { requestId: next?.requestId, clientSeq: 2n } });
    await settle();
    expect(connection?.outboxSize()).toBe(0);
  });

  it('drops a submission the server refuses for good, and remembers why', async () => {
    const { ws } = phoneOnline();
    connection?.submit({ case: 'answerQuestion', value: { questionId: 1, text: 'tarde' } });
    const sent = ws.commands()[0];
    ws.receive({
      case: 'rejection',
      value: { requestId: sent?.requestId, code: RejectionCode.FAILED_PRECONDITION, message: 'closed' },
    });
    await settle();
    expect(connection?.outboxSize()).toBe(0);
    expect(connection?.refusedSubmission).toMatchObject({
      kind: 'answerQuestion',
      reply: { ok: false, code: RejectionCode.FAILED_PRECONDITION },
    });
  });

  it('waits longer after each failed attempt, up to a ceiling, and starts again from the shortest once in', async () => {
    connect(Role.PROJECTOR);
    // Each attempt is refused at once; with the random factor at 0.5 the waits are half of
    // 200, 400, 800, then of the 1500 ms ceiling.
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = FakeWebSocket.made.length;
      FakeWebSocket.last().drop();
      let waited = 0;
      while (FakeWebSocket.made.length === before) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([100, 200, 400, 750, 750]);

    // In again: the next drop waits the shortest time.
    const ws = FakeWebSocket.last();
    ws.accept();
    welcome(ws, {});
    ws.drop();
    await vi.advanceTimersByTimeAsync(99);
    expect(FakeWebSocket.last()).toBe(ws);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.last()).not.toBe(ws);
  });

  it('tries again at once when the network comes back', async () => {
    connect(Role.PROJECTOR);
    for (let i = 0; i < 4; i++) {
      FakeWebSocket.last().drop();
      await vi.advanceTimersByTimeAsync(1500);
    }
    const before = FakeWebSocket.made.length;
    FakeWebSocket.last().drop(); // the next retry would be 750 ms away
    fakes.window.dispatchEvent(new Event('online'));
    expect(FakeWebSocket.made.length).toBe(before + 1);
  });

  it('gives up on an attempt that is not welcomed within 4 s', async () => {
    connect(Role.PROJECTOR);
    const hanging = FakeWebSocket.last();
    hanging.accept(); // open, but the Hello is never answered
    await vi.advanceTimersByTimeAsync(3999);
    expect(FakeWebSocket.last()).toBe(hanging);
    await vi.advanceTimersByTimeAsync(1 + 100);
    expect(FakeWebSocket.last()).not.toBe(hanging);
    expect(hanging.readyState).toBe(FakeWebSocket.CLOSED);
  });

  it('joins, and keeps the personal code the server gave with the identity', async () => {
    const { storage } = connect(Role.PARTICIPANT);
    const ws = FakeWebSocket.last();
    ws.accept();
    welcome(ws, {});
    const joining = connection?.join('Ana', Presence.IN_ROOM);
    const sent = ws.commands()[0];
    expect(sent?.body).toMatchObject({ case: 'join', value: { displayName: 'Ana', personalCode: '' } });
    ws.receive({
      case: 'ack',
      value: {
        requestId: sent?.requestId,
        result: { case: 'joined', value: { participantId: me, resumeToken: 'tok', personalCode: 'K7M4QP2X' } },
      },
    });
    expect((await joining)?.ok).toBe(true);
    expect(storage.identity()).toEqual({
      token: 'tok',
      participantId: me,
      joinKey: storage.joinKey(),
      personalCode: 'K7M4QP2X',
    });
    expect(connection?.personalCode).toBe('K7M4QP2X');
    expect(storage.nextSeq()).toBe(1n); // a newcomer counts from 1
  });

  it('becomes someone already in with their personal code, and counts on past their other device', async () => {
    const { storage } = connect(Role.PARTICIPANT);
    const ws = FakeWebSocket.last();
    ws.accept();
    welcome(ws, {});
    const joining = connection?.join('', Presence.UNSPECIFIED, 'K7M4QP2X');
    const sent = ws.commands()[0];
    expect(sent?.body).toMatchObject({
      case: 'join',
      value: { displayName: '', personalCode: 'K7M4QP2X', joinKey: storage.joinKey() },
    });
    ws.receive({
      case: 'ack',
      value: {
        requestId: sent?.requestId,
        result: {
          case: 'joined',
          value: { participantId: 3, resumeToken: 'hers', personalCode: 'K7M4QP2X', lastClientSeq: 41n },
        },
      },
    });
    expect((await joining)?.ok).toBe(true);
    expect(connection?.participantId).toBe(3);
    expect(storage.identity()).toMatchObject({ token: 'hers', participantId: 3, personalCode: 'K7M4QP2X' });
    expect(storage.nextSeq()).toBe(42n); // on from the last the server applied for her
  });

  it('says so when nobody has the code, and stays a newcomer', async () => {
    const { storage } = connect(Role.PARTICIPANT);
    const ws = FakeWebSocket.last();
    ws.accept();
    welcome(ws, {});
    const joining = connection?.join('', Presence.UNSPECIFIED, 'ZZZZZZZZ');
    const sent = ws.commands()[0];
    ws.receive({
      case: 'rejection',
      value: { requestId: sent?.requestId, code: RejectionCode.NOT_FOUND, message: 'nobody' },
    });
    expect(await joining).toMatchObject({ ok: false, code: RejectionCode.NOT_FOUND });
    expect([connection?.participantId, storage.identity(), connection?.personalCode]).toEqual([0, undefined, '']);
  });

  it('still resumes with an identity stored before there were personal codes', () => {
    phoneOnline(); // saved without personalCode
    expect(connection?.participantId).toBe(me);
    expect(connection?.personalCode).toBe('');
  });

  it('stops for good when the workshop does not exist', async () => {
    connect(Role.PROJECTOR);
    const ws = FakeWebSocket.last();
    ws.accept();
    ws.receive({ case: 'rejection', value: { requestId: 1n, code: RejectionCode.UNKNOWN_WORKSHOP } });
    expect(connection?.status).toBe('unknown-workshop');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeWebSocket.made).toHaveLength(1);
  });
});

describe('retryDelayMs', () => {
  it('draws from a window that doubles from 200 ms up to 1.5 s', () => {
    const ceilings = [0, 1, 2, 3, 4, 30].map((attempt) => retryDelayMs(attempt, () => 1));
    expect(ceilings).toEqual([200, 400, 800, 1500, 1500, 1500]);
    expect(retryDelayMs(3, () => 0)).toBe(0);
  });
});
