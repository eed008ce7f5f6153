import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../src/activities/activity';
import { Scene } from '../src/gen/campana/v1/common_enums';
import { Agenda_Activity, DocKind, Timer_State } from '../src/gen/campana/v1/docs_enums';
import { type DocSchema } from '../src/gen/campana/v1/docs_pb';
import { SnapshotSchema } from '../src/gen/campana/v1/wire_pb';
import { chooseScene, sceneChangesIn, sceneName, timeUpShownMs } from '../src/pages/projector/scene';
import { View } from '../src/state/view';

type DocInit = MessageInitShape<typeof DocSchema>;

const items = [
  { title: 'Bienvenida', activity: Agenda_Activity.PRESENTATION },
  { title: 'Grupos', activity: Agenda_Activity.GROUPS },
  { title: 'Carrera', activity: Agenda_Activity.RACE },
  { title: 'Reflexión', activity: Agenda_Activity.QUESTION },
];

const agenda = (current: number, scene = Scene.AUTO): DocInit => ({
  kind: DocKind.AGENDA,
  id: 0n,
  body: { case: 'agenda', value: { items, current, scene } },
});
const now = 1_000_000;
const timer = (id: number, state: Timer_State, endsAtMs = now): DocInit => ({
  kind: DocKind.TIMER,
  id: BigInt(id),
  body: { case: 'timer', value: { id, name: `T${id}`, state, endsAtMs: BigInt(endsAtMs) } },
});
const liveQuestion = (id: number, open: boolean): DocInit => ({
  kind: DocKind.LIVE_QUESTION,
  id: BigInt(id),
  body: { case: 'liveQuestion', value: { id, prompt: '¿Qué?', open } },
});

function viewOf(...docs: DocInit[]): View {
  const view = new View();
  view.applySnapshot(create(SnapshotSchema, { epoch: 'e', offset: 1n, docs }));
  return view;
}

const Nothing = () => null;
// Stand-ins for the registry, in its order: a live question outside the run of show first.
const registry: Activity[] = [
  {
    name: 'live-question',
    active: (view) => view.docs(DocKind.LIVE_QUESTION).some((q) => q.open),
    Projector: Nothing,
  },
  { name: 'race', agenda: Agenda_Activity.RACE, Projector: Nothing },
  { name: 'question', agenda: Agenda_Activity.QUESTION, Projector: Nothing },
  { name: 'console-only', agenda: Agenda_Activity.PRESENTATION, Console: Nothing },
];

const scene = (view: View, at = now) => sceneName(chooseScene(view, registry, at));

describe('the projector on AUTO follows the run of show', () => {
  it('shows the joining scene before the first item, and with no agenda at all', () => {
    expect(scene(viewOf(agenda(-1)))).toBe('join');
    expect(scene(viewOf())).toBe('join');
  });

  it("shows the current item's activity", () => {
    expect(scene(viewOf(agenda(2)))).toBe('race');
    expect(scene(viewOf(agenda(3)))).toBe('question');
  });

  it('puts a question asked live before the current item, and goes back to it once closed', () => {
    expect(scene(viewOf(agenda(2), liveQuestion(1, true)))).toBe('live-question');
    expect(scene(viewOf(agenda(2), liveQuestion(1, false)))).toBe('race');
  });

  it('shows the groups during a groups item', () => {
    expect(scene(viewOf(agenda(1)))).toBe('groups');
  });

  it('shows the title during a presentation, skipping activities without a projector view', () => {
    expect(scene(viewOf(agenda(0)))).toBe('title');
  });

  it('shows the timers while one runs or is paused and no activity is on', () => {
    expect(scene(viewOf(agenda(0), timer(1, Timer_State.RUNNING)))).toBe('timers');
    expect(scene(viewOf(agenda(-1), timer(1, Timer_State.PAUSED)))).toBe('timers');
    expect(scene(viewOf(agenda(0), timer(2, Timer_State.IDLE)))).toBe('title');
    expect(scene(viewOf(agenda(2), timer(1, Timer_State.RUNNING)))).toBe('race');
  });

  it("keeps a timer's time's up on the screen for a minute, then says when it goes", () => {
    const view = viewOf(agenda(0), timer(1, Timer_State.EXPIRED, now - 10_000));
    expect(scene(view)).toBe('timers');
    expect(sceneChangesIn(view, now)).toBe(timeUpShownMs - 10_000);
    expect(scene(view, now + timeUpShownMs)).toBe('title');
    expect(sceneChangesIn(view, now + timeUpShownMs)).toBeUndefined();
  });
});

describe("the facilitator's choice wins over the run of show", () => {
  it.each([
    [Scene.JOIN, 'join'],
    [Scene.GROUPS, 'groups'],
    [Scene.TIMERS, 'timers'],
    [Scene.TITLE, 'title'],
  ])('scene %i shows %s, even with a question asked live', (chosen, expected) => {
    expect(scene(viewOf(agenda(2, chosen), liveQuestion(1, true)))).toBe(expected);
  });

  it('reads a scene this page does not know as AUTO', () => {
    expect(scene(viewOf(agenda(2, 99 as Scene)))).toBe('race');
  });
});
