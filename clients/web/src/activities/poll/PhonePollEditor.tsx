import { useId } from 'preact/hooks';
import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { type PollQuestionSpec } from '../../gen/campana/v1/poll_pb';
import { cleanText } from '../../ui/text';
import {
  codePoints,
  type Draft,
  isOther,
  maxChoicesOf,
  maxOpenLength,
  maxWhyLength,
  scaleColumns,
  scalePoints,
  setLevel,
  slotsOf,
  takesWhy,
  toggleChoice,
} from './PhonePollModel';
import { usePhonePollMessages } from './phoneMessages';

interface Props {
  q: PollQuestionSpec;
  name: string; // the radio groups' name, unique on the page
  promptId: string; // the question's heading: the groups' name
  draft: Draft;
  onChange: (draft: Draft) => void;
}

// A question's controls, by type. Choices, points and levels are native radios and check boxes
// (their keys and names come with them), each drawn as a big button: the input itself is the
// button's face, so a tap anywhere on it is a tap on the input.
export function PollEditor(props: Props) {
  const { q, draft } = props;
  const chosen = draft.choices.length > 0 || draft.number !== undefined;
  return (
    <div class="poll-editor">
      {(() => {
        switch (q.type) {
          case PollQuestionType.SINGLE:
          case PollQuestionType.MULTIPLE:
            return <Choices {...props} />;
          case PollQuestionType.SCALE:
          case PollQuestionType.RECOMMEND:
            return <Scale {...props} />;
          case PollQuestionType.LIKERT:
            return <Likert {...props} />;
          case PollQuestionType.OPEN:
            return <Open {...props} />;
          case PollQuestionType.WORDS:
            return <Words {...props} />;
          default:
            return null;
        }
      })()}
      {takesWhy(q) && chosen && <Why {...props} />}
    </div>
  );
}

function Choices({ q, name, promptId, draft, onChange }: Props) {
  const m = usePhonePollMessages();
  const hintId = useId();
  const multiple = q.type === PollQuestionType.MULTIPLE;
  const max = maxChoicesOf(q);
  const full = multiple && draft.choices.length >= max;
  const labels = q.allowOther ? [...q.options, m.pollOther] : q.options;
  const otherChosen = draft.choices.some((c) => isOther(q, c));
  return (
    <>
      <p id={hintId} class="poll-hint">
        {!multiple ? m.pollProblem.choose : max >= slotsOf(q) ? m.pollPickAny : m.pollPickUpTo(max)}
        {full && max > 1 && max < slotsOf(q) ? ` · ${m.pollMaxReached(max)}` : ''}
      </p>
      <div
        role={multiple ? 'group' : 'radiogroup'}
        aria-labelledby={promptId}
        aria-describedby={hintId}
        class={`poll-options${multiple ? ' multiple' : ''}`}
      >
        {labels.map((label, i) => {
          const on = draft.choices.includes(i);
          return (
            <label key={i} class="poll-option">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                checked={on}
                disabled={full && !on}
                onChange={() => onChange(toggleChoice(q, draft, i))}
              />
              <span class="said">{label}</span>
            </label>
          );
        })}
      </div>
      {otherChosen && (
        <input
          type="text"
          class="poll-other"
          aria-label={m.pollOtherLabel}
          placeholder={m.pollOtherLabel}
          maxLength={240}
          value={draft.text}
          onInput={(e) => onChange({ ...draft, text: e.currentTarget.value })}
        />
      )}
    </>
  );
}

