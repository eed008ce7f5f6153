import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { type Poll, type PollQuestionSpec, type PollTally, type PollText } from '../../gen/campana/v1/poll_pb';
import type { Session } from '../../session';
import { Notice } from '../../ui/Chrome';
import { fetchExport } from '../../net/fetchExport';
import { csvText, downloadFile } from '../../pages/console/exportFile';
import { GuardedButton } from '../../ui/GuardedButton';
import { type CommandState, Refusal, useCommand } from '../../ui/useCommand';
import type { ViewProps } from '../activity';
import { ConsoleAskForm, EditQuestionForm } from './ConsoleAskForm';
import { usePollChartMessages } from './screenChartMessages';
import { chartFile } from './screenCharts';
import { localTime, parsePollExport, pollRows, pollsJson, tallyKey } from './consoleCsv';
import { usePollConsoleMessages } from './consoleMessages';
import { ScreenChart } from './ScreenChart';
import { currentPoll, progressOf, resultsShown, tallyOf, textsOf } from './PollSelectors';
import './ConsolePoll.css';

// The polls' run of show: the poll being asked (a quick poll from this console, or the agenda
// item's) with, per question, its live count and chart (facilitators always have the tally),
// reveal or hide its results, which one the phones and the projector show, close or reopen,
// and moderation (written answers and cloud words kept off the projector); a survey's response
// rate. Then "ask now", the exports (any time: CSV, JSON, each chart as SVG), and earlier polls.
export function ConsolePoll({ session }: ViewProps) {
  const m = usePollConsoleMessages();
  const command = useCommand(session);
  const { view } = session;
  const polls = view.docs(DocKind.POLL).sort((a, b) => b.id - a.id); // newest first
  const current = currentPoll(view) ?? polls[0];
  const earlier = polls.filter((p) => p.id !== current?.id);
  const [exportFailed, setExportFailed] = useState(false);
  const words = useExportWords();
  const exportAs = (kind: 'csv' | 'json' | { poll: number; question: number }) => {
    setExportFailed(false);
    void exportPolls(session.code, kind, words).then((ok) => setExportFailed(!ok));
  };
  return (
    <section class="panel poll-panel" aria-labelledby="console-poll">
      <h2 id="console-poll">{m.pollPanel}</h2>
      {current ? (
        <PollBlock session={session} poll={current} command={command} onSvg={exportAs} />
      ) : (
        <p class="muted">{m.pollNone}</p>
      )}
      <Refusal command={command} />
      <ConsoleAskForm session={session} command={command} />
      <div class="poll-export">
        <p class="muted">{m.pollExportHint}</p>
        <div class="buttons">
          <button type="button" onClick={() => exportAs('csv')}>
            {m.pollExportCsv}
          </button>
          <button type="button" onClick={() => exportAs('json')}>
            {m.pollExportJson}
          </button>
        </div>
      </div>
      {exportFailed && <Notice onClose={() => setExportFailed(false)}>{m.pollExportFailed}</Notice>}
      {earlier.length > 0 && (
        <details class="earlier">
          <summary>{m.pollEarlier(earlier.length)}</summary>
          {earlier.map((p) => (
            <details key={p.id} class="poll-earlier">
              <summary>
                <PollTitle session={session} poll={p} withPrompt />
              </summary>
              <PollBlock session={session} poll={p} command={command} onSvg={exportAs} />
            </details>
          ))}
        </details>
      )}
    </section>
  );
}

// The poll's name: its agenda item's title, or "Quick poll" (with its question, in a list).
function PollTitle({ session, poll, withPrompt = false }: { session: Session; poll: Poll; withPrompt?: boolean }) {
  const c = usePollChartMessages();
  const item = poll.agendaIndex >= 0 ? session.view.doc(DocKind.AGENDA)?.items[poll.agendaIndex] : undefined;
  const first = poll.spec?.questions[0]?.prompt ?? '';
  const name = item?.title ?? c.pollQuickPoll;
  return (
    <span class="said title">
      {name}
      {withPrompt && poll.agendaIndex < 0 && first ? `: ${first}` : ''}
    </span>
  );
}

