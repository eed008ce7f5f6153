import type { MessageInitShape } from '@bufbuild/protobuf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Role } from '../src/gen/campana/v1/common_enums';
import { DocKind } from '../src/gen/campana/v1/docs_enums';
import { type DocSchema } from '../src/gen/campana/v1/docs_pb';
import { RejectionCode } from '../src/gen/campana/v1/wire_enums';
import { type CarryFacts, identityToCarry } from '../src/net/carryOver';
import { Clock } from '../src/net/clock';
import { Connection } from '../src/net/connection';
import { type Identity, WorkshopStorage } from '../src/net/storage';
import { View } from '../src/state/view';
import { FakeWebSocket, install } from './fakes';

const before: Identity = { token: 'ana-token', participantId: 4, joinKey: 'ana-key', personalCode: 'K7M4QP2X' };

function facts(change: Partial<CarryFacts> = {}): CarryFacts {
  return {
    code: 'NEXT22',
    previousCode: 'FIRST1',
    own: undefined,
    keptOut: false,
    tried: false,
    previous: before,
    ...change,
  };
}

describe('identityToCarry', () => {
  it('brings the identity kept for the previous workshop of the series', () => {
    expect(identityToCarry(facts())).toEqual(before);
    expect(identityToCarry(facts())).not.toBe(before); // a copy
  });

  it('brings nothing outside a series, or from a workshop the phone was nobody in', () => {
    expect(identityToCarry(facts({ previousCode: '' }))).toBeUndefined();
    expect(identityToCarry(facts({ previousCode: 'NEXT22' }))).toBeUndefined();
    expect(identityToCarry(facts({ previous: undefined }))).toBeUndefined();
    expect(identityToCarry(facts({ previous: { ...before, token: '' } }))).toBeUndefined();
    expect(identityToCarry(facts({ previous: { ...before, participantId: 0 } }))).toBeUndefined();
  });

  it('brings nothing to a phone that is someone here, was kept out, or tried before', () => {
    expect(identityToCarry(facts({ own: { ...before, token: 'other' } }))).toBeUndefined();
    expect(identityToCarry(facts({ keptOut: true }))).toBeUndefined();
    expect(identityToCarry(facts({ tried: true }))).toBeUndefined();
  });
});

// The phone's side, with a fake server: the first Hello (as nobody) shows the Workshop doc, which
// names the previous workshop; the phone then says Hello again, as the person it was there.
describe('Connection in the next workshop of a series', () => {
  const code = 'NEXT22';
  let connection: Connection | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    install();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });

  afterEach(() => {
    connection?.stop();
    connection = undefined;
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  function workshopDoc(previousCode: string): MessageInitShape<typeof DocSchema> {
    return {
      kind: DocKind.WORKSHOP,
      id: 0n,
      body: { case: 'workshop', value: { code, title: 'Sesión 2', previousCode } },
    };
  }

  function open(): { view: View; storage: WorkshopStorage; ws: FakeWebSocket } {
    const view = new View();
    const storage = new WorkshopStorage(code);
    connection = new Connection({ code, role: Role.PARTICIPANT, view, clock: new Clock(), storage, url: 'ws://t/ws' });
    connection.start();
    const ws = FakeWebSocket.last();
    ws.accept();
    ws.receive({ case: 'welcome', value: { serverTimeMs: BigInt(Date.now()), epoch: 'e1' } });
    return { view, storage, ws };
  }

  it('says Hello again with the identity of the previous workshop, and keeps it here', () => {
    new WorkshopStorage('FIRST1').saveIdentity(before);
    const { view, storage, ws } = open();
    expect(ws.hellos()[0]?.resumeToken).toBe('');
    ws.receive({ case: 'snapshot', value: { epoch: 'e1', offset: 3n, docs: [workshopDoc('FIRST1')] } });

    expect(storage.identity()).toEqual(before);
    expect(storage.joinKey()).toBe('ana-key'); // a Join resent later finds the same person
    expect(view.loaded).toBe(false); // no join form meanwhile
    const again = FakeWebSocket.last();
    expect(again).not.toBe(ws);
    again.accept();
    // A fresh snapshot: what the person sees is not what a newcomer sees.
    expect(again.hellos()).toMatchObject([{ workshopCode: code, resumeToken: 'ana-token', epoch: '' }]);
    again.receive({ case: 'welcome', value: { serverTimeMs: BigInt(Date.now()), epoch: 'e1', participantId: 4 } });
    expect(connection?.participantId).toBe(4);
    expect(connection?.personalCode).toBe('K7M4QP2X');
    expect(connection?.status).toBe('online');
  });

  it('falls back to the join form, without saying the person was removed, when the place is not here', () => {
    new WorkshopStorage('FIRST1').saveIdentity(before);
    const { storage, ws } = open();
    ws.receive({ case: 'snapshot', value: { epoch: 'e1', offset: 3n, docs: [workshopDoc('FIRST1')] } });
    const again = FakeWebSocket.last();
    again.accept();
    again.receive({ case: 'rejection', value: { requestId: 1n, code: RejectionCode.UNKNOWN_TOKEN } });
    expect(storage.identity()).toBeUndefined();
    expect(connection?.removed).toBe(false);
    expect(again.hellos().map((h) => h.resumeToken)).toEqual(['ana-token', '']);
    again.receive({ case: 'welcome', value: { serverTimeMs: BigInt(Date.now()), epoch: 'e1' } });
    again.receive({ case: 'snapshot', value: { epoch: 'e1', offset: 3n, docs: [workshopDoc('FIRST1')] } });
    expect(FakeWebSocket.last()).toBe(again); // tried once: no second attempt
    expect(connection?.participantId).toBe(0);
  });

  it('stays a newcomer outside a series, or when it was nobody in the previous workshop', () => {
    const { storage, ws } = open();
    ws.receive({ case: 'snapshot', value: { epoch: 'e1', offset: 3n, docs: [workshopDoc('FIRST1')] } });
    ws.receive({ case: 'snapshot', value: { epoch: 'e1', offset: 3n, docs: [workshopDoc('')] } });
    expect(FakeWebSocket.made).toHaveLength(1);
    expect(storage.identity()).toBeUndefined();
  });
});
