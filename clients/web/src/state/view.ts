import { useEffect, useState } from 'preact/hooks';
import type { Doc } from '../gen/campana/v1/docs_pb';
import { type CardDeck, type CardGroup, type CardResults } from '../gen/campana/v1/cards_pb';
import { type Dating, type DatingNote, type DatingUnit } from '../gen/campana/v1/dating_pb';
import {
  type Access,
  type Agenda,
  type Answer,
  type Bell,
  DocKind,
  type Groups,
  type Participant,
  type ShownAnswer,
  type Timer,
  type WorkshopInfo,
} from '../gen/campana/v1/docs_pb';
import { type Race } from '../gen/campana/v1/race_pb';
import type { Delta, Snapshot } from '../gen/campana/v1/wire_pb';

function keyOf(kind: DocKind, id: bigint): string {
  return `${kind}:${id}`;
}

// The documents this device may see, as the server last described them: replaced by a
// Snapshot, patched by each Delta. (epoch, offset) say how far it has applied the stream.
export class View {
  private docs = new Map<string, Doc>();
  private listeners = new Set<() => void>();
  epoch = '';
  offset = 0n;
  loaded = false;
  applied = 0; // deltas applied, for tests and diagnostics

  applySnapshot(snapshot: Snapshot): void {
    this.docs.clear();
    for (const doc of snapshot.docs) this.docs.set(keyOf(doc.kind, doc.id), doc);
    this.epoch = snapshot.epoch;
    this.offset = snapshot.offset;
    this.loaded = true;
    this.changed();
  }

  applyDelta(delta: Delta): void {
    if (delta.epoch !== this.epoch) return;
    for (const patch of delta.patches) {
      if (patch.change.case === 'put') {
        const doc = patch.change.value;
        this.docs.set(keyOf(doc.kind, doc.id), doc);
      } else if (patch.change.case === 'remove') {
        this.docs.delete(keyOf(patch.change.value.kind, patch.change.value.id));
      }
    }
    if (delta.offset > this.offset) this.offset = delta.offset;
    this.applied++;
    this.changed();
  }

  clear(): void {
    this.docs.clear();
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

  private all(kind: DocKind): Doc[] {
    const out: Doc[] = [];
    for (const doc of this.docs.values()) if (doc.kind === kind) out.push(doc);
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  workshop(): WorkshopInfo | undefined {
    const body = this.docs.get(keyOf(DocKind.WORKSHOP, 0n))?.body;
    return body?.case === 'workshop' ? body.value : undefined;
  }

  groups(): Groups | undefined {
    const body = this.docs.get(keyOf(DocKind.GROUPS, 0n))?.body;
    return body?.case === 'groups' ? body.value : undefined;
  }

  agenda(): Agenda | undefined {
    const body = this.docs.get(keyOf(DocKind.AGENDA, 0n))?.body;
    return body?.case === 'agenda' ? body.value : undefined;
  }

  participant(id: number): Participant | undefined {
    const body = this.docs.get(keyOf(DocKind.PARTICIPANT, BigInt(id)))?.body;
    return body?.case === 'participant' ? body.value : undefined;
  }

  participants(): Participant[] {
    return this.all(DocKind.PARTICIPANT).flatMap((d) => (d.body.case === 'participant' ? [d.body.value] : []));
  }

  timers(): Timer[] {
    return this.all(DocKind.TIMER).flatMap((d) => (d.body.case === 'timer' ? [d.body.value] : []));
  }

  bells(): { id: bigint; bell: Bell }[] {
    return this.all(DocKind.BELL).flatMap((d) => (d.body.case === 'bell' ? [{ id: d.id, bell: d.body.value }] : []));
  }

  answers(): Answer[] {
    return this.all(DocKind.ANSWER).flatMap((d) => (d.body.case === 'answer' ? [d.body.value] : []));
  }

  race(): Race | undefined {
    const body = this.docs.get(keyOf(DocKind.RACE, 0n))?.body;
    return body?.case === 'race' ? body.value : undefined;
  }

  cardDeck(): CardDeck | undefined {
    const body = this.docs.get(keyOf(DocKind.CARD_DECK, 0n))?.body;
    return body?.case === 'cardDeck' ? body.value : undefined;
  }

  cardGroup(group: number): CardGroup | undefined {
    const body = this.docs.get(keyOf(DocKind.CARD_GROUP, BigInt(group)))?.body;
    return body?.case === 'cardGroup' ? body.value : undefined;
  }

  cardGroups(): CardGroup[] {
    return this.all(DocKind.CARD_GROUP).flatMap((d) => (d.body.case === 'cardGroup' ? [d.body.value] : []));
  }

  cardResults(): CardResults | undefined {
    const body = this.docs.get(keyOf(DocKind.CARD_RESULTS, 0n))?.body;
    return body?.case === 'cardResults' ? body.value : undefined;
  }

  dating(): Dating | undefined {
    const body = this.docs.get(keyOf(DocKind.DATING, 0n))?.body;
    return body?.case === 'dating' ? body.value : undefined;
  }

  datingUnits(): DatingUnit[] {
    return this.all(DocKind.DATING_UNIT).flatMap((d) => (d.body.case === 'datingUnit' ? [d.body.value] : []));
  }

  datingNotes(): DatingNote[] {
    return this.all(DocKind.DATING_NOTE).flatMap((d) => (d.body.case === 'datingNote' ? [d.body.value] : []));
  }

  // Facilitators only: the projector link's secret and who is kept out.
  access(): Access | undefined {
    const body = this.docs.get(keyOf(DocKind.ACCESS, 0n))?.body;
    return body?.case === 'access' ? body.value : undefined;
  }

  shownAnswers(): ShownAnswer[] {
    return this.all(DocKind.SHOWN_ANSWER).flatMap((d) => (d.body.case === 'shownAnswer' ? [d.body.value] : []));
  }
}

// Re-renders the component whenever the view changes.
export function useView(view: View): View {
  const [, setTick] = useState(0);
  useEffect(() => view.subscribe(() => setTick((n) => n + 1)), [view]);
  return view;
}
