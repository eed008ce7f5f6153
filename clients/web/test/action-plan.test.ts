import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { ActionPlanField } from '../src/gen/campana/v1/action_plan_enums';
import { type ActionPlan, ActionPlanSchema } from '../src/gen/campana/v1/action_plan_pb';
import { Agenda_Activity, DocKind } from '../src/gen/campana/v1/docs_enums';
import { RejectionCode } from '../src/gen/campana/v1/wire_enums';
import { SnapshotSchema } from '../src/gen/campana/v1/wire_pb';
import { View } from '../src/state/view';
import {
  currentOf,
  type Draft,
  leave,
  lostDrafts,
  replaceWithMine,
  replied,
  sending,
  settle,
  shownText,
  startDraft,
  typed,
} from '../src/activities/action-plan/PlanDraft';
import {
  currentPlanItem,
  fieldKey,
  formatDueDate,
  latestDueDate,
  moveTargets,
  othersEditing,
  othersInRow,
  planDocId,
  planIsEmpty,
  planOfGroup,
  plansOf,
  shownPlan,
} from '../src/activities/action-plan/PlanSelectors';
import { parsePlanExport, reportedPlans } from '../src/activities/action-plan/ReportPlanData';
import { namesText, typingText } from '../src/activities/action-plan/PlanTyping';

const plan = (init: MessageInitShape<typeof ActionPlanSchema>): ActionPlan =>
  create(ActionPlanSchema, { item: 9, ...init });
const text = (t: string, version: number, byName = '') => ({ text: t, version, byName });

// A view with the agenda at `current` (item 9 is the action plan) and the given plans.
function viewWith(current: number, plans: ActionPlan[]): View {
  const view = new View();
  const items = Array.from({ length: 11 }, (_, i) => ({
    title: `item ${i}`,
    activity: i === 9 ? Agenda_Activity.ACTION_PLAN : Agenda_Activity.PRESENTATION,
  }));
  view.applySnapshot(
    create(SnapshotSchema, {
      epoch: 'e',
      offset: 1n,
      docs: [
        { kind: DocKind.AGENDA, id: 0n, body: { case: 'agenda', value: { items, current } } },
        ...plans.map((p) => ({
          kind: DocKind.ACTION_PLAN,
          id: planDocId(p.item, p.group),
          body: { case: 'actionPlan' as const, value: p },
        })),
      ],
    }),
  );
  return view;
}

describe('which plan each screen shows', () => {
  const plans = [plan({ group: 2 }), plan({ group: 1 }), plan({ item: 4, group: 1 })];

  it('names a plan by item and group, the item in the high 32 bits', () => {
    expect(planDocId(9, 3)).toBe((9n << 32n) | 3n);
    expect(planDocId(0, 1)).toBe(1n);
  });

  it('reads the current item’s plans only, by group, and only during an action plan item', () => {
    const view = viewWith(9, plans);
    expect(currentPlanItem(view)).toBe(9);
    expect(plansOf(view, 9).map((p) => p.group)).toEqual([1, 2]);
    expect(currentPlanItem(viewWith(8, plans))).toBeUndefined();
    expect(currentPlanItem(viewWith(-1, plans))).toBeUndefined();
  });

  it('gives a phone its group’s plan, and nothing in no group', () => {
    const ofItem = plansOf(viewWith(9, plans), 9);
    expect(planOfGroup(ofItem, 2)?.group).toBe(2);
    expect(planOfGroup(ofItem, 0)).toBeUndefined();
    expect(planOfGroup(ofItem, 5)).toBeUndefined();
  });

  it('shows on the projector the plan marked shown, else the summary', () => {
    expect(shownPlan([plan({ group: 1 }), plan({ group: 2 })])).toBeUndefined();
    expect(shownPlan([plan({ group: 1 }), plan({ group: 2, shown: true })])?.group).toBe(2);
  });
});

