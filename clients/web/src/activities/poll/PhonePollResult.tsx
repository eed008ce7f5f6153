import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { type PollAnswerValue, type PollQuestionSpec, type PollTally } from '../../gen/campana/v1/poll_pb';
import { barsOf, likertTops, meanOf } from './PhonePollModel';
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
      {q.type === PollQuestionType.RECOMMEND && tally.answered > 0 && <p>{m.pollScore(tally.recommendScore)}</p>}
      {mean !== undefined && <p>{m.pollMean(mean)}</p>}
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

// Per statement, the level chosen most and its share.
function LikertResult({ q, tally }: { q: PollQuestionSpec; tally: PollTally }) {
  const m = usePhonePollMessages();
  const tops = likertTops(q, tally);
  return (
    <ul class="poll-tops">
      {q.statements.map((statement, s) => {
        const top = tops[s];
        return (
          <li key={s}>
            <span class="said">{statement}</span>
            {top && <strong>{m.pollTop(q.options[top.level] ?? '', top.percent)}</strong>}
          </li>
        );
      })}
    </ul>
  );
}
