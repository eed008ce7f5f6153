import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { PhoneProps } from '../activity';
import { usePlanMessages } from './messages';
import { PlanEditor } from './PlanEditor';
import { currentPlanItem, planOfGroup, plansOf } from './PlanSelectors';
import { usePlanPhoneMessages } from './phoneMessages';
import './PhonePlan.css';

// The participant's group's plan of the current item, on their phone (in the room or remote):
// the item's question small at the top, then the objective and the steps, each editable by
// every member at once. The header stays small so that the first step (or the button that adds
// it) is in the first screenful of a 360x640 phone.
export function PhonePlan({ session, me }: PhoneProps) {
  const m = usePlanMessages();
  const p = usePlanPhoneMessages();
  const { view } = session;
  const item = currentPlanItem(view);
  const self = view.doc(DocKind.PARTICIPANT, me);
  if (item === undefined || !self) return null;
  const plan = planOfGroup(plansOf(view, item), self.group);
  const headingId = `plan-phone-${item}`;
  return (
    <section class="card plan-phone" aria-labelledby={headingId} data-plan-item={item}>
      <h2 id={headingId} class="eyebrow">
        {self.group === 0 ? m.planTitle : m.planOfGroup(self.group)}
      </h2>
      {self.group === 0 ? (
        <p class="calm" data-primary>
          {p.planNoGroup}
        </p>
      ) : plan === undefined ? (
        <p class="muted" data-primary>
          {p.planWaiting}
        </p>
      ) : (
        <>
          <p class="said plan-prompt">{plan.prompt || m.planDefaultPrompt}</p>
          {/* Keyed by plan: another item or group starts with no drafts. */}
          <PlanEditor
            key={`${item}:${self.group}`}
            session={session}
            plan={plan}
            me={me}
            selfName={self.displayName}
            rowHeading="h3"
          />
        </>
      )}
    </section>
  );
}
