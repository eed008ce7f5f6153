import {
  type PollAnswerValue,
  type PollQuestionSpec,
  PollQuestionType,
  type PollTally,
} from '../../gen/campana/v1/poll_pb';
import { barsOf, likertRows, meanOf } from './PhonePollModel';
import { usePhonePollMessages } from './phoneMessages';

// A question's results, small, under the participant's own answer once the facilitators show
// them: bars with percentages (the projector has the full chart). Plain elements, no chart
// code: the phone's chunk stays small.
export function PollResult({ q, tally, mine }: { q: PollQuestionSpec; tally: PollTally; mine?: PollAnswerValue }) {
  const m = usePhonePollMessages();
  const bars = barsOf(q, tally, mine, m.pollOther);
  const numeric = q.type === PollQuestionType.SCALE || q.type === PollQuestionType.RECOMMEND;
  const mean = q.type === PollQuestionType.SCALE ? meanOf(q, tally) : undefined;
  return (
    <div class="poll-result" role="group" aria-label={m.pollResults(tally.answered)}>
      <h3>{m.pollResults(tally.answered)}</h3>
      {q.type === PollQuestionType.RECOMMEND && tally.answered > 0 && (
        <p class="poll-figure">{m.pollScore(tally.recommendScore)}</p>
      )}
      {mean !== undefined && <p class="poll-figure">{m.pollMean(mean)}</p>}
      {bars.length > 0 && (
        <ul class={`poll-bars${numeric ? ' numeric' : ''}`}>
          {bars.map((b, i) => (
            <li key={i} class={b.mine ? 'mine' : ''}>
              <span class="poll-bar-label said">
                {b.label}
                {b.mine && ` (${m.pollYou})`}
              </span>
              <span class="poll-bar-pct">{b.percent} %</span>
              <span class="poll-bar" aria-hidden="true">
                <span style={{ width: `${b.percent}%` }} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {q.type === PollQuestionType.LIKERT && <LikertResult q={q} tally={tally} />}
      {q.type === PollQuestionType.WORDS && (
        <ul class="poll-cloud">
          {tally.words.slice(0, 15).map((w) => (
            <li key={w.word}>
              <span class="said">{w.word}</span> <small>{w.count}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// Per statement, one bar split by level, lightest for the lowest; its figures in words for a
// screen reader.
function LikertResult({ q, tally }: { q: PollQuestionSpec; tally: PollTally }) {
  const m = usePhonePollMessages();
  const n = q.options.length;
  const shade = (l: number) => `hsl(215, 55%, ${88 - (62 * l) / Math.max(1, n - 1)}%)`;
  return (
    <>
      <ul class="poll-stacks">
        {likertRows(q, tally).map((row, s) => (
          <li key={s}>
            <span class="said">{q.statements[s]}</span>
            <span class="poll-stack" aria-hidden="true">
              {row.map((p, l) => (p > 0 ? <span key={l} style={{ width: `${p}%`, background: shade(l) }} /> : null))}
            </span>
            <span class="visually-hidden">{row.map((p, l) => m.pollBarText(q.options[l] ?? '', p)).join(', ')}</span>
          </li>
        ))}
      </ul>
      <ul class="poll-legend" aria-hidden="true">
        {q.options.map((level, l) => (
          <li key={l}>
            <span style={{ background: shade(l) }} />
            {level}
          </li>
        ))}
      </ul>
    </>
  );
}
