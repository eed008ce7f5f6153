import { useEffect, useState } from 'preact/hooks';
import { ActionPlanField } from '../../gen/campana/v1/action_plan_enums';
import { type ActionPlan, type ActionPlan_Row } from '../../gen/campana/v1/action_plan_pb';
import type { Session } from '../../session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { GuardedButton } from '../../ui/GuardedButton';
import { Refusal, useCommand } from '../../ui/useCommand';
import { columnName } from './ColumnNames';
import { usePlanMessages } from './messages';
import { type Draft, lostDrafts } from './PlanDraft';
import { type DraftUpdate, PlanField } from './PlanField';
import {
  type ColumnField,
  fieldKey,
  maxPlanRows,
  moveTargets,
  othersInRow,
  planColumns,
  textOf,
} from './PlanSelectors';
import { usePlanPhoneMessages } from './phoneMessages';
import { namesText } from './PlanTyping';
import { type EditingMarker, useEditingMarker } from './PlanEditingMarker';
import './PlanEditor.css';

export interface PlanEditorProps {
  session: Session;
  plan: ActionPlan;
  me: number; // the participant; 0 on a console
  selfName: string; // '' on a console
  rowHeading: 'h3' | 'h4';
}

// How each column is typed: a few words, a date, or sentences.
const kindOf = (field: ColumnField): 'line' | 'long' | 'date' =>
  field === ActionPlanField.DUE_DATE ? 'date' : field === ActionPlanField.RESPONSIBLE ? 'line' : 'long';

// The controls' ids: unique on a console that shows every group's plan.
const idOf = (plan: ActionPlan, rowId: number, what: string) => `plan-${plan.item}-${plan.group}-${rowId}-${what}`;

// A group's plan, edited by its members and the facilitators at once: the objective, then one
// card per step with its six fields, moved up and down, removed after a question, and the step
// added at the end. The phone's view and the console's editor. The drafts of every field are
// kept here, not in the fields: a step someone removes while this person types in it takes its
// fields away, and what they typed is still shown.
export function PlanEditor({ session, plan, me, selfName, rowHeading }: PlanEditorProps) {
  const m = usePlanMessages();
  const p = usePlanPhoneMessages();
  const command = useCommand(session);
  const marker = useEditingMarker(session, plan.item, plan.group);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  // The steps there were when this person added one: the new one is focused when it arrives.
  const [addedAfter, setAddedAfter] = useState<ReadonlySet<number> | undefined>(undefined);
  const { item, group } = plan;

  const updateOf =
    (key: string): DraftUpdate =>
    (change) =>
      setDrafts((before) => {
        const draft = change(before.get(key));
        if (draft === before.get(key)) return before;
        const next = new Map(before);
        if (draft) next.set(key, draft);
        else next.delete(key);
        return next;
      });

  useEffect(() => {
    if (!addedAfter) return;
    const added = plan.rows.find((r) => !addedAfter.has(r.id));
    if (!added) return;
    setAddedAfter(undefined);
    document.getElementById(idOf(plan, added.id, String(ActionPlanField.STEPS)))?.focus();
  }, [plan, addedAfter]);

  const add = async () => {
    const before = new Set(plan.rows.map((r) => r.id));
    if (await command.send({ case: 'addPlanRow', value: { item, group, afterRowId: 0 } })) setAddedAfter(before);
  };
  const lost = lostDrafts(drafts, plan);
  const fieldProps = { plan, me, selfName, marker };

  return (
    <div class="plan-editor" data-plan-group={group}>
      <PlanField
        {...fieldProps}
        id={idOf(plan, 0, 'objective')}
        label={m.planObjective}
        kind="long"
        rowId={0}
        field={ActionPlanField.OBJECTIVE}
        text={plan.objective}
        draft={drafts.get(fieldKey(0, ActionPlanField.OBJECTIVE))}
        update={updateOf(fieldKey(0, ActionPlanField.OBJECTIVE))}
        save={(text, baseVersion) =>
          session.connection.send({ case: 'setPlanObjective', value: { item, group, text, baseVersion } })
        }
      />
      {lost.length > 0 && (
        <div class="plan-lost" role="alert">
          <p>{p.planLostRow}</p>
          {lost.map(([key, draft]) => (
            <p key={key} class="said plan-conflict-text mine">
              {draft.text}
            </p>
          ))}
          <button
            type="button"
            onClick={() =>
              setDrafts((before) => {
                const next = new Map(before);
                for (const [key] of lost) next.delete(key);
                return next;
              })
            }
          >
            {p.planLostRowDone}
          </button>
        </div>
      )}
      {plan.rows.length === 0 ? (
        <p class="muted plan-no-steps">{p.planNoStepsYet}</p>
      ) : (
        <ol class="plan-rows">
          {plan.rows.map((row, index) => (
            <PlanRow
              key={row.id}
              session={session}
              plan={plan}
              row={row}
              index={index}
              me={me}
              selfName={selfName}
              marker={marker}
              heading={rowHeading}
              drafts={drafts}
              updateOf={updateOf}
              onMove={(toIndex) =>
                command.send({ case: 'movePlanRow', value: { item, group, rowId: row.id, toIndex } })
              }
              onRemove={() =>
                void command.send({
                  case: 'removePlanRow',
                  value: { item, group, rowId: row.id, baseVersion: row.version },
                })
              }
            />
          ))}
        </ol>
      )}
      <div class="plan-add" data-primary={plan.rows.length === 0 || undefined}>
        <GuardedButton
          class="primary big"
          why={plan.rows.length >= maxPlanRows ? p.planRowsFull(maxPlanRows) : undefined}
          onClick={() => void add()}
        >
          {p.planAddStep}
        </GuardedButton>
      </div>
      <Refusal command={command} />
    </div>
  );
}

