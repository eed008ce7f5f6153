import { create, fromBinary } from '@bufbuild/protobuf';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { type Command, CommandSchema } from '../../gen/campana/v1/commands_pb';
import { type Poll, type PollAnswerValue, PollAnswerValueSchema } from '../../gen/campana/v1/poll_pb';
import { RejectionCode } from '../../gen/campana/v1/wire_enums';
import { rejectionText, useMessages } from '../../i18n/i18n';
import { fromBase64, WorkshopStorage } from '../../net/storage';
import type { Session } from '../../session';
import { Notice } from '../../ui/Chrome';
import type { PhoneProps } from '../activity';
import {
  type AnswerInit,
  answerOf,
  answerProblem,
  describeAnswer,
  type Draft,
  draftOf,
  nextStep,
  pendingAnswers,
  type Problem,
  resumeStep,
  savedAnswers,
} from './PhonePollModel';
import { PollEditor } from './PhonePollEditor';
import { PollResult } from './PhonePollResult';
import { currentPoll, myAnswers, resultsShown, tallyOf } from './PollSelectors';
import { usePhonePollMessages } from './phoneMessages';
import './PhonePoll.css';

// A poll on a participant's phone: the question asked now (a live poll, moved by the
// facilitators) or a survey walked through one question per screen, with its progress, back and
// next, and a thank-you at the end. Answers go through the outbox, so a flaky connection loses
// none; the view shows what was sent (and whether it is still on its way) from the outbox and
// the participant's POLL_MINE, so a reload resumes where it was. The current action is in a bar
// that stays at the bottom of the screen while the question is longer than it.
export function PhonePoll({ session, me }: PhoneProps) {
  const poll = currentPoll(session.view);
  if (!poll?.spec || poll.spec.questions.length === 0) return null;
  return poll.spec.selfPaced ? (
    <Survey key={poll.id} session={session} poll={poll} me={me} />
  ) : (
    <Live key={`${poll.id}:${poll.current}`} session={session} poll={poll} me={me} />
  );
}

interface Answers {
  // The answer given to a question, as far as this phone knows: in the outbox, just sent, or
  // the server's.
  get: (question: number) => PollAnswerValue | undefined;
  pending: (question: number) => boolean;
  send: (question: number, value: AnswerInit) => void;
}

interface Props {
  session: Session;
  poll: Poll;
  me: number;
}

function outboxCommands(code: string): Command[] {
  return new WorkshopStorage(code).outbox().flatMap((entry) => {
    try {
      return [fromBinary(CommandSchema, fromBase64(entry.command))];
    } catch {
      return [];
    }
  });
}

// The server acknowledges an answer before the POLL_MINE that holds it arrives, so the answer
// just sent is kept here until POLL_MINE changes (or the server refuses it), lest the old one
// flash back for a moment.
function useAnswers(session: Session, poll: Poll, me: number): Answers {
  const [sent, setSent] = useState(() => new Map<number, { value: PollAnswerValue; before: bigint | undefined }>());
  const mine = myAnswers(session.view, poll.id, me);
  const saved = savedAnswers(mine);
  const pending = pendingAnswers(outboxCommands(session.code), poll.id);
  const refused = session.connection.refusedSubmission?.kind === 'answerPoll';
  const savedAt = (q: number) => mine?.answers.find((a) => a.question === q)?.atMs;
  const justSent = (q: number) => {
    const s = sent.get(q);
    return s && !refused && s.before === savedAt(q) ? s.value : undefined;
  };
  return {
    get: (q) => pending.get(q) ?? justSent(q) ?? saved.get(q),
    pending: (q) => pending.has(q),
    send: (q, init) => {
      if (refused) session.connection.forgetRefusal();
      session.connection.submit({ case: 'answerPoll', value: { pollId: poll.id, question: q, value: init } });
      setSent(new Map(sent).set(q, { value: create(PollAnswerValueSchema, init), before: savedAt(q) }));
    },
  };
}

// ---- A live poll: the question `current`

