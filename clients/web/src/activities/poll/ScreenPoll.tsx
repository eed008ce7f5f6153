import { DocKind } from '../../gen/campana/v1/docs_enums';
import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { type Poll, type PollProgress, type PollQuestionSpec, type PollText } from '../../gen/campana/v1/poll_pb';
import type { ViewProps } from '../activity';
import { usePollChartMessages } from './screenChartMessages';
import { ScreenChart } from './ScreenChart';
import { currentPoll, progressOf, resultsShown, tallyOf, textsOf } from './PollSelectors';
import { usePollScreenMessages } from './screenMessages';
import './ScreenPoll.css';

// The poll on the projector: the question being asked (a survey's: the one the facilitator
// chose), its prompt big. While its results are hidden, how many have answered (the tally, once
// this screen may see it; before that the staff's progress) and that the results will come; once
// revealed (or live), the chart filling the room left, and the written answers ("other", "why",
// open text) that are not hidden, as cards that FitFrame pages. A survey shows its response rate
// big: how many of the people here completed it.
export function ScreenPoll({ session }: ViewProps) {
  const c = usePollChartMessages();
  const s = usePollScreenMessages();
  const { view } = session;
  const poll = currentPoll(view);
  const spec = poll?.spec;
  if (!poll || !spec || spec.questions.length === 0) return null;
  const index = Math.min(poll.current, spec.questions.length - 1);
  const question = spec.questions[index]!;
  const shown = resultsShown(poll, index);
  const tally = tallyOf(view, poll.id, index);
  const progress = progressOf(view, poll.id);
  const survey = spec.selfPaced;
  const revealed = shown && tally !== undefined;
  const texts = revealed ? textsOf(view, poll.id, index).filter((t) => !t.hidden && (t.text || t.why)) : [];
  const eyebrow = [
    poll.agendaIndex < 0 ? c.pollQuickPoll : survey ? c.pollSurvey : '',
    spec.questions.length > 1 ? c.pollQuestionOf(index + 1, spec.questions.length) : '',
    poll.open ? '' : c.pollClosed,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <section
      class={`scene screen-poll${revealed ? ' revealed' : ''}`}
      aria-label={s.pollScene}
      data-poll={poll.id}
      data-poll-question={index}
      data-poll-revealed={revealed ? 'true' : 'false'}
    >
      <div class="poll-head-line">
        {eyebrow && <p class="scene-eyebrow">{eyebrow}</p>}
        {survey && progress && (
          <ResponseRate progress={progress} people={view.docs(DocKind.PARTICIPANT).length} big={!revealed} />
        )}
      </div>
      {(!survey || revealed) && <h2 class="said title scene-prompt poll-prompt">{question.prompt}</h2>}
      {revealed ? (
        <Results question={question} tally={tally} texts={texts} />
      ) : (
        <Waiting poll={poll} answered={tally?.answered ?? progress?.respondents} survey={survey} />
      )}
    </section>
  );
}

// While the results are hidden. The count: the question's tally when this screen has it (the
// results are live, or it was revealed and hidden again); before that, the staff's progress,
// which for a poll of one question is the same number (a poll of more: people, not answers).
function Waiting({ poll, answered, survey }: { poll: Poll; answered: number | undefined; survey: boolean }) {
  const s = usePollScreenMessages();
  const one = (poll.spec?.questions.length ?? 0) === 1;
  return (
    <div class="poll-waiting">
      {!survey && answered !== undefined && (
        <p class="poll-count" data-poll-answered={answered}>
          <strong>{answered}</strong> <span>{one ? s.pollAnswersWord(answered) : s.pollPeopleWord(answered)}</span>
        </p>
      )}
      {poll.open && <p class="scene-note">{survey ? s.pollAnswerAtYourPace : s.pollAnswerOnPhone}</p>}
      <p class="scene-note poll-hidden-note">{s.pollResultsHidden}</p>
    </div>
  );
}

function ResponseRate({ progress, people, big }: { progress: PollProgress; people: number; big: boolean }) {
  const c = usePollChartMessages();
  const of = Math.max(people, progress.completed);
  const percent = of > 0 ? Math.round((progress.completed * 100) / of) : 0;
  const bar = (
    <div class="poll-rate-bar" aria-hidden="true">
      <span style={{ width: `${percent}%` }} />
    </div>
  );
  return (
    <div class={`poll-rate${big ? ' big' : ''}`} data-poll-completed={progress.completed} data-poll-people={of}>
      <p class="poll-rate-line">
        <strong>{c.pollCompletedOf(progress.completed, of)}</strong> <span class="poll-rate-percent">({percent}%)</span>
      </p>
      {bar}
      {big && <p class="poll-rate-more">{c.pollStarted(progress.respondents)}</p>}
    </div>
  );
}

function Results({
  question,
  tally,
  texts,
}: {
  question: PollQuestionSpec;
  tally: Parameters<typeof ScreenChart>[0]['tally'];
  texts: PollText[];
}) {
  const c = usePollChartMessages();
  const s = usePollScreenMessages();
  if (question.type === PollQuestionType.OPEN) {
    return (
      <>
        <p class="answer-count poll-open-count">{c.answerCount(tally?.answered ?? 0)}</p>
        {texts.length === 0 ? (
          <p class="scene-note">{s.pollNoTextsYet}</p>
        ) : (
          <TextCards question={question} texts={texts} />
        )}
      </>
    );
  }
  return (
    <div class={`poll-results${texts.length > 0 ? ' with-texts' : ''}`}>
      <ScreenChart question={question} tally={tally} fill />
      {texts.length > 0 && <TextCards question={question} texts={texts} />}
    </div>
  );
}

// The written answers: an open answer or "other"'s text, and the "why", with the option it
// explains; the author's name in a named poll.
function TextCards({ question, texts }: { question: PollQuestionSpec; texts: PollText[] }) {
  const c = usePollChartMessages();
  const s = usePollScreenMessages();
  const choiceName = (i: number) => (i < question.options.length ? question.options[i]! : c.pollOtherTag);
  const choices = question.type === PollQuestionType.SINGLE || question.type === PollQuestionType.MULTIPLE;
  return (
    <ul class="answer-grid poll-texts" data-fit-list aria-label={s.pollAnswersLabel}>
      {[...texts].reverse().map((t) => (
        <li key={t.id} class="answer poll-text" data-poll-text={t.id}>
          {choices && t.choices.length > 0 && (
            <span class="said poll-text-choice">{t.choices.map(choiceName).join(' · ')}</span>
          )}
          {t.text && <q class="said answer-text">{t.text}</q>}
          {t.why && <q class="said answer-text poll-why">{t.why}</q>}
          {t.authorName && <span class="said name author">{t.authorName}</span>}
        </li>
      ))}
    </ul>
  );
}