function PlanRow(props: {
  session: Session;
  plan: ActionPlan;
  row: ActionPlan_Row;
  index: number;
  me: number;
  selfName: string;
  marker: EditingMarker;
  heading: 'h3' | 'h4';
  drafts: ReadonlyMap<string, Draft>;
  updateOf: (key: string) => DraftUpdate;
  onMove: (toIndex: number) => Promise<boolean>;
  onRemove: () => void;
}) {
  const m = usePlanMessages();
  const p = usePlanPhoneMessages();
  const { session, plan, row, index, me, heading: Heading } = props;
  const { item, group } = plan;
  const n = index + 1;
  const { up, down } = moveTargets(plan.rows.length, index);
  const typing = othersInRow(plan, row.id, me);
  const typingNames = namesText(
    typing.map((e) => (e.participantId === 0 ? p.planFacilitatorsName : e.name)),
    p.planAnd,
  );
  // The moved step's button keeps the focus (or its twin, at either end of the list).
  const move = async (toIndex: number, which: 'up' | 'down') => {
    if (!(await props.onMove(toIndex))) return;
    window.requestAnimationFrame(() => {
      const same = document.getElementById(idOf(plan, row.id, which)) as HTMLButtonElement | null;
      const twin = document.getElementById(idOf(plan, row.id, which === 'up' ? 'down' : 'up'));
      (same && !same.disabled ? same : twin)?.focus();
    });
  };
  return (
    <li class="plan-row" data-row={row.id}>
      <div class="plan-row-head">
        <Heading class="plan-row-title">{m.planStepN(n)}</Heading>
        <div class="plan-row-actions">
          <button
            type="button"
            id={idOf(plan, row.id, 'up')}
            aria-label={p.planMoveUp(n)}
            title={p.planMoveUp(n)}
            disabled={up === undefined}
            onClick={() => up !== undefined && void move(up, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            id={idOf(plan, row.id, 'down')}
            aria-label={p.planMoveDown(n)}
            title={p.planMoveDown(n)}
            disabled={down === undefined}
            onClick={() => down !== undefined && void move(down, 'down')}
          >
            ↓
          </button>
          <ConfirmButton
            class="danger"
            label={p.planRemoveStep(n)}
            question={typing.length > 0 ? p.planRemoveWhileTyping(typingNames) : p.planRemoveQuestion}
            yes={p.planYesRemove}
            onClick={props.onRemove}
          >
            {p.planRemove}
          </ConfirmButton>
        </div>
      </div>
      {planColumns.map((field, i) => {
        const key = fieldKey(row.id, field);
        return (
          <div key={field} data-primary={(index === 0 && i === 0) || undefined}>
            <PlanField
              plan={plan}
              me={me}
              selfName={props.selfName}
              marker={props.marker}
              id={idOf(plan, row.id, String(field))}
              label={columnName(m, field)}
              kind={kindOf(field)}
              rowId={row.id}
              field={field}
              text={textOf(row, field)}
              draft={props.drafts.get(key)}
              update={props.updateOf(key)}
              save={(text, baseVersion) =>
                session.connection.send({
                  case: 'editPlanField',
                  value: { item, group, rowId: row.id, field, text, baseVersion },
                })
              }
            />
          </div>
        );
      })}
    </li>
  );
}