function PollBlock({
  session,
  poll,
  command,
  onSvg,
}: {
  session: Session;
  poll: Poll;
  command: CommandState;
  onSvg: (which: { poll: number; question: number }) => void;
}) {
  const m = usePollConsoleMessages();
  const c = usePollChartMessages();
  const { view } = session;
  const spec = poll.spec;
  if (!spec) return null;
  const pollId = poll.id;
  const total = spec.questions.length;
  const stepped = !spec.selfPaced && total > 1;
  const progress = progressOf(view, pollId);
  const people = view.docs(DocKind.PARTICIPANT).length;
  const show = (question: number) => void command.send({ case: 'showPollQuestion', value: { pollId, question } });
  return (
    <div class="poll-block" data-poll={pollId} data-poll-open={poll.open ? 'true' : 'false'}>
      <h3 class="poll-title">
        <PollTitle session={session} poll={poll} />
      </h3>
      <p class="poll-tags">
        <span class={`tag${poll.open ? ' open' : ''}`}>{poll.open ? m.pollOpen : c.pollClosed}</span>
        {spec.selfPaced && <span class="tag">{c.pollSurvey}</span>}
        <span class="tag">{spec.anonymous ? m.pollAnonymous : m.pollNamed}</span>
        <span class="tag">{spec.resultsLive ? m.pollResultsLive : m.pollResultsOnReveal}</span>
      </p>
      {spec.selfPaced && progress && (
        <p class="poll-rate" role="status" data-poll-completed={progress.completed}>
          {m.pollResponseRate(progress.respondents, progress.completed, Math.max(people, progress.completed))}
        </p>
      )}
      <div class="buttons">
        <button
          type="button"
          class={poll.open ? 'danger' : ''}
          onClick={() => void command.send({ case: 'setPollOpen', value: { pollId, open: !poll.open } })}
        >
          {poll.open ? m.pollClose : m.pollReopen}
        </button>
      </div>
      {stepped && (
        <div class="poll-steps">
          <p role="status">{m.pollOnPhones(poll.current + 1, total)}</p>
          <div class="buttons">
            <GuardedButton why={poll.current === 0 ? m.pollAtFirst : undefined} onClick={() => show(poll.current - 1)}>
              {m.pollPrevious}
            </GuardedButton>
            <GuardedButton
              class="primary"
              why={poll.current + 1 >= total ? m.pollAtLast : undefined}
              onClick={() => show(poll.current + 1)}
            >
              {m.pollNext}
            </GuardedButton>
          </div>
        </div>
      )}
      {spec.questions.map((q, i) =>
        total === 1 ? (
          <QuestionBlock key={i} session={session} poll={poll} index={i} question={q} command={command} onSvg={onSvg} />
        ) : (
          <Fold key={i} initiallyOpen={i === poll.current}>
            <summary>
              <span class="said title">
                {i + 1}. {q.prompt}
              </span>
              <span class="muted">
                {' '}
                · {c.answerCount(tallyOf(view, pollId, i)?.answered ?? 0)}
                {i === poll.current ? ` · ${m.pollOnProjector}` : ''}
              </span>
            </summary>
            <QuestionBlock session={session} poll={poll} index={i} question={q} command={command} onSvg={onSvg} />
          </Fold>
        ),
      )}
    </div>
  );
}

// A question of several, folded: open at first if it is the one asked or projected; then as
// the facilitator leaves it (moving the projector on does not close what they opened).
function Fold({ initiallyOpen, children }: { initiallyOpen: boolean; children: ComponentChildren }) {
  const [open] = useState(initiallyOpen);
  return (
    <details class="poll-question-fold" open={open}>
      {children}
    </details>
  );
}

