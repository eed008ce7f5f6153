import { ActionPlanField } from '../../gen/campana/v1/action_plan_enums';
import type { PlanMessages } from './messages';
import type { ColumnField } from './PlanSelectors';

// A column's name, in the page's language: in full (a field's label), or short (a table's
// header, where seven columns share the width).
export function columnName(m: PlanMessages, field: ColumnField, short = false): string {
  switch (field) {
    case ActionPlanField.STEPS:
      return short ? m.planStepsShort : m.planSteps;
    case ActionPlanField.RESPONSIBLE:
      return short ? m.planResponsibleShort : m.planResponsible;
    case ActionPlanField.RESOURCES:
      return short ? m.planResourcesShort : m.planResources;
    case ActionPlanField.INDICATORS:
      return short ? m.planIndicatorsShort : m.planIndicators;
    case ActionPlanField.DUE_DATE:
      return short ? m.planDueDateShort : m.planDueDate;
    case ActionPlanField.EVIDENCE:
      return short ? m.planEvidenceShort : m.planEvidence;
  }
}
