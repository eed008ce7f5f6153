// The browser objects that the connection and the view touch, as small fakes for Node: a
// WebSocket the test drives by hand, localStorage, and the window's and document's events.
// install() puts them in place of the globals; vi.unstubAllGlobals() takes them away.
import { create, fromBinary, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { vi } from 'vitest';
import {
  type ClientMessage,
  ClientMessageSchema,
  type ServerMessage,
  ServerMessageSchema,
} from '../src/gen/campana/v1/wire_pb';

export class FakeWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  // Every socket the code under test made, oldest first.
  static made: FakeWebSocket[] = [];

  readyState = FakeWebSocket.CONNECTING;
  binaryType = 'blob';
  sent: ClientMessage[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly url: string) {
    FakeWebSocket.made.push(this);
  }

  static last(): FakeWebSocket {
    const ws = FakeWebSocket.made[FakeWebSocket.made.length - 1];
    if (!ws) throw new Error('no WebSocket was made');
    return ws;
  }

  send(bytes: Uint8Array): void {
    this.sent.push(fromBinary(ClientMessageSchema, bytes));
  }

  close(): void {
    this.readyState = FakeWebSocket.CLOSED;
  }

  // The server accepts the connection.
  accept(): void {
    this.readyState = FakeWebSocket.OPEN;
    this.onopen?.();
  }

  // The server sends a message.
  receive(body: MessageInitShape<typeof ServerMessageSchema>['body']): void {
    const bytes = toBinary(ServerMessageSchema, create(ServerMessageSchema, { body }));
    this.onmessage?.({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  }

  // The connection is lost (the server went away).
  drop(): void {
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.();
  }

  // What the page sent, by kind: hellos, commands (with their request ids), pings.
  hellos() {
    return this.sent.flatMap((m) => (m.body.case === 'hello' ? [m.body.value] : []));
  }

  commands() {
    return this.sent.flatMap((m) => (m.body.case === 'command' ? [{ requestId: m.requestId, ...m.body.value }] : []));
  }
}

export type Received = ServerMessage['body'];

class FakeStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

// Timers go through the globals at call time, so that Vitest's fake timers drive them.
export function install(): { window: EventTarget; document: EventTarget & { visibilityState: string } } {
  FakeWebSocket.made = [];
  const window = Object.assign(new EventTarget(), {
    setTimeout: (f: () => void, ms?: number) => setTimeout(f, ms),
    clearTimeout: (id?: ReturnType<typeof setTimeout>) => clearTimeout(id),
    setInterval: (f: () => void, ms?: number) => setInterval(f, ms),
    clearInterval: (id?: ReturnType<typeof setInterval>) => clearInterval(id),
  });
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('localStorage', new FakeStorage());
  vi.stubGlobal('WebSocket', FakeWebSocket);
  return { window, document };
}
