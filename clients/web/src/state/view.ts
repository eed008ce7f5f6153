import { useEffect, useState } from 'preact/hooks';
import { DocKind } from '../gen/campana/v1/docs_enums';
import { type Doc } from '../gen/campana/v1/docs_pb';
import type { Delta, Snapshot } from '../gen/campana/v1/wire_pb';

type BodyCase = NonNullable<Doc['body']['case']>;

// Which case of Doc.body each kind of document carries. The compiler checks that every kind is
// here and that each case exists; what follows from it types view.doc() and view.docs().
export const bodyCaseOf = {
  [DocKind.WORKSHOP]: 'workshop',
  [DocKind.PARTICIPANT]: 'participant',
  [DocKind.GROUPS]: 'groups',
  [DocKind.TIMER]: 'timer',
  [DocKind.BELL]: 'bell',
  [DocKind.AGENDA]: 'agenda',
  [DocKind.ANSWER]: 'answer',
  [DocKind.SHOWN_ANSWER]: 'shownAnswer',
  [DocKind.RACE]: 'race',
  [DocKind.CARD_DECK]: 'cardDeck',
  [DocKind.CARD_GROUP]: 'cardGroup',
  [DocKind.CARD_RESULTS]: 'cardResults',
  [DocKind.DATING]: 'dating',
  [DocKind.DATING_UNIT]: 'datingUnit',
  [DocKind.DATING_NOTE]: 'datingNote',
  [DocKind.ACCESS]: 'access',
  [DocKind.LIVE_QUESTION]: 'liveQuestion',
  [DocKind.LIVE_ANSWER]: 'liveAnswer',
  [DocKind.SHOWN_LIVE_ANSWER]: 'shownLiveAnswer',
  [DocKind.BOARD]: 'board',
  [DocKind.BOARD_NOTE]: 'boardNote',
  [DocKind.BOARD_CLUSTER]: 'boardCluster',
  [DocKind.BOARD_MINE]: 'boardMine',
  [DocKind.BOARD_TALLY]: 'boardTally',
  [DocKind.POLL]: 'poll',
  [DocKind.POLL_MINE]: 'pollMine',
  [DocKind.POLL_TALLY]: 'pollTally',
  [DocKind.POLL_TEXT]: 'pollText',
  [DocKind.POLL_PROGRESS]: 'pollProgress',
  [DocKind.POLL_HIDDEN]: 'pollHidden',
  [DocKind.ACTION_PLAN]: 'actionPlan',
} as const satisfies Record<Exclude<DocKind, DocKind.UNSPECIFIED>, BodyCase>;

export type KnownDocKind = keyof typeof bodyCaseOf;
// The body of a document of kind K: view.doc(DocKind.RACE) is a Race, and nothing else.
type BodyOfCase = { [C in BodyCase]: Extract<Doc['body'], { case: C }>['value'] };
export type DocBody<K extends KnownDocKind> = BodyOfCase[(typeof bodyCaseOf)[K]];

function keyOf(kind: DocKind, id: bigint): string {
  return `${kind}:${id}`;
}

function bodyOf<K extends KnownDocKind>(kind: K, doc: Doc | undefined): DocBody<K> | undefined {
  // A body of another case under this kind would be the server's mistake: not shown.
  if (doc === undefined || doc.body.case !== bodyCaseOf[kind]) return undefined;
  return doc.body.value as DocBody<K>;
}

// The documents this device may see, as the server last described them: replaced by a
// Snapshot, patched by each Delta. (epoch, offset) say how far it has applied the stream.
export class View {
  private byKey = new Map<string, Doc>();
  private listeners = new Set<() => void>();
  epoch = '';
  offset = 0n;
  loaded = false;
  applied = 0; // deltas applied, for tests and diagnostics

  applySnapshot(snapshot: Snapshot): void {
    this.byKey.clear();
    for (const doc of snapshot.docs) this.byKey.set(keyOf(doc.kind, doc.id), doc);
    this.epoch = snapshot.epoch;
    this.offset = snapshot.offset;
    this.loaded = true;
    this.changed();
  }

  // A Delta of another epoch (the server's log was replaced) patches nothing: the Snapshot
  // that follows it does.
  applyDelta(delta: Delta): void {
    if (delta.epoch !== this.epoch) return;
    for (const patch of delta.patches) {
      if (patch.change.case === 'put') {
        const doc = patch.change.value;
        this.byKey.set(keyOf(doc.kind, doc.id), doc);
      } else if (patch.change.case === 'remove') {
        this.byKey.delete(keyOf(patch.change.value.kind, patch.change.value.id));
      }
    }
    if (delta.offset > this.offset) this.offset = delta.offset;
    this.applied++;
    this.changed();
  }

  clear(): void {
    this.byKey.clear();
    this.epoch = '';
    this.offset = 0n;
    this.loaded = false;
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }

  // One document: a singleton (the workshop, the agenda, the race...) has id 0.
  doc<K extends KnownDocKind>(kind: K, id: bigint | number = 0n): DocBody<K> | undefined {
    return bodyOf(kind, this.byKey.get(keyOf(kind, BigInt(id))));
  }

  // Every document of a kind, by id.
  docs<K extends KnownDocKind>(kind: K): DocBody<K>[] {
    const found: { id: bigint; body: DocBody<K> }[] = [];
    for (const doc of this.byKey.values()) {
      if (doc.kind !== kind) continue;
      const body = bodyOf(kind, doc);
      if (body !== undefined) found.push({ id: doc.id, body });
    }
    return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((d) => d.body);
  }
}

// Re-renders the component whenever the view changes.
export function useView(view: View): View {
  const [, setTick] = useState(0);
  useEffect(() => view.subscribe(() => setTick((n) => n + 1)), [view]);
  return view;
}