function Live({ session, poll, me }: Props) {
  const m = usePhonePollMessages();
  const promptId = useId();
  const answers = useAnswers(session, poll, me);
  const words = useAnswerWords();
  const index = poll.current;
  const q = poll.spec?.questions[index];
  const given = answers.get(index);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  if (!q) return null;
  const count = poll.spec?.questions.length ?? 1;
  const working = draft ?? draftOf(q, given);
  const shown = resultsShown(poll, index);
  const tally = shown ? tallyOf(session.view, poll.id, index) : undefined;

  const send = () => {
    if (answerProblem(q, working) !== undefined) return;
    answers.send(index, answerOf(q, working));
    setEditing(false);
    setDraft(undefined);
  };

  let body;
  if (poll.open && (editing || !given)) {
    body = (
      <>
        <PollEditor q={q} name={`poll-${poll.id}-${index}`} promptId={promptId} draft={working} onChange={setDraft} />
        <Actions problem={answerProblem(q, working)} draft={working} label={m.send} onClick={send}>
          {editing && (
            <button
              type="button"
              class="link poll-cancel"
              onClick={() => {
                setEditing(false);
                setDraft(undefined);
              }}
            >
              {m.cancel}
            </button>
          )}
        </Actions>
      </>
    );
  } else {
    body = (
      <div class="poll-given" data-primary>
        {poll.open ? (
          <SentState session={session} pending={answers.pending(index)} />
        ) : (
          <p class="poll-closed" role="status">
            {m.pollClosedLive}
          </p>
        )}
        {given ? (
          <AnswerLines label={m.yourAnswer} lines={describeAnswer(q, given, words)} />
        ) : (
          <p>{m.pollNotAnswered}</p>
        )}
        {poll.open && (
          <button type="button" class="poll-change" onClick={() => setEditing(true)}>
            {m.pollChange}
          </button>
        )}
      </div>
    );
  }

  return (
    <section class="card poll-phone" aria-labelledby={promptId}>
      <p class="poll-top">
        <span class="poll-kind">{count > 1 ? `${m.pollLive} · ${m.questionOf(index + 1, count)}` : m.pollLive}</span>
      </p>
      <Privacy poll={poll} />
      <h2 id={promptId} class="poll-prompt said" data-title>
        {q.prompt}
      </h2>
      <Refused session={session} />
      {body}
      {(given || !poll.open) &&
        (tally ? (
          <PollResult q={q} tally={tally} mine={given} />
        ) : (
          !shown && poll.open && given && !editing && <p class="muted poll-later">{m.pollResultsLater}</p>
        ))}
    </section>
  );
}

// ---- A survey: one question per screen, at the participant's own pace

function Survey({ session, poll, me }: Props) {
  const m = usePhonePollMessages();
  const promptId = useId();
  const answers = useAnswers(session, poll, me);
  const questions = poll.spec?.questions ?? [];
  const count = questions.length;
  const answered = (i: number) => answers.get(i) !== undefined;
  const [step, setStep] = useState(() => resumeStep(count, answered));
  const [drafts, setDrafts] = useState(() => new Map<number, Draft>());
  const [missing, setMissing] = useState(false);
  const words = useAnswerWords();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const waiting = questions.filter((_, i) => answers.pending(i)).length;
  const moved = useRef(false);
  // A new screen starts at its top, with the screen reader on its question.
  useEffect(() => {
    if (!moved.current) return;
    window.scrollTo(0, 0);
    headingRef.current?.focus({ preventScroll: true });
  }, [step]);

  if (!poll.open || step >= count) {
    const all = questions.every((_, i) => answered(i));
    return (
      <section class="card poll-phone poll-end" aria-labelledby={promptId}>
        <Privacy poll={poll} />
        <div data-primary>
          <h2 id={promptId} class="poll-thanks" data-title tabIndex={-1} ref={headingRef}>
            {!poll.open ? m.pollClosedSurvey : m.pollThanks}
          </h2>
          {all && (
            <p>
              <strong>{m.pollThanksAll(count)}</strong>
            </p>
          )}
          {poll.open && <p class="muted">{m.pollThanksChange}</p>}
        </div>
        {poll.open && (
          <button
            type="button"
            class="poll-review"
            onClick={() => {
              moved.current = true;
              setStep(0);
            }}
          >
            {m.pollReview}
          </button>
        )}
        <Waiting session={session} count={waiting} />
        <Refused session={session} />
        <details class="poll-summary" open={!poll.open}>
          <summary>{m.yourAnswers}</summary>
          <ol>
            {questions.map((q, i) => {
              const value = answers.get(i);
              return (
                <li key={i}>
                  <p class="said poll-summary-prompt">{q.prompt}</p>
                  {value ? (
                    <AnswerLines lines={describeAnswer(q, value, words)} />
                  ) : (
                    <p class="muted">{m.pollNotAnswered}</p>
                  )}
                </li>
              );
            })}
          </ol>
        </details>
      </section>
    );
  }

  const q = questions[step];
  if (!q) return null;
  const given = answers.get(step);
  const draft = drafts.get(step) ?? draftOf(q, given);
  const problem = answerProblem(q, draft);
  const shown = resultsShown(poll, step);
  const tally = shown && given ? tallyOf(session.view, poll.id, step) : undefined;

  // Leaving a screen sends what was changed on it, if it can be sent.
  const go = (to: number) => {
    const edited = drafts.get(step);
    if (edited && answerProblem(q, edited) === undefined) answers.send(step, answerOf(q, edited));
    const next = new Map(drafts);
    next.delete(step);
    setDrafts(next);
    setMissing(to < count && to <= step);
    moved.current = true;
    setStep(to);
  };
  const forward = () => {
    if (problem !== undefined) return;
    go(nextStep(step, count, (i) => i === step || answered(i)));
  };
  const last = step === count - 1;

  return (
    <section class="card poll-phone poll-survey" aria-labelledby={promptId}>
      <div class="poll-top">
        {step > 0 && (
          <button type="button" onClick={() => go(step - 1)}>
            <span aria-hidden="true">‹ </span>
            {m.pollBack}
          </button>
        )}
        <span class="poll-kind">{m.questionOf(step + 1, count)}</span>
        {given && (
          <span class="poll-done">
            <span aria-hidden="true">✓ </span>
            {m.pollAnswered}
          </span>
        )}
      </div>
      <div class="poll-progress" aria-hidden="true">
        <span style={{ width: `${((step + 1) * 100) / count}%` }} />
      </div>
      <Waiting session={session} count={waiting} />
      <Privacy poll={poll} />
      <h2 id={promptId} class="poll-prompt said" data-title tabIndex={-1} ref={headingRef}>
        {q.prompt}
      </h2>
      <Refused session={session} />
      {missing && !given && <p class="poll-missing">{m.pollStillMissing}</p>}
      <PollEditor
        key={step}
        q={q}
        name={`poll-${poll.id}-${step}`}
        promptId={promptId}
        draft={draft}
        onChange={(d) => setDrafts(new Map(drafts).set(step, d))}
      />
      <Actions problem={problem} draft={draft} label={last ? m.send : m.pollNext} onClick={forward} />
      {tally && <PollResult q={q} tally={tally} mine={given} />}
    </section>
  );
}

