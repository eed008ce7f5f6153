import { useMemo } from 'preact/hooks';
import { formatStopwatch } from '../../ui/Clocks';
import type { ReportProps } from '../activity';
import { type RaceRun, type RaceTeamRow, raceRows } from './reportData';
import { useRaceReportMessages } from './reportMessages';
import './reportRace.css';

// The race in the report: one row per team with its runs in order and its best time, then the
// winner. The runs share one cell (a list that wraps) rather than a column each, so that a team
// that ran many times does not push the table off an A4 page.
export function ReportRace({ exported, part }: ReportProps) {
  const m = useRaceReportMessages();
  const race = useMemo(() => raceRows(exported), [exported]);
  if (part !== 'body' || !race) return null;
  const name = (team: RaceTeamRow) => team.name || m.raceReportUnnamed;
  const best = (ms: number) => (ms > 0 ? formatStopwatch(ms) : m.raceReportNoTime);
  const run = (r: RaceRun) =>
    r.voided
      ? m.raceReportVoided
      : r.counted
        ? formatStopwatch(r.ms)
        : `${formatStopwatch(r.ms)} (${m.raceReportLate})`;
  return (
    <section class="report-activity" data-report-race={race.agendaIndex}>
      <h3>{race.title || m.raceReportTitle}</h3>
      {!race.finished && <p>{m.raceReportUnfinished}</p>}
      <table class="report-table report-keep race-report">
        <caption>{m.raceReportCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.raceReportTeam}</th>
            <th scope="col">{m.raceReportRuns}</th>
            <th scope="col">{m.raceReportBest}</th>
          </tr>
        </thead>
        <tbody>
          {race.teams.map((team, i) => (
            <tr key={i}>
              <th scope="row">{name(team)}</th>
              <td>
                <ol class="race-report-runs">
                  {team.runs.map((r, j) => (
                    <li key={j}>{run(r)}</li>
                  ))}
                </ol>
              </td>
              <td>{best(team.bestMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {race.finished && (
        <p class="race-report-winner">
          {race.winner ? m.raceReportWinner(name(race.winner), best(race.winner.bestMs)) : m.raceReportNoWinner}
        </p>
      )}
    </section>
  );
}
