import { useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { type PollQuestionSpec } from '../../gen/campana/v1/poll_pb';
import type { Session } from '../../session';
import { GuardedButton } from '../../ui/GuardedButton';
import type { CommandState } from '../../ui/useCommand';
import {
  type AskDraft,
  askBlock,
  draftOf,
  emptyDraft,
  type Preset,
  presetDraft,
  questionOf,
  takesLabels,
  takesWhy,
} from './consoleAsk';
import { usePollChartMessages } from './screenChartMessages';
import { usePollConsoleMessages } from './consoleMessages';

const types = [
  PollQuestionType.SINGLE,
  PollQuestionType.MULTIPLE,
  PollQuestionType.SCALE,
  PollQuestionType.LIKERT,
  PollQuestionType.RECOMMEND,
  PollQuestionType.OPEN,
  PollQuestionType.WORDS,
];

// "Ask now": one question to the room, live, of any type, from a blank form or one of the
// workshop's questions; the fields follow the type. The Likert levels and the presets are in the
// workshop's language (what the phones read), not necessarily the console's.
export function ConsoleAskForm({ session, command }: { session: Session; command: CommandState }) {
  const m = usePollConsoleMessages();
  const language = session.view.doc(DocKind.WORKSHOP)?.language || 'es';
  const [draft, setDraft] = useState<AskDraft>(() => emptyDraft(language));
  const set = (patch: Partial<AskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const blocked = askBlock(draft);
  const ask = (event?: Event) => {
    event?.preventDefault();
    if (askBlock(draft) !== undefined) return;
    void command
      .send({
        case: 'askPoll',
        value: { question: questionOf(draft), anonymous: draft.anonymous, resultsLive: draft.resultsLive },
      })
      .then((ok) => ok && setDraft(emptyDraft(language)));
  };
  const preset = (p: Preset) => setDraft(presetDraft(p, language));
  return (
    <form class="poll-ask" onSubmit={ask} aria-labelledby="poll-ask">
      <h3 id="poll-ask">{m.pollAsk}</h3>
      <p class="muted">{m.pollAskHint}</p>
      <div class="buttons" role="group" aria-label={m.pollPresets}>
        <button type="button" onClick={() => preset('failure')}>
          {m.pollPresetFailure}
        </button>
        <button type="button" onClick={() => preset('mindset')}>
          {m.pollPresetMindset}
        </button>
      </div>
      <QuestionFields draft={draft} set={set} />
      <label class="check">
        <input
          type="checkbox"
          checked={draft.anonymous}
          onChange={(e) => set({ anonymous: e.currentTarget.checked })}
        />
        {m.pollAnonymousCheck}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.resultsLive}
          onChange={(e) => set({ resultsLive: e.currentTarget.checked })}
        />
        {m.pollResultsLiveCheck}
      </label>
      <GuardedButton class="primary poll-ask-button" why={blocked && m.pollAskBlocked[blocked]} onClick={ask}>
        {m.pollAskButton}
      </GuardedButton>
    </form>
  );
}

// Change a question nobody has answered yet (the server refuses once someone has: the answers
// would no longer mean what they meant).
export function EditQuestionForm({
  session,
  pollId,
  index,
  spec,
  command,
  onDone,
}: {
  session: Session;
  pollId: number;
  index: number;
  spec: PollQuestionSpec;
  command: CommandState;
  onDone: () => void;
}) {
  const m = usePollConsoleMessages();
  const c = usePollChartMessages();
  const language = session.view.doc(DocKind.WORKSHOP)?.language || 'es';
  const [draft, setDraft] = useState<AskDraft>(() => draftOf(spec, language));
  const set = (patch: Partial<AskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const blocked = askBlock(draft);
  const save = (event?: Event) => {
    event?.preventDefault();
    if (askBlock(draft) !== undefined) return;
    void command
      .send({ case: 'editPollQuestion', value: { pollId, question: index, spec: questionOf(draft) } })
      .then((ok) => ok && onDone());
  };
  return (
    <form class="poll-edit" onSubmit={save}>
      <QuestionFields draft={draft} set={set} />
      <div class="buttons">
        <GuardedButton class="primary" why={blocked && m.pollAskBlocked[blocked]} onClick={save}>
          {m.pollSaveQuestion}
        </GuardedButton>
        <button type="button" onClick={onDone}>
          {c.cancel}
        </button>
      </div>
    </form>
  );
}

// The fields of a question, as its type needs them.
function QuestionFields({ draft, set }: { draft: AskDraft; set: (patch: Partial<AskDraft>) => void }) {
  const m = usePollConsoleMessages();
  const c = usePollChartMessages();
  const t = draft.type;
  const choice = t === PollQuestionType.SINGLE || t === PollQuestionType.MULTIPLE;
  return (
    <>
      <label class="field">
        <span>{m.pollType}</span>
        <select value={String(t)} onChange={(e) => set({ type: Number(e.currentTarget.value) as PollQuestionType })}>
          {types.map((type) => (
            <option key={type} value={String(type)}>
              {c.pollTypeName[type]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{m.pollPrompt}</span>
        <textarea
          rows={2}
          maxLength={600}
          value={draft.prompt}
          onInput={(e) => set({ prompt: e.currentTarget.value })}
        />
      </label>
      {choice && (
        <Rows
          legend={m.pollOptions}
          rows={draft.options}
          max={12}
          label={m.pollOption}
          add={m.pollAddOption}
          remove={m.pollRemoveOption}
          onChange={(options) => set({ options })}
        />
      )}
      {t === PollQuestionType.MULTIPLE && (
        <NumberInput
          label={m.pollMaxChoices}
          min={0}
          max={13}
          value={draft.maxChoices}
          onChange={(maxChoices) => set({ maxChoices })}
        />
      )}
      {choice && (
        <label class="check">
          <input
            type="checkbox"
            checked={draft.allowOther}
            onChange={(e) => set({ allowOther: e.currentTarget.checked })}
          />
          {m.pollAllowOther}
        </label>
      )}
      {t === PollQuestionType.SCALE && (
        <div class="row poll-scale-fields">
          <NumberInput
            label={m.pollScaleMin}
            min={-1000}
            max={1000}
            value={draft.scaleMin}
            onChange={(scaleMin) => set({ scaleMin })}
          />
          <NumberInput
            label={m.pollScaleMax}
            min={-1000}
            max={1000}
            value={draft.scaleMax}
            onChange={(scaleMax) => set({ scaleMax })}
          />
          <NumberInput
            label={m.pollScaleStep}
            min={1}
            max={1000}
            value={draft.scaleStep}
            onChange={(scaleStep) => set({ scaleStep })}
          />
        </div>
      )}
      {takesLabels(t) && (
        <div class="row">
          <label class="field wide">
            <span>{m.pollMinLabel}</span>
            <input
              type="text"
              maxLength={240}
              value={draft.minLabel}
              onInput={(e) => set({ minLabel: e.currentTarget.value })}
            />
          </label>
          <label class="field wide">
            <span>{m.pollMaxLabel}</span>
            <input
              type="text"
              maxLength={240}
              value={draft.maxLabel}
              onInput={(e) => set({ maxLabel: e.currentTarget.value })}
            />
          </label>
        </div>
      )}
      {t === PollQuestionType.LIKERT && (
        <>
          <Rows
            legend={m.pollLevels}
            rows={draft.levels}
            max={7}
            label={m.pollLevel}
            add={m.pollAddLevel}
            remove={m.pollRemoveLevel}
            onChange={(levels) => set({ levels })}
          />
          <Rows
            legend={m.pollStatements}
            rows={draft.statements}
            max={12}
            label={m.pollStatement}
            add={m.pollAddStatement}
            remove={m.pollRemoveStatement}
            onChange={(statements) => set({ statements })}
          />
        </>
      )}
      {t === PollQuestionType.WORDS && (
        <NumberInput
          label={m.pollMaxWords}
          min={1}
          max={5}
          value={draft.maxWords}
          onChange={(maxWords) => set({ maxWords })}
        />
      )}
      {takesWhy(t) && (
        <label class="field">
          <span>{m.pollWhyPrompt}</span>
          <input
            type="text"
            maxLength={240}
            value={draft.whyPrompt}
            onInput={(e) => set({ whyPrompt: e.currentTarget.value })}
          />
        </label>
      )}
    </>
  );
}

// A list of short texts (options, levels, statements): a field per row, a button to remove each
// (down to one) and one to add a row (up to `max`).
function Rows({
  legend,
  rows,
  max,
  label,
  add,
  remove,
  onChange,
}: {
  legend: string;
  rows: string[];
  max: number;
  label: (n: number) => string;
  add: string;
  remove: (n: number) => string;
  onChange: (rows: string[]) => void;
}) {
  return (
    <fieldset class="poll-rows">
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} class="poll-row">
          <label class="field wide">
            <span class="visually-hidden">{label(i + 1)}</span>
            <input
              type="text"
              maxLength={240}
              value={row}
              placeholder={label(i + 1)}
              onInput={(e) => onChange(rows.map((r, j) => (j === i ? e.currentTarget.value : r)))}
            />
          </label>
          {rows.length > 1 && (
            <button
              type="button"
              class="link"
              aria-label={remove(i + 1)}
              title={remove(i + 1)}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          )}
        </div>
      ))}
      {rows.length < max && (
        <button type="button" onClick={() => onChange([...rows, ''])}>
          {add}
        </button>
      )}
    </fieldset>
  );
}

// A labelled number field that keeps what is typed (an empty field is NaN until it is a number:
// the guard then says why the question cannot be asked).
function NumberInput({
  label,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label class="field small">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={Number.isNaN(value) ? '' : value}
        onInput={(e) => onChange(e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value))}
      />
    </label>
  );
}
