import type { ActionPlan } from '../../gen/campana/v1/action_plan_pb';
import { useLanguage } from '../../i18n/i18n';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import type { ViewProps } from '../activity';
import { usePlanConsoleMessages } from './consoleMessages';
import { usePlanMessages } from './messages';
import { PlanEditor } from './PlanEditor';
import { currentPlanItem, plansOf, shownPlan } from './PlanSelectors';
import { PlanTable } from './PlanTable';
import './ConsolePlan.css';

// The action plans of the current item on the console: what the projector shows (the summary
// of every group's, or one group's plan: ShowPlan), and each group's plan at a glance, with its
// editor folded under it (the facilitators may write in any plan, as its members do).
export function ConsolePlan({ session }: ViewProps) {
  const m = usePlanMessages();
  const c = usePlanConsoleMessages();
  const command = useCommand(session);
  const item = currentPlanItem(session.view);
  if (item === undefined) return null;
  const plans = plansOf(session.view, item);
  const shown = shownPlan(plans);
  const prompt = plans.find((p) => p.prompt)?.prompt ?? '';
  const show = (group: number) => void command.send({ case: 'showPlan', value: { item, group } });
  return (
    <section class="panel plan-panel" aria-labelledby="console-plan">
      <h2 id="console-plan">{c.planPanel}</h2>
      <p class="muted said">{prompt || m.planDefaultPrompt}</p>
      <div class="buttons" role="group" aria-label={c.planOnProjector}>
        <button type="button" aria-pressed={shown === undefined} onClick={() => show(0)}>
          {c.planShowSummary}
        </button>
      </div>
      <Refusal command={command} />
      {plans.length === 0 && <p class="muted">{c.planNoGroups}</p>}
      {plans.map((plan) => (
        <GroupPlan key={plan.group} session={session} plan={plan} onShow={() => show(plan.shown ? 0 : plan.group)} />
      ))}
    </section>
  );
}

function GroupPlan({ session, plan, onShow }: { session: Session; plan: ActionPlan; onShow: () => void }) {
  const m = usePlanMessages();
  const c = usePlanConsoleMessages();
  const language = useLanguage();
  const headingId = `console-plan-${plan.item}-${plan.group}`;
  const typing = new Set(plan.editing.map((e) => e.participantId)).size;
  return (
    <section class="plan-group" aria-labelledby={headingId} data-plan-group={plan.group}>
      <div class="plan-group-head">
        <h3 id={headingId}>{m.group(plan.group)}</h3>
        <span class="muted">
          {[m.planStepCount(plan.rows.length), typing > 0 ? c.planEditingNow(typing) : ''].filter(Boolean).join(' · ')}
        </span>
        <button type="button" aria-pressed={plan.shown} onClick={onShow}>
          {c.planShowOnProjector}
        </button>
      </div>
      <p class="plan-group-objective">
        <strong>{m.planObjective}:</strong>{' '}
        {plan.objective?.text ? (
          <span class="said">{plan.objective.text}</span>
        ) : (
          <span class="muted">{c.planNoObjectiveYet}</span>
        )}
      </p>
      {plan.rows.length === 0 ? (
        <p class="muted">{c.planNoStepsYet}</p>
      ) : (
        <PlanTable plan={plan} m={m} language={language} caption={c.planStepsOf(plan.group)} />
      )}
      <details class="plan-edit">
        <summary>{c.planEdit}</summary>
        <PlanEditor session={session} plan={plan} me={0} selfName="" rowHeading="h4" />
      </details>
    </section>
  );
}
