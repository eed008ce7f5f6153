import { useMemo } from 'preact/hooks';
import type { ReportProps } from '../activity';
import { parsePollExport, tallyKey } from './reportData';
import { usePollReportMessages } from './reportMessages';
import { usePollChartMessages } from './screenChartMessages';
import { chartSvg } from './screenCharts';

// The polls in the report: each question's chart (which says its count), as the projector draws it
// (the counts as they are now, revealed or not: the report is the facilitators'). Live polls
// and the agenda's polls in the body; the self-paced ones (the evaluation survey) in the annex.
// Open answers appear as counts in the chart only: their texts are in the export's CSV, and an
// anonymous poll's reach nobody with their author.
export function ReportPoll({ exported, part }: ReportProps) {
  const words = usePollChartMessages();
  const m = usePollReportMessages();
  const data = useMemo(() => parsePollExport(exported), [exported]);
  const polls = [...data.polls.values()].filter((p) => p.selfPaced === (part === 'annex'));
  if (polls.length === 0) return null;
  return (
    <>
      {polls.map((poll) => {
        const quick = m.pollReportQuickPoll(poll.id);
        const name = poll.agendaIndex >= 0 ? (data.items[poll.agendaIndex] ?? quick) : quick;
        return (
          <section key={poll.id} class="report-activity" data-report-poll={poll.id}>
            <h3>{name}</h3>
            {poll.questions.map((q, i) => {
              const tally = data.tallies.get(tallyKey(poll.id, i));
              const chart = chartSvg(q, tally, words, { width: 1200 });
              return (
                <div key={i} class="report-keep">
                  <h4>{q.prompt}</h4>
                  <div class="report-chart" dangerouslySetInnerHTML={{ __html: chart.svg }} />
                </div>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