describe('who else is editing', () => {
  const editing = plan({
    group: 1,
    editing: [
      { participantId: 3, name: 'Beto', rowId: 5, field: ActionPlanField.STEPS },
      { participantId: 4, name: 'Carla', rowId: 0, field: ActionPlanField.OBJECTIVE },
      { participantId: 0, name: '', rowId: 5, field: ActionPlanField.STEPS },
      { participantId: 2, name: 'Ana', rowId: 5, field: ActionPlanField.STEPS },
    ],
  });

  it('leaves out this phone’s own marker and other fields', () => {
    const names = othersEditing(editing, 5, ActionPlanField.STEPS, 2, true).map((e) => e.participantId);
    expect(names).toEqual([3, 0]);
    expect(othersEditing(editing, 0, ActionPlanField.OBJECTIVE, 2, false).map((e) => e.name)).toEqual(['Carla']);
    expect(othersEditing(editing, 5, ActionPlanField.EVIDENCE, 2, false)).toEqual([]);
  });

  it('on a console, leaves out the facilitators’ marker only on the field it is editing', () => {
    expect(othersEditing(editing, 5, ActionPlanField.STEPS, 0, true).map((e) => e.participantId)).toEqual([3, 2]);
    expect(othersEditing(editing, 5, ActionPlanField.STEPS, 0, false).map((e) => e.participantId)).toEqual([3, 0, 2]);
  });

  it('says it in words, the facilitators without a name', () => {
    const words = {
      planIsTyping: (n: string) => `${n} está escribiendo…`,
      planAreTyping: (n: string) => `${n} están escribiendo…`,
      planFacilitatorsTyping: 'El equipo facilitador está escribiendo…',
      planFacilitatorsName: 'el equipo facilitador',
      planAnd: 'y',
    };
    const on = (me: number) => othersEditing(editing, 5, ActionPlanField.STEPS, me, true);
    expect(typingText([], words)).toBe('');
    expect(typingText(on(0).slice(0, 1), words)).toBe('Beto está escribiendo…');
    expect(typingText(on(2), words)).toBe('Beto y el equipo facilitador están escribiendo…');
    expect(typingText(editing.editing.slice(2, 3), words)).toBe('El equipo facilitador está escribiendo…');
    expect(namesText(['Ana', 'Beto', 'Carla'], 'y')).toBe('Ana, Beto y Carla');
  });

  it('counts who is in a row before it is removed', () => {
    expect(othersInRow(editing, 5, 2).map((e) => e.participantId)).toEqual([3, 0]);
  });
});

describe('the plan’s figures', () => {
  const rows = [
    { id: 1, dueDate: text('2027-03-15', 1) },
    { id: 2, dueDate: text('', 0) },
    { id: 3, dueDate: text('2027-11-02', 1) },
  ];

  it('finds the latest completion date', () => {
    expect(latestDueDate(plan({ group: 1, rows }))).toBe('2027-11-02');
    expect(latestDueDate(plan({ group: 1 }))).toBe('');
  });

  it('writes a date in words in either language, whatever the time zone', () => {
    expect(formatDueDate('2027-03-15', 'es')).toMatch(/15.*mar.*2027/);
    expect(formatDueDate('2027-03-15', 'en')).toMatch(/Mar.*15.*2027|15.*Mar.*2027/);
    expect(formatDueDate('', 'es')).toBe('');
  });

  it('moves a row one place up or down, not past either end', () => {
    expect(moveTargets(3, 0)).toEqual({ up: undefined, down: 1 });
    expect(moveTargets(3, 2)).toEqual({ up: 1, down: undefined });
    expect(moveTargets(1, 0)).toEqual({ up: undefined, down: undefined });
  });

  it('knows a plan nobody wrote in', () => {
    expect(planIsEmpty(plan({ group: 1, rows: [{ id: 1 }] }))).toBe(true);
    expect(planIsEmpty(plan({ group: 1, objective: text('Menos papel', 1) }))).toBe(false);
    expect(planIsEmpty(plan({ group: 1, rows: [{ id: 1, evidence: text('Encuesta', 1) }] }))).toBe(false);
  });
});