// ---- Parts

// The primary button, in a bar that stays in view, and why it is off.
function Actions({
  problem,
  draft,
  label,
  onClick,
  children,
}: {
  problem: Problem | undefined;
  draft: Draft;
  label: string;
  onClick: () => void;
  children?: ComponentChildren;
}) {
  const m = usePhonePollMessages();
  const whyId = useId();
  // A Likert matrix says how many statements are left.
  const left = draft.choices.filter((c) => c < 0).length;
  const why =
    problem === undefined
      ? undefined
      : problem === 'likert' && left > 0
        ? m.pollLikertLeft(left)
        : m.pollProblem[problem];
  return (
    <div class="poll-actions" data-primary>
      <button
        type="button"
        class="primary big"
        disabled={why !== undefined}
        aria-describedby={why !== undefined ? whyId : undefined}
        onClick={onClick}
      >
        {label}
      </button>
      {why !== undefined && (
        <p id={whyId} class="poll-why-off">
          {why}
        </p>
      )}
      {children}
    </div>
  );
}

function Privacy({ poll }: { poll: Poll }) {
  const m = usePhonePollMessages();
  return (
    <p class={`poll-privacy${poll.spec?.anonymous ? ' anonymous' : ''}`}>
      {poll.spec?.anonymous ? m.pollAnonymous : m.pollNamed}
    </p>
  );
}

// Sent, or still on its way (and whether it waits for the network).
function SentState({ session, pending }: { session: Session; pending: boolean }) {
  const m = usePhonePollMessages();
  const { connection } = session;
  return (
    <p class={`poll-state${pending ? ' pending' : ''}`} role="status">
      {!pending
        ? `✓ ${m.pollSent}`
        : connection.busyLong
          ? m.pendingBusy(1)
          : connection.status === 'online'
            ? m.pollSending
            : m.pendingAnswers(1)}
    </p>
  );
}

// A survey's answers not yet acknowledged, said only while that takes long: offline, or the
// server too busy (online, they leave in a moment, and the next screen is already there).
function Waiting({ session, count }: { session: Session; count: number }) {
  const m = useMessages();
  const { connection } = session;
  const slow = connection.busyLong || connection.status !== 'online';
  return (
    <p class="poll-state pending" role="status">
      {count > 0 && slow ? (connection.busyLong ? m.pendingBusy(count) : m.pendingAnswers(count)) : ''}
    </p>
  );
}

function AnswerLines({ label, lines }: { label?: string; lines: string[] }) {
  return (
    <div class={`poll-answer${lines.length > 3 ? ' compact' : ''}`}>
      {label && <p class="poll-answer-label">{label}</p>}
      <ul>
        {lines.map((line, i) => (
          <li key={i} class="said">
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}

// A refused answer, in the page's language: the poll closed (or moved on), or another reason.
function Refused({ session }: { session: Session }) {
  const m = usePhonePollMessages();
  const refused = session.connection.refusedSubmission;
  if (refused?.kind !== 'answerPoll' || refused.reply.ok) return null;
  const code = refused.reply.code;
  const text =
    code === RejectionCode.FAILED_PRECONDITION ? m.pollRefusedClosed : `${m.answerRefused} ${rejectionText(m, code)}`;
  return <Notice onClose={() => session.connection.forgetRefusal()}>{text}</Notice>;
}

function useAnswerWords() {
  const m = usePhonePollMessages();
  return {
    other: m.pollOtherAnswer,
    scale: m.pollScaleAnswer,
    recommend: m.pollRecommendAnswer,
    why: m.pollWhyAnswer,
  };
}
