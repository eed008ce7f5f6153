// What every view of the action plans reads of the documents: which plans belong to the current
// item, which one is a phone's or the projector's, each row's six fields, who is editing what.
// Pure functions of the view or of one plan, unit-tested in test/action-plan.test.ts.

import { ActionPlanField } from '../../gen/campana/v1/action_plan_enums';
import {
  type ActionPlan,
  type ActionPlan_Editor,
  type ActionPlan_Row,
  type ActionPlan_Text,
} from '../../gen/campana/v1/action_plan_pb';
import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import type { View } from '../../state/view';

// A row's columns, in the table's order.
export type ColumnField =
  | ActionPlanField.STEPS
  | ActionPlanField.RESPONSIBLE
  | ActionPlanField.RESOURCES
  | ActionPlanField.INDICATORS
  | ActionPlanField.DUE_DATE
  | ActionPlanField.EVIDENCE;

export const planColumns: readonly ColumnField[] = [
  ActionPlanField.STEPS,
  ActionPlanField.RESPONSIBLE,
  ActionPlanField.RESOURCES,
  ActionPlanField.INDICATORS,
  ActionPlanField.DUE_DATE,
  ActionPlanField.EVIDENCE,
];

// Server limits (action_plan.proto): the page says them before the server has to refuse.
export const maxPlanRows = 30;
export const maxPlanTextLength = 500;

// The document's id: the agenda index in the high 32 bits, the group in the low ones.
export function planDocId(item: number, group: number): bigint {
  return (BigInt(item) << 32n) | BigInt(group);
}

export function textOf(row: ActionPlan_Row, field: ColumnField): ActionPlan_Text | undefined {
  switch (field) {
    case ActionPlanField.STEPS:
      return row.steps;
    case ActionPlanField.RESPONSIBLE:
      return row.responsible;
    case ActionPlanField.RESOURCES:
      return row.resources;
    case ActionPlanField.INDICATORS:
      return row.indicators;
    case ActionPlanField.DUE_DATE:
      return row.dueDate;
    case ActionPlanField.EVIDENCE:
      return row.evidence;
  }
}

// The agenda index of the current item when it is an action plan.
export function currentPlanItem(view: View): number | undefined {
  const agenda = view.doc(DocKind.AGENDA);
  if (!agenda || agenda.current < 0) return undefined;
  return agenda.items[agenda.current]?.activity === Agenda_Activity.ACTION_PLAN ? agenda.current : undefined;
}

// Every plan of an item this device may see, by group.
export function plansOf(view: View, item: number): ActionPlan[] {
  return plansOfItem(view.docs(DocKind.ACTION_PLAN), item);
}

export function plansOfItem(plans: readonly ActionPlan[], item: number): ActionPlan[] {
  return plans.filter((p) => p.item === item).sort((a, b) => a.group - b.group);
}

// A participant's plan: their group's, of the current item (undefined in no group).
export function planOfGroup(plans: readonly ActionPlan[], group: number): ActionPlan | undefined {
  return group === 0 ? undefined : plans.find((p) => p.group === group);
}

// What the projector shows: the plan a facilitator chose (ShowPlan), or undefined for the
// summary of every group's.
export function shownPlan(plans: readonly ActionPlan[]): ActionPlan | undefined {
  return plans.find((p) => p.shown && p.group !== 0);
}

// Who else is editing this field (row 0 with OBJECTIVE: the objective). Markers of `me` are
// this device's own, left out; the facilitators share participant 0, so a console (me = 0)
// leaves out the facilitators' marker only on the field it is editing itself.
export function othersEditing(
  plan: ActionPlan,
  rowId: number,
  field: ActionPlanField,
  me: number,
  focusedHere: boolean,
): ActionPlan_Editor[] {
  return plan.editing.filter(
    (e) => e.rowId === rowId && e.field === field && !(e.participantId === me && (me !== 0 || focusedHere)),
  );
}

// Anyone but `me` (as above) editing some field of this row: removing it would take their text.
export function othersInRow(plan: ActionPlan, rowId: number, me: number): ActionPlan_Editor[] {
  return plan.editing.filter(
    (e) => e.rowId === rowId && e.field !== ActionPlanField.OBJECTIVE && e.participantId !== me,
  );
}

// A row with nothing written in it.
export function rowIsEmpty(row: ActionPlan_Row): boolean {
  return planColumns.every((f) => !textOf(row, f)?.text);
}

// A plan nobody wrote in: the report leaves it out.
export function planIsEmpty(plan: ActionPlan): boolean {
  return !plan.objective?.text && plan.rows.every(rowIsEmpty);
}

// The latest completion date of the plan (YYYY-MM-DD sorts as text), or ''.
export function latestDueDate(plan: ActionPlan): string {
  let latest = '';
  for (const row of plan.rows) {
    const date = row.dueDate?.text ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date > latest) latest = date;
  }
  return latest;
}

// A completion date in words ("15 mar 2027"), in the page's language; as written when it is not
// a date.
export function formatDueDate(date: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return dueDateFormat(language).format(at);
}

// One formatter a language: toLocaleDateString with options builds a new one each call, which a
// report of every plan's every row paid for again and again.
const dueDateFormats = new Map<string, Intl.DateTimeFormat>();
function dueDateFormat(language: string): Intl.DateTimeFormat {
  let format = dueDateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dueDateFormats.set(language, format);
  }
  return format;
}

// Where a row may move: one place up and one down, when there is one.
export function moveTargets(count: number, index: number): { up?: number; down?: number } {
  return {
    up: index > 0 ? index - 1 : undefined,
    down: index < count - 1 ? index + 1 : undefined,
  };
}

// A key for one editable text of a plan: the objective, or a row's field.
export function fieldKey(rowId: number, field: ActionPlanField): string {
  return `${rowId}:${field}`;
}
