import { useEffect, useState } from 'preact/hooks';
import type { ActionPlanField } from '../../gen/campana/v1/action_plan_enums';
import type { ActionPlan, ActionPlan_Text } from '../../gen/campana/v1/action_plan_pb';
import { rejectionText } from '../../i18n/i18n';
import type { Reply as ServerReply } from '../../net/connection';
import { cleanText } from '../../ui/text';
import {
  currentOf,
  type Draft,
  leave,
  replaceWithMine,
  replied,
  sending,
  settle,
  shownText,
  startDraft,
  typed,
} from './PlanDraft';
import { maxPlanTextLength, othersEditing } from './PlanSelectors';
import { usePlanPhoneMessages } from './phoneMessages';
import { typingText } from './PlanTyping';
import type { EditingMarker } from './PlanEditingMarker';

export type DraftUpdate = (change: (draft: Draft | undefined) => Draft | undefined) => void;

export interface PlanFieldProps {
  id: string; // the control's id (a row's new steps field is focused by it)
  label: string;
  kind: 'line' | 'long' | 'date';
  plan: ActionPlan;
  rowId: number; // 0: the objective
  field: ActionPlanField;
  text: ActionPlan_Text | undefined;
  draft: Draft | undefined; // as the editor keeps it (PlanDraft.settle is applied here)
  update: DraftUpdate;
  save: (text: string, base: number) => Promise<ServerReply>;
  marker: EditingMarker;
  me: number; // the participant, 0 on a console
  selfName: string; // this person's name, '' on a console: their own writing is not labelled
}

// One text of a plan, edited live with others: saved when it loses the focus (and on Enter in a
// one-line field) on the version it started from; who else is editing it under it; a conflict
// shown with both texts until the person chooses; never overwritten while being typed in.
export function PlanField(props: PlanFieldProps) {
  const p = usePlanPhoneMessages();
  const { id, kind, text, update: keep } = props;
  const current = currentOf(text);
  const live = settle(props.draft, current);
  const [focused, setFocused] = useState(false);
  const update: DraftUpdate = (change) => keep((d) => change(settle(d, current)));

  const send = async (sent: string, base: number) => {
    const reply = await props.save(sent, base);
    update((d) => d && replied(d, sent, base, reply.ok ? { ok: true } : { ok: false, code: reply.code }));
  };
  const commit = () => {
    if (!live) return;
    const decision = leave(live, current);
    if (decision.kind === 'drop') update(() => undefined);
    if (decision.kind !== 'send') return;
    update((d) => d && sending(d));
    void send(decision.text, decision.base);
  };
  // Leaving the field saves it; so does a reply that came back while the person typed on and
  // then left (the draft is an edit again). `commit` reads this render's draft.
  useEffect(() => {
    if (!focused && live?.state === 'editing') commit();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focused, live?.state]);

  const others = othersEditing(props.plan, props.rowId, props.field, props.me, focused);
  const typing = typingText(others, p);
  const writer = writerText(p, text, props.selfName);
  const value = shownText(live, current);
  const helpId = `${id}-help`;
  const onFocus = () => {
    setFocused(true);
    props.marker.focus(props.rowId, props.field);
    update((d) => startDraft(d, current));
  };
  const onBlur = () => {
    setFocused(false);
    props.marker.blur();
  };
  const onInput = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    const next = e.currentTarget.value;
    update((d) => typed(d ?? startDraft(undefined, current), next));
  };
  const common = {
    id,
    value,
    onFocus,
    onBlur,
    onInput,
    'aria-describedby': typing || writer || live?.state === 'conflict' ? helpId : undefined,
  };

  return (
    <div class={`plan-field plan-field-${kind}${live?.state === 'conflict' ? ' in-conflict' : ''}`}>
      <label for={id}>{props.label}</label>
      {kind === 'long' ? (
        <textarea {...common} rows={rowsFor(value)} maxLength={maxPlanTextLength} />
      ) : (
        <input
          {...common}
          type={kind === 'date' ? 'date' : 'text'}
          maxLength={kind === 'date' ? undefined : maxPlanTextLength}
          min={kind === 'date' ? '2000-01-01' : undefined}
          max={kind === 'date' ? '2099-12-31' : undefined}
          enterKeyHint={kind === 'line' ? 'done' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
      <div id={helpId} class="plan-field-notes">
        {typing && <p class="plan-typing">{typing}</p>}
        {live?.state === 'saving' && <p class="plan-saving">{p.planSaving}</p>}
        {!typing && writer && live?.state !== 'saving' && <p class="plan-by">{writer}</p>}
        {live?.state === 'conflict' && (
          <Conflict
            theirs={current.text}
            theirLabel={text?.byFacilitator ? p.planTheirTextFacilitators : p.planTheirText(text?.byName ?? '')}
            mine={live.text}
            onKeepTheirs={() => update(() => undefined)}
            onReplace={() => {
              const again = replaceWithMine(live, current);
              update(() => again.draft);
              void send(again.text, again.base);
            }}
          />
        )}
      </div>
      {live?.state === 'failed' && (
        <div class="plan-failed" role="alert">
          <p>
            {p.planNotSaved} {rejectionText(p, live.failure ?? 'unsent')}
          </p>
          <div class="buttons">
            <button
              type="button"
              onClick={() => {
                update((d) => d && sending(d));
                void send(cleanText(live.text), live.base);
              }}
            >
              {p.tryAgain}
            </button>
            <button type="button" onClick={() => update(() => undefined)}>
              {p.planDiscardMine}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

// Someone saved first: their text and this person's, and the choice.
function Conflict(props: {
  theirs: string;
  theirLabel: string; // whose text it is
  mine: string;
  onKeepTheirs: () => void;
  onReplace: () => void;
}) {
  const p = usePlanPhoneMessages();
  return (
    <div class="plan-conflict" role="alert">
      <p>{p.planConflict}</p>
      <p class="plan-conflict-label">{props.theirLabel}</p>
      <p class="said plan-conflict-text theirs">{props.theirs || p.planEmptyText}</p>
      <p class="plan-conflict-label">{p.planYourText}</p>
      <p class="said plan-conflict-text mine">{props.mine.trim() || p.planEmptyText}</p>
      <div class="buttons">
        <button type="button" onClick={props.onKeepTheirs}>
          {p.planKeepTheirs}
        </button>
        <button type="button" class="primary" onClick={props.onReplace}>
          {p.planReplaceWithMine}
        </button>
      </div>
    </div>
  );
}

// Who wrote the text last, unless it was this person (or, on a console, the facilitators).
function writerText(
  p: ReturnType<typeof usePlanPhoneMessages>,
  text: ActionPlan_Text | undefined,
  selfName: string,
): string {
  if (!text?.text) return '';
  if (text.byFacilitator) return selfName ? p.planWrittenByFacilitators : '';
  return text.byName && text.byName !== selfName ? p.planWrittenBy(text.byName) : '';
}

// A text box as tall as its text, two to six lines (about 34 characters to a phone's line).
function rowsFor(text: string): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 34)), 0);
  return Math.min(6, Math.max(2, lines));
}
