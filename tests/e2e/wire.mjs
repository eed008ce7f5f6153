// Just enough protobuf for the tests that stand between a page and the server (Playwright's
// WebSocket routing): read a message's fields, write a Rejection (campana/v1/wire.proto,
// commands.proto).

function varint(bytes, at) {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const b = bytes[at++];
    value |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if (b < 0x80) return [value, at];
  }
}

// The top-level fields of a message: number -> varint (BigInt) or bytes (the last one of each).
export function fields(bytes) {
  const out = new Map();
  for (let at = 0; at < bytes.length;) {
    let key;
    [key, at] = varint(bytes, at);
    const number = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      let value;
      [value, at] = varint(bytes, at);
      out.set(number, value);
    } else if (wire === 2) {
      let length;
      [length, at] = varint(bytes, at);
      out.set(number, bytes.subarray(at, at + Number(length)));
      at += Number(length);
    } else {
      throw new Error(`wire type ${wire}`);
    }
  }
  return out;
}

function encodeVarint(value) {
  const out = [];
  let v = BigInt(value);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

export function field(number, value) {
  if (typeof value === 'bigint' || typeof value === 'number') return [...encodeVarint((number << 3) | 0), ...encodeVarint(value)];
  const bytes = typeof value === 'string' ? [...Buffer.from(value)] : value;
  return [...encodeVarint((number << 3) | 2), ...encodeVarint(bytes.length), ...bytes];
}

export const BUSY = 11;
// ClientMessage: request_id 1, command 4; Command's bodies by field number.
export const commandNames = { 10: 'join', 40: 'gotoAgendaItem', 50: 'submitAnswer' };
// ServerMessage: rejection 3 (request_id 1, client_seq 2, code 3, message 4).
export const serverRejection = 3;

export function bytesOf(message) {
  return typeof message === 'string' ? Buffer.from(message) : message;
}

// The name of a ClientMessage's command (commandNames), or undefined if it carries none.
export function commandName(top) {
  const command = top.get(4);
  if (!command) return undefined;
  const body = fields(command);
  return Object.entries(commandNames).find(([n]) => body.has(Number(n)))?.[1] ?? 'other';
}