describe('a draft: what the person types is never lost nor written over unseen', () => {
  const at = (t: string, version: number) => ({ text: t, version });

  it('is based on the version seen when the field gained the focus, not the one at save time', () => {
    let draft = startDraft(undefined, at('Capacitar', 1));
    draft = typed(draft, 'Capacitar al equipo');
    // Someone else saves meanwhile: the box keeps what is typed; the save still names version 1.
    const now = at('Capacitar a todos', 2);
    draft = settle(draft, now)!;
    expect(shownText(draft, now)).toBe('Capacitar al equipo');
    expect(leave(draft, now)).toEqual({ kind: 'send', text: 'Capacitar al equipo', base: 1 });
  });

  it('sends nothing when nothing was typed, and then shows the document’s text', () => {
    const draft = startDraft(undefined, at('Uno', 3));
    expect(leave(draft, at('Uno', 3))).toEqual({ kind: 'drop' });
    expect(leave(typed(draft, '  Uno  '), at('Uno', 3))).toEqual({ kind: 'drop' });
  });

  it('follows the document while untouched', () => {
    const draft = startDraft(undefined, at('Uno', 3));
    expect(settle(draft, at('Dos', 4))).toEqual({ text: 'Dos', base: 4, baseText: 'Dos', state: 'editing' });
  });

  it('a conflict keeps both texts until the person chooses; replacing uses the version now seen', () => {
    let draft: Draft = sending(typed(startDraft(undefined, at('', 0)), 'Mi texto'));
    draft = replied(draft, 'Mi texto', 0, { ok: false, code: RejectionCode.CONFLICT })!;
    expect(draft.state).toBe('conflict');
    const theirs = at('Su texto', 1);
    expect(shownText(settle(draft, theirs), theirs)).toBe('Mi texto');
    expect(leave(draft, theirs)).toEqual({ kind: 'keep' });
    const again = replaceWithMine(draft, theirs);
    expect(again).toMatchObject({ text: 'Mi texto', base: 1, draft: { state: 'saving', base: 1 } });
    const done = replied(again.draft, 'Mi texto', 1, { ok: true })!;
    expect(done.state).toBe('saved');
    // The document with my text arrives: the draft has nothing left to say.
    expect(settle(done, at('Mi texto', 2))).toBeUndefined();
    expect(settle(done, at('Su texto', 1))).toBe(done);
  });

  it('typing on during a save goes on from the version the save made', () => {
    let draft = sending(typed(startDraft(undefined, at('', 0)), 'Uno'));
    draft = typed(draft, 'Uno y dos');
    draft = replied(draft, 'Uno', 0, { ok: true })!;
    expect(draft).toMatchObject({ state: 'editing', base: 1, baseText: 'Uno', text: 'Uno y dos' });
    expect(leave(draft, at('Uno', 1))).toEqual({ kind: 'send', text: 'Uno y dos', base: 1 });
  });

  it('focusing again before the saved text arrives bases the next edit on it', () => {
    const saved = replied(sending(typed(startDraft(undefined, at('', 4)), 'A')), 'A', 4, { ok: true })!;
    expect(startDraft(saved, at('', 4))).toMatchObject({ base: 5, baseText: 'A', state: 'editing' });
  });

  it('a refusal or a lost connection keeps the text, with the reason', () => {
    const draft = replied(sending(typed(startDraft(undefined, at('', 0)), 'Texto')), 'Texto', 0, {
      ok: false,
      code: 'unsent',
    })!;
    expect(draft).toMatchObject({ state: 'failed', failure: 'unsent', text: 'Texto' });
    expect(leave(draft, at('', 0))).toEqual({ kind: 'keep' });
    expect(typed(draft, 'Texto!').state).toBe('editing');
  });

  it('shows what was typed in a step someone removed', () => {
    const drafts = new Map<string, Draft>([
      [fieldKey(7, ActionPlanField.STEPS), typed(startDraft(undefined, currentOf(undefined)), 'Lo mío')],
      [fieldKey(7, ActionPlanField.EVIDENCE), startDraft(undefined, currentOf(undefined))],
      [fieldKey(8, ActionPlanField.STEPS), typed(startDraft(undefined, currentOf(undefined)), 'Sigue')],
      [fieldKey(0, ActionPlanField.OBJECTIVE), typed(startDraft(undefined, currentOf(undefined)), 'Objetivo')],
    ]);
    const lost = lostDrafts(drafts, { rows: [{ id: 8 }] });
    expect(lost.map(([key, d]) => [key, d.text])).toEqual([[fieldKey(7, ActionPlanField.STEPS), 'Lo mío']]);
  });
});

describe('the report’s plans, from the export', () => {
  const exported = JSON.stringify({
    agenda: { items: Array.from({ length: 10 }, (_, i) => ({ title: i === 9 ? 'Plan de acción' : `item ${i}` })) },
    action_plans: [
      { item: 9, group: 2, prompt: '¿Qué cambio?', objective: { text: 'Menos papel', version: 1 } },
      {
        item: 9,
        group: 1,
        rows: [{ id: 4, version: 2, steps: { text: 'Digitalizar', version: 1 }, due_date: { text: '2027-03-15' } }],
      },
      { item: 9, group: 3 },
    ],
  });

  it('reads every plan in item and group order, snake_case as the server writes it', () => {
    const data = parsePlanExport(exported);
    expect(data.items[9]).toBe('Plan de acción');
    expect(data.plans.map((p) => p.group)).toEqual([1, 2, 3]);
    expect(data.plans[0]?.rows[0]?.dueDate?.text).toBe('2027-03-15');
    expect(data.plans[1]?.objective?.text).toBe('Menos papel');
  });

  it('leaves out the plans nobody wrote in', () => {
    const byItem = reportedPlans(parsePlanExport(exported));
    expect([...byItem.keys()]).toEqual([9]);
    expect(byItem.get(9)?.map((p) => p.group)).toEqual([1, 2]);
    expect(reportedPlans(parsePlanExport('{}')).size).toBe(0);
  });
});
