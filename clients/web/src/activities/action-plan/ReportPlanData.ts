// The action plans' part of the workshop's export (GET /api/workshops/CODE/export, the protobuf
// JSON mapping, read as plain JSON like the rest of the report): every group's plan of every
// action plan item, as ActionPlan messages. Pure, unit-tested in test/action-plan.test.ts.
// The messages are plain objects of the generated types, what `create` would make, so that
// the report page does not load protobuf's runtime (vite.config.ts, `protocol`).

import type { ActionPlan, ActionPlan_Row, ActionPlan_Text } from '../../gen/campana/v1/action_plan_pb';
import { field, list, num, parseJsonObject, str } from '../../pages/console/exportFile';
import { planIsEmpty } from './PlanSelectors';

export interface ExportedPlans {
  items: string[]; // the agenda items' titles
  plans: ActionPlan[]; // by item, then group
}

const text = (o: unknown, name: string): ActionPlan_Text => {
  const t = field(o, name);
  return {
    $typeName: 'campana.v1.ActionPlan.Text',
    text: str(t, 'text'),
    version: num(t, 'version'),
    byName: str(t, 'by_name'),
    byFacilitator: false,
  };
};

const row = (r: unknown): ActionPlan_Row => ({
  $typeName: 'campana.v1.ActionPlan.Row',
  id: num(r, 'id'),
  version: num(r, 'version'),
  steps: text(r, 'steps'),
  responsible: text(r, 'responsible'),
  resources: text(r, 'resources'),
  indicators: text(r, 'indicators'),
  dueDate: text(r, 'due_date'),
  evidence: text(r, 'evidence'),
});

export function parsePlanExport(json: string): ExportedPlans {
  const raw = parseJsonObject(json);
  const plans = list(raw, 'action_plans').map((p): ActionPlan => ({
    $typeName: 'campana.v1.ActionPlan',
    item: num(p, 'item'),
    group: num(p, 'group'),
    prompt: str(p, 'prompt'),
    objective: text(p, 'objective'),
    rows: list(p, 'rows').map(row),
    editing: [],
    shown: false,
  }));
  return {
    items: list(field(raw, 'agenda'), 'items').map((i) => str(i, 'title')),
    plans: plans.sort((a, b) => a.item - b.item || a.group - b.group),
  };
}

// The plans the report shows, by item: those something was written in.
export function reportedPlans(data: ExportedPlans): Map<number, ActionPlan[]> {
  const byItem = new Map<number, ActionPlan[]>();
  for (const plan of data.plans) {
    if (planIsEmpty(plan)) continue;
    byItem.set(plan.item, [...(byItem.get(plan.item) ?? []), plan]);
  }
  return byItem;
}
