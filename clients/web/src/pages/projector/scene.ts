import { Scene } from '../../gen/campana/v1/common_enums';
import { Agenda_Activity, DocKind, Timer_State } from '../../gen/campana/v1/docs_enums';
import { type Activity, currentItem, isActive } from '../../activities/activity';
import type { View } from '../../state/view';

// What the projector shows: one scene at a time, never a pile of panels.
export type SceneChoice =
  | { kind: 'join' }
  | { kind: 'groups' }
  | { kind: 'timers' }
  | { kind: 'title' }
  | { kind: 'activity'; activity: Activity };

// How long the room sees "time's up" after a timer runs out (expired timers stay in the list
// until deleted, so they cannot hold the screen for ever).
export const timeUpShownMs = 60_000;

// A timer that is counting, stopped half-way, or just ran out: worth the room's attention. An
// idle one is not. `nowMs` is the server's time.
export function timerGoingOn(view: View, nowMs: number): boolean {
  return view
    .docs(DocKind.TIMER)
    .some(
      (t) =>
        t.state === Timer_State.RUNNING ||
        t.state === Timer_State.PAUSED ||
        (t.state === Timer_State.EXPIRED && nowMs - Number(t.endsAtMs) < timeUpShownMs),
    );
}

// When the scene may change with no new document: the moment a timer's "time's up" leaves the
// screen, in ms from now (undefined: no such moment).
export function sceneChangesIn(view: View, nowMs: number): number | undefined {
  const ends = view
    .docs(DocKind.TIMER)
    .filter((t) => t.state === Timer_State.EXPIRED)
    .map((t) => Number(t.endsAtMs) + timeUpShownMs - nowMs)
    .filter((ms) => ms > 0);
  return ends.length > 0 ? Math.min(...ends) : undefined;
}

// The facilitator's choice (the agenda's `scene`), or, on AUTO, the run of show:
//   1. the first activity on, in the registry's order (a question asked live before the race);
//   2. a groups item: the groups and teams;
//   3. a timer going on (or just run out): the timers;
//   4. before the first item: the joining scene;
//   5. otherwise (a talk, a break): the title.
// `activities` is the registry, passed in so that this stays a pure function of the view and
// the server's time (`nowMs`).
export function chooseScene(view: View, activities: readonly Activity[], nowMs: number): SceneChoice {
  switch (view.doc(DocKind.AGENDA)?.scene ?? Scene.AUTO) {
    case Scene.JOIN:
      return { kind: 'join' };
    case Scene.GROUPS:
      return { kind: 'groups' };
    case Scene.TIMERS:
      return { kind: 'timers' };
    case Scene.TITLE:
      return { kind: 'title' };
    default:
      return autoScene(view, activities, nowMs);
  }
}

function autoScene(view: View, activities: readonly Activity[], nowMs: number): SceneChoice {
  const activity = activities.find((a) => a.Projector && isActive(a, view));
  if (activity) return { kind: 'activity', activity };
  const item = currentItem(view);
  if (item?.activity === Agenda_Activity.GROUPS) return { kind: 'groups' };
  if (timerGoingOn(view, nowMs)) return { kind: 'timers' };
  if (!item) return { kind: 'join' };
  return { kind: 'title' };
}

// A name for the scene, stable across languages: the page's `data-scene`, for tests and styles.
export function sceneName(scene: SceneChoice): string {
  return scene.kind === 'activity' ? scene.activity.name : scene.kind;
}