function QuestionBlock({
  session,
  poll,
  index,
  question,
  command,
  onSvg,
}: {
  session: Session;
  poll: Poll;
  index: number;
  question: PollQuestionSpec;
  command: CommandState;
  onSvg: (which: { poll: number; question: number }) => void;
}) {
  const m = usePollConsoleMessages();
  const c = usePollChartMessages();
  const { view } = session;
  const pollId = poll.id;
  const multi = (poll.spec?.questions.length ?? 0) > 1;
  const n = index + 1;
  const tally = tallyOf(view, pollId, index);
  const shown = resultsShown(poll, index);
  const revealed = poll.revealed[index] ?? false;
  const texts = textsOf(view, pollId, index);
  const onProjector = poll.current === index; // its fold's summary says so
  const [editing, setEditing] = useState(false);
  // Nobody has answered yet: the question may still change (the server checks it again).
  const editable = (tally?.answered ?? 0) === 0;
  const reveal = () =>
    void command.send({ case: 'revealPoll', value: { pollId, question: index, revealed: !revealed } });
  return (
    <article class="poll-question" data-poll-question={index} data-poll-revealed={shown ? 'true' : 'false'}>
      {!multi && <h4 class="said title poll-prompt">{question.prompt}</h4>}
      <p class="muted poll-meta">
        {c.pollTypeName[question.type]} ·{' '}
        <strong class="poll-answered" data-poll-answered={tally?.answered ?? 0}>
          {c.answerCount(tally?.answered ?? 0)}
        </strong>{' '}
        · {shown ? m.pollRevealed : m.pollHiddenResults}
      </p>
      <div class="buttons">
        {!poll.spec?.resultsLive && (
          <button
            type="button"
            class={revealed ? '' : 'primary'}
            aria-label={multi ? (revealed ? m.pollUnrevealOf(n) : m.pollRevealOf(n)) : undefined}
            onClick={reveal}
          >
            {revealed ? m.pollUnreveal : m.pollReveal}
          </button>
        )}
        {multi && poll.spec?.selfPaced && !onProjector && (
          <button
            type="button"
            aria-label={m.pollShowOnProjectorOf(n)}
            onClick={() => void command.send({ case: 'showPollQuestion', value: { pollId, question: index } })}
          >
            {m.pollShowOnProjector}
          </button>
        )}
        <button
          type="button"
          aria-label={multi ? m.pollDownloadSvgOf(n) : undefined}
          onClick={() => onSvg({ poll: pollId, question: index })}
        >
          {m.pollDownloadSvg}
        </button>
        {editable && !editing && (
          <button
            type="button"
            aria-label={multi ? m.pollEditQuestionOf(n) : undefined}
            onClick={() => setEditing(true)}
          >
            {m.pollEditQuestion}
          </button>
        )}
      </div>
      {editing && (
        <EditQuestionForm
          session={session}
          pollId={pollId}
          index={index}
          spec={question}
          command={command}
          onDone={() => setEditing(false)}
        />
      )}
      {question.type !== PollQuestionType.OPEN && <ScreenChart question={question} tally={tally} />}
      {question.type === PollQuestionType.WORDS && (
        <Words poll={poll} index={index} tally={tally} session={session} command={command} />
      )}
      {texts.length > 0 && <Texts question={question} texts={texts} command={command} />}
    </article>
  );
}

const textsPerPage = 30;

// The written answers, newest first, each with its option, its author (named polls) and a button
// to keep it off the projector or put it back.
function Texts({ question, texts, command }: { question: PollQuestionSpec; texts: PollText[]; command: CommandState }) {
  const m = usePollConsoleMessages();
  const c = usePollChartMessages();
  const [limit, setLimit] = useState(textsPerPage);
  const newest = [...texts].reverse();
  const shown = newest.slice(0, limit);
  const choiceName = (i: number) => (i < question.options.length ? question.options[i]! : c.pollOtherTag);
  const choices = question.type === PollQuestionType.SINGLE || question.type === PollQuestionType.MULTIPLE;
  return (
    <div class="poll-texts">
      <h5>{m.pollTexts(texts.length)}</h5>
      <p class="muted">{m.pollTextsHint}</p>
      <ul class="poll-text-list">
        {shown.map((t) => (
          <li key={t.id} class={`poll-text${t.hidden ? ' hidden-text' : ''}`} data-poll-text={t.id}>
            {choices && t.choices.length > 0 && (
              <span class="said poll-text-choice">{t.choices.map(choiceName).join(' · ')}</span>
            )}
            {t.text && <p class="said answer-text">{t.text}</p>}
            {t.why && <p class="said answer-text">{m.pollWhy(t.why)}</p>}
            <p class="muted poll-text-meta">
              {t.authorName && <span class="said name">{t.authorName}</span>}
              {t.hidden && <strong class="tag">{m.pollHiddenTag}</strong>}
            </p>
            <button
              type="button"
              onClick={() => void command.send({ case: 'hidePollText', value: { textId: t.id, hidden: !t.hidden } })}
            >
              {t.hidden ? m.pollShowText : m.pollHideText}
            </button>
          </li>
        ))}
      </ul>
      {newest.length > shown.length && (
        <button type="button" onClick={() => setLimit((l) => l + textsPerPage)}>
          {c.showAll}
        </button>
      )}
    </div>
  );
}

