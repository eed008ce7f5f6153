// What a device remembers about a workshop across reloads: who it is (resume token, join key),
// its submission counter and its outbox of unacknowledged submissions.

export interface Identity {
  token: string;
  participantId: number;
  joinKey: string;
  // The person's own code (wire.proto Joined.personal_code), to be the same person on another
  // device. Identities stored before there were codes have none.
  personalCode?: string;
}

export interface OutboxEntry {
  seq: string; // client_seq, as a decimal string (a uint64)
  command: string; // campana.v1.Command, binary, base64
}

function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class WorkshopStorage {
  constructor(private readonly code: string) {}

  private key(name: string): string {
    return `campana:${this.code}:${name}`;
  }

  private read<T>(name: string): T | undefined {
    try {
      const text = localStorage.getItem(this.key(name));
      return text === null ? undefined : (JSON.parse(text) as T);
    } catch {
      return undefined;
    }
  }

  private write(name: string, value: unknown): void {
    localStorage.setItem(this.key(name), JSON.stringify(value));
  }

  identity(): Identity | undefined {
    return this.read<Identity>('identity');
  }

  saveIdentity(identity: Identity): void {
    this.write('identity', identity);
  }

  // Becomes, here, the person this device was in the workshop before this one in its series
  // (net/carryOver.ts): their identity, and their join key, so that a Join resent later finds the
  // same person. Said once: carried() stays true, also if that place turns out to be gone.
  adopt(identity: Identity): void {
    this.saveIdentity(identity);
    if (identity.joinKey) this.write('joinKey', identity.joinKey);
    this.write('carried', true);
  }

  carried(): boolean {
    return this.read<boolean>('carried') === true;
  }

  // The join key stays: the server gives a removed person's key a new place when they join
  // again, unless a facilitator kept them out, which is what the key is for.
  forgetIdentity(): void {
    localStorage.removeItem(this.key('identity'));
    localStorage.removeItem(this.key('outbox'));
  }

  // A Join refused with REMOVED: the page says so (also after a reload) instead of offering
  // the form, until the person tries again and is let in.
  keptOut(): boolean {
    return this.read<boolean>('keptOut') === true;
  }

  setKeptOut(keptOut: boolean): void {
    if (keptOut) this.write('keptOut', true);
    else localStorage.removeItem(this.key('keptOut'));
  }

  // The random key that makes a resent Join find the same participant.
  joinKey(): string {
    let key = this.read<string>('joinKey');
    if (!key) {
      key = randomKey();
      this.write('joinKey', key);
    }
    return key;
  }

  // A device that became someone already in the workshop (a Join with their personal code)
  // counts on from the last client_seq the server applied for them (Joined.last_client_seq):
  // the server takes one at or below it as a resend and does not apply it.
  raiseSeq(floor: bigint): void {
    if (BigInt(this.read<string>('seq') ?? '0') < floor) this.write('seq', floor.toString());
  }

  nextSeq(): bigint {
    const next = BigInt(this.read<string>('seq') ?? '0') + 1n;
    this.write('seq', next.toString());
    return next;
  }

  outbox(): OutboxEntry[] {
    return this.read<OutboxEntry[]>('outbox') ?? [];
  }

  saveOutbox(entries: OutboxEntry[]): void {
    this.write('outbox', entries);
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
