import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../src/activities/activity';
import { comingActivities } from '../src/pages/phone/usePreloadComing';
import { Agenda_Activity, DocKind } from '../src/gen/campana/v1/docs_enums';
import { DeltaSchema, SnapshotSchema } from '../src/gen/campana/v1/wire_pb';
import { View } from '../src/state/view';

const list: Activity[] = [
  { name: 'live', active: (v) => v.docs(DocKind.TIMER).length > 0 },
  { name: 'race', agenda: Agenda_Activity.RACE },
  { name: 'cards', agenda: Agenda_Activity.CARD_SORT },
  { name: 'board', agenda: Agenda_Activity.BOARD },
];

// A view whose agenda is race, presentation, board, cards, at item `current`.
function at(current: number): View {
  const view = new View();
  const items = [Agenda_Activity.RACE, Agenda_Activity.PRESENTATION, Agenda_Activity.BOARD, Agenda_Activity.CARD_SORT];
  view.applySnapshot(
    create(SnapshotSchema, {
      epoch: 'e',
      offset: 1n,
      docs: [
        {
          kind: DocKind.AGENDA,
          id: 0n,
          body: { case: 'agenda', value: { current, items: items.map((activity) => ({ title: 't', activity })) } },
        },
      ],
    }),
  );
  return view;
}

const names = (view: View) => comingActivities(list, view).map((a) => a.name);

describe('comingActivities: the views a phone fetches ahead', () => {
  it('before the first item: the first item', () => {
    expect(names(at(-1))).toEqual(['race']);
    expect(names(new View())).toEqual([]);
  });

  it('during an item: its activity and the next item’s, not the rest of the day', () => {
    expect(names(at(0))).toEqual(['race']);
    expect(names(at(1))).toEqual(['board']);
    expect(names(at(2))).toEqual(['cards', 'board']);
    expect(names(at(3))).toEqual(['cards']);
  });

  it('an activity outside the agenda once it is on (a question asked live)', () => {
    const view = at(1);
    view.applyDelta(
      create(DeltaSchema, {
        epoch: 'e',
        offset: 2n,
        patches: [
          {
            change: {
              case: 'put',
              value: { kind: DocKind.TIMER, id: 1n, body: { case: 'timer', value: { id: 1 } } },
            },
          },
        ],
      }),
    );
    expect(names(view)).toEqual(['live', 'board']);
  });
});