// A row of numbered buttons (wrapped evenly when they are many), the end labels under it.
function Scale({ q, name, promptId, draft, onChange }: Props) {
  const m = usePhonePollMessages();
  const endsId = useId();
  const points = scalePoints(q);
  const recommend = q.type === PollQuestionType.RECOMMEND;
  const low = q.minLabel || (recommend ? m.pollRecommendLow : '');
  const high = q.maxLabel || (recommend ? m.pollRecommendHigh : '');
  return (
    <>
      <div
        role="radiogroup"
        aria-labelledby={promptId}
        aria-describedby={low || high ? endsId : undefined}
        class="poll-scale"
        style={{ gridTemplateColumns: `repeat(${scaleColumns(points.length)}, 1fr)` }}
      >
        {points.map((p) => (
          <label key={p} class="poll-point">
            <input
              type="radio"
              name={name}
              checked={draft.number === p}
              onChange={() => onChange({ ...draft, number: p })}
            />
            <span>{p}</span>
          </label>
        ))}
      </div>
      {(low || high) && (
        <p id={endsId} class="poll-ends">
          <span class="said">{low && `${points[0]} = ${low}`}</span>
          <span class="said">{high && `${points[points.length - 1]} = ${high}`}</span>
        </p>
      )}
    </>
  );
}

// One block per statement, its levels side by side; the blocks scroll inside their own box when
// they do not fit, and choosing a level brings the next unanswered statement into view.
function Likert({ q, name, draft, onChange }: Props) {
  const levels = q.options.length;
  return (
    <div class="poll-likert">
      {q.statements.map((statement, s) => (
        <div key={s} class="poll-statement" role="radiogroup" aria-labelledby={`${name}-s${s}`}>
          <p id={`${name}-s${s}`} class="said poll-statement-text">
            {statement}
          </p>
          <div
            class="poll-levels"
            style={{
              gridTemplateColumns: `repeat(${levels <= 5 ? levels : Math.ceil(levels / 2)}, minmax(min-content, 1fr))`,
            }}
          >
            {q.options.map((level, l) => (
              <label key={l} class="poll-level">
                <input
                  type="radio"
                  name={`${name}-s${s}`}
                  checked={draft.choices[s] === l}
                  onChange={(e) => {
                    const next = setLevel(draft, s, l);
                    onChange(next);
                    const block = e.currentTarget.closest('.poll-statement')?.nextElementSibling;
                    if (block && (next.choices[s + 1] ?? -1) < 0)
                      block.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
                  }}
                />
                <span>{level}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function Open({ draft, onChange }: Props) {
  const m = usePhonePollMessages();
  const counterId = useId();
  const length = codePoints(cleanText(draft.text));
  return (
    <label class="field poll-text">
      <span class="poll-label">
        <span>{m.yourAnswer}</span>
        <small id={counterId} class={length > maxOpenLength ? 'over' : ''}>
          {`${length}/${maxOpenLength}`}
        </small>
      </span>
      <textarea
        rows={4}
        maxLength={maxOpenLength * 2}
        value={draft.text}
        aria-describedby={counterId}
        onInput={(e) => onChange({ ...draft, text: e.currentTarget.value })}
      />
    </label>
  );
}

// One box per word: a word of a cloud may be a short phrase ("trabajo en equipo"), so no
// separator is guessed; each box has its own name for a screen reader, and its own keyboard
// suggestions.
function Words({ draft, onChange }: Props) {
  const m = usePhonePollMessages();
  const n = draft.words.length;
  return (
    <>
      <p class="poll-hint">{m.pollWordsHint}</p>
      {draft.words.map((word, i) => (
        <label key={i} class="poll-word">
          <span>{m.pollWordLabel(i + 1)}</span>
          <input
            type="text"
            value={word}
            maxLength={60}
            autoComplete="off"
            enterKeyHint={i < n - 1 ? 'next' : 'done'}
            onInput={(e) => {
              const words = [...draft.words];
              words[i] = e.currentTarget.value;
              onChange({ ...draft, words });
            }}
          />
        </label>
      ))}
    </>
  );
}

function Why({ q, draft, onChange }: Props) {
  const m = usePhonePollMessages();
  return (
    <label class="field poll-text poll-why">
      <span class="said">
        {q.whyPrompt} <small>{m.pollOptional}</small>
      </span>
      <textarea
        rows={2}
        maxLength={maxWhyLength * 2}
        value={draft.why}
        onInput={(e) => onChange({ ...draft, why: e.currentTarget.value })}
      />
    </label>
  );
}
