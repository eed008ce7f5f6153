import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../src/gen/campana/v1/docs_enums';
import { type DocSchema } from '../src/gen/campana/v1/docs_pb';
import type { Race } from '../src/gen/campana/v1/race_pb';
import { DeltaSchema, SnapshotSchema } from '../src/gen/campana/v1/wire_pb';
import { View } from '../src/state/view';

type DocInit = MessageInitShape<typeof DocSchema>;

const participant = (id: number, name: string): DocInit => ({
  kind: DocKind.PARTICIPANT,
  id: BigInt(id),
  body: { case: 'participant', value: { id, displayName: name } },
});
const workshop = (title: string): DocInit => ({
  kind: DocKind.WORKSHOP,
  id: 0n,
  body: { case: 'workshop', value: { code: 'ABC123', title } },
});

function snapshot(epoch: string, offset: bigint, docs: DocInit[]) {
  return create(SnapshotSchema, { epoch, offset, docs });
}

function delta(epoch: string, offset: bigint, put: DocInit[], remove: { kind: DocKind; id: bigint }[] = []) {
  return create(DeltaSchema, {
    epoch,
    offset,
    patches: [
      ...put.map((doc) => ({ change: { case: 'put' as const, value: doc } })),
      ...remove.map((ref) => ({ change: { case: 'remove' as const, value: ref } })),
    ],
  });
}

// The view in one line: its position in the stream and the participants' names, by id.
function describeView(view: View): string {
  const names = view.docs(DocKind.PARTICIPANT).map((p) => `${p.id}:${p.displayName}`);
  return `${view.epoch}@${view.offset} ${view.doc(DocKind.WORKSHOP)?.title ?? '-'} [${names.join(' ')}]`;
}

describe('View', () => {
  it('a snapshot replaces everything and says how far the stream is applied', () => {
    const view = new View();
    view.applySnapshot(snapshot('e1', 4n, [workshop('Taller'), participant(2, 'Beto'), participant(1, 'Ana')]));
    expect(describeView(view)).toBe('e1@4 Taller [1:Ana 2:Beto]');
    expect(view.loaded).toBe(true);

    view.applySnapshot(snapshot('e2', 1n, [participant(3, 'Carla')]));
    expect(describeView(view)).toBe('e2@1 - [3:Carla]');
  });

  it('a delta puts and removes documents, and moves the offset forward only', () => {
    const view = new View();
    view.applySnapshot(snapshot('e1', 4n, [participant(1, 'Ana'), participant(2, 'Beto')]));
    view.applyDelta(
      delta('e1', 6n, [participant(1, 'Ana Lucía'), participant(7, 'Diego')], [{ kind: DocKind.PARTICIPANT, id: 2n }]),
    );
    expect(describeView(view)).toBe('e1@6 - [1:Ana Lucía 7:Diego]');
    expect(view.applied).toBe(1);

    // A delta with a lower offset still patches, but the position does not go back.
    view.applyDelta(delta('e1', 5n, [workshop('Taller')]));
    expect(describeView(view)).toBe('e1@6 Taller [1:Ana Lucía 7:Diego]');
  });

  it('ignores a delta of another epoch', () => {
    const view = new View();
    view.applySnapshot(snapshot('e1', 4n, [participant(1, 'Ana')]));
    let changes = 0;
    view.subscribe(() => changes++);
    view.applyDelta(delta('e0', 9n, [participant(5, 'Eva')], [{ kind: DocKind.PARTICIPANT, id: 1n }]));
    expect(describeView(view)).toBe('e1@4 - [1:Ana]');
    expect(view.applied).toBe(0);
    expect(changes).toBe(0);
  });

  it('tells its subscribers of each change until they leave', () => {
    const view = new View();
    const seen: string[] = [];
    const leave = view.subscribe(() => seen.push(describeView(view)));
    view.applySnapshot(snapshot('e1', 1n, [participant(1, 'Ana')]));
    view.applyDelta(delta('e1', 2n, [participant(2, 'Beto')]));
    leave();
    view.applyDelta(delta('e1', 3n, [participant(3, 'Carla')]));
    expect(seen).toEqual(['e1@1 - [1:Ana]', 'e1@2 - [1:Ana 2:Beto]']);
  });

  it('finds a document by kind and id, and only with the body its kind carries', () => {
    const view = new View();
    view.applySnapshot(
      snapshot('e1', 1n, [
        participant(4, 'Ana'),
        // A body that does not belong to its kind is not handed out as that kind.
        { kind: DocKind.RACE, id: 0n, body: { case: 'workshop', value: { title: 'not a race' } } },
      ]),
    );
    expect(view.doc(DocKind.PARTICIPANT, 4)?.displayName).toBe('Ana');
    expect(view.doc(DocKind.PARTICIPANT, 4n)?.displayName).toBe('Ana');
    expect(view.doc(DocKind.PARTICIPANT, 5)).toBeUndefined();
    expect(view.doc(DocKind.RACE)).toBeUndefined();
    expect(view.docs(DocKind.RACE)).toEqual([]);
  });

  it('clear() forgets the documents and the position', () => {
    const view = new View();
    view.applySnapshot(snapshot('e1', 4n, [participant(1, 'Ana')]));
    view.clear();
    expect(describeView(view)).toBe('@0 - []');
    expect(view.loaded).toBe(false);
  });

  it('types the body by the kind asked for', () => {
    const view = new View();
    const race: Race | undefined = view.doc(DocKind.RACE);
    // @ts-expect-error: a card deck is not a race.
    const wrong: Race | undefined = view.doc(DocKind.CARD_DECK);
    // @ts-expect-error: no document has the unspecified kind.
    view.docs(DocKind.UNSPECIFIED);
    expect([race, wrong]).toEqual([undefined, undefined]);
  });
});
