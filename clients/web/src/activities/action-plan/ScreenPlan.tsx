import { ActionPlanField } from '../../gen/campana/v1/action_plan_enums';
import { type ActionPlan } from '../../gen/campana/v1/action_plan_pb';
import { useLanguage } from '../../i18n/i18n';
import type { ViewProps } from '../activity';
import { columnName } from './ColumnNames';
import { usePlanMessages } from './messages';
import {
  currentPlanItem,
  formatDueDate,
  latestDueDate,
  planColumns,
  plansOf,
  shownPlan,
  textOf,
} from './PlanSelectors';
import { usePlanScreenMessages } from './screenMessages';
import './ScreenPlan.css';

// The action plans on the projector: the plan a facilitator chose (ShowPlan), big, as a table
// of its steps; otherwise every group's side by side (objective, how many steps, when the last
// ends). Drawn in the projector's FitFrame: the type shrinks for a long plan, then its steps
// page by themselves; nothing scrolls.
export function ScreenPlan({ session }: ViewProps) {
  const { view } = session;
  const item = currentPlanItem(view);
  if (item === undefined) return null;
  const plans = plansOf(view, item);
  const shown = shownPlan(plans);
  const prompt = plans.find((p) => p.prompt)?.prompt ?? '';
  return shown ? <OnePlan plan={shown} /> : <Summary plans={plans} prompt={prompt} />;
}

function Summary({ plans, prompt }: { plans: ActionPlan[]; prompt: string }) {
  const m = usePlanMessages();
  const s = usePlanScreenMessages();
  const language = useLanguage();
  return (
    <section class="scene screen-plan summary" aria-label={s.planSummaryScene} data-plan-scene="summary">
      <h2 class="said title scene-prompt plan-screen-prompt">{prompt || m.planDefaultPrompt}</h2>
      {plans.length === 0 ? (
        <p class="scene-note">{s.planNoGroups}</p>
      ) : (
        <>
          <p class="scene-note">{s.planWriteOnPhones}</p>
          <ul class="plan-cards" data-fit-list aria-label={s.planPlansLabel}>
            {plans.map((plan) => {
              const latest = latestDueDate(plan);
              return (
                <li key={plan.group} class="plan-card" data-plan-group={plan.group}>
                  <h3 class="plan-card-group">{m.group(plan.group)}</h3>
                  {plan.objective?.text ? (
                    <p class="said plan-card-objective">{plan.objective.text}</p>
                  ) : (
                    <p class="plan-card-objective empty">{s.planNoObjective}</p>
                  )}
                  <p class="plan-card-meta">
                    {[m.planStepCount(plan.rows.length), latest && m.planUntil(formatDueDate(latest, language))]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function OnePlan({ plan }: { plan: ActionPlan }) {
  const m = usePlanMessages();
  const s = usePlanScreenMessages();
  const language = useLanguage();
  return (
    <section
      class="scene screen-plan one"
      aria-label={s.planOneScene(plan.group)}
      data-plan-scene="one"
      data-plan-group={plan.group}
    >
      <p class="scene-eyebrow">
        {m.group(plan.group)} · {m.planStepCount(plan.rows.length)}
      </p>
      {plan.objective?.text ? (
        <h2 class="said title plan-screen-objective">{plan.objective.text}</h2>
      ) : (
        <h2 class="plan-screen-objective empty">{s.planNoObjective}</h2>
      )}
      {plan.rows.length === 0 ? (
        <p class="scene-note">{s.planNoSteps}</p>
      ) : (
        <div class="plan-table" role="table" aria-label={m.planOfGroup(plan.group)}>
          <div role="rowgroup">
            <div class="plan-table-row head" role="row">
              <span role="columnheader">{s.planStepNumber}</span>
              {planColumns.map((field) => (
                <span key={field} role="columnheader">
                  {columnName(m, field, true)}
                </span>
              ))}
            </div>
          </div>
          <div class="plan-table-body" role="rowgroup" data-fit-list>
            {plan.rows.map((row, i) => (
              <div key={row.id} class="plan-table-row" role="row" data-row={row.id}>
                <span role="cell" class="plan-step-number">
                  {i + 1}
                </span>
                {planColumns.map((field) => {
                  const text = textOf(row, field)?.text ?? '';
                  return (
                    <span key={field} role="cell" class="said plan-cell">
                      {field === ActionPlanField.DUE_DATE ? formatDueDate(text, language) : text}
                    </span>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