// A cloud's words with their counts, each with a button to keep it out of the cloud; the words
// kept out, each with a button to put it back.
function Words({
  poll,
  index,
  tally,
  session,
  command,
}: {
  poll: Poll;
  index: number;
  tally: PollTally | undefined;
  session: Session;
  command: CommandState;
}) {
  const m = usePollConsoleMessages();
  const pollId = poll.id;
  const hidden = (session.view.doc(DocKind.POLL_HIDDEN, BigInt(pollId))?.words ?? []).filter(
    (w) => w.question === index,
  );
  const hide = (word: string, isHidden: boolean) =>
    void command.send({ case: 'hidePollWord', value: { pollId, question: index, word, hidden: isHidden } });
  return (
    <div class="poll-words">
      {(tally?.words.length ?? 0) > 0 && (
        <>
          <h5>{m.pollWords}</h5>
          <ul class="poll-word-list">
            {tally!.words.map((w) => (
              <li key={w.word}>
                <span class="said">{w.word}</span> <span class="muted">{w.count}</span>
                <button type="button" class="link" onClick={() => hide(w.word, true)}>
                  {m.pollHideWord(w.word)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {hidden.length > 0 && (
        <>
          <h5>{m.pollHiddenWords}</h5>
          <ul class="poll-word-list">
            {hidden.map((w) => (
              <li key={w.word}>
                <span class="said">{w.word}</span>
                <button type="button" class="link" onClick={() => hide(w.word, false)}>
                  {m.pollShowWord(w.word)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

// The words of the exported files, in the console's language.
function useExportWords() {
  const m = usePollConsoleMessages();
  const c = usePollChartMessages();
  return {
    csv: {
      headers: m.pollCsvHeaders,
      anonymous: m.pollCsvAnonymous,
      other: c.other,
      quickPoll: m.pollQuickPollN,
      typeName: c.pollTypeName,
      time: localTime,
    },
    chart: c,
  };
}

// Fetches the workshop's export and downloads the polls as CSV or JSON, or one question's chart
// as an SVG file (its figures as they are now). False: it failed.
async function exportPolls(
  code: string,
  kind: 'csv' | 'json' | { poll: number; question: number },
  words: ReturnType<typeof useExportWords>,
): Promise<boolean> {
  const json = await fetchExport(code);
  if (json === undefined) return false;
  try {
    const data = parsePollExport(json);
    if (kind === 'csv') {
      downloadFile(`campana-${code}-polls.csv`, csvText(pollRows(data, words.csv)), 'text/csv;charset=utf-8');
    } else if (kind === 'json') {
      downloadFile(`campana-${code}-polls.json`, pollsJson(data), 'application/json');
    } else {
      const q = data.polls.get(kind.poll)?.questions[kind.question];
      if (!q) return false;
      const svg = chartFile(q, data.tallies.get(tallyKey(kind.poll, kind.question)), words.chart);
      downloadFile(`campana-${code}-poll-${kind.poll}-question-${kind.question + 1}.svg`, svg, 'image/svg+xml');
    }
    return true;
  } catch (error) {
    console.warn('campana: poll export failed', error);
    return false;
  }
}
