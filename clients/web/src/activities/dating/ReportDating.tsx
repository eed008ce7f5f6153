import { useMemo } from 'preact/hooks';
import type { ReportProps } from '../activity';
import { type DatingUnitRow, datingRounds } from './reportData';
import { useDatingReportMessages } from './reportMessages';
import './reportDating.css';

// Speed dating in the report: each date's pairs and trios by name, and where they met; then how
// many participants shared notes and those notes' texts, without who wrote them (see
// reportData.ts: the export holds only the notes their writers shared).
export function ReportDating({ exported, part }: ReportProps) {
  const m = useDatingReportMessages();
  const dating = useMemo(() => datingRounds(exported), [exported]);
  if (part !== 'body' || !dating) return null;
  const names = (unit: DatingUnitRow) => m.datingReportNames(unit.names.map((n) => n || m.datingReportSomeone));
  const where = (unit: DatingUnitRow) =>
    unit.remote ? m.datingReportCall : unit.spot || (unit.table > 0 ? m.datingReportTable(unit.table) : '');
  // The place column only when the export says where some unit met.
  const placed = dating.rounds.some((r) => r.units.some((u) => where(u) !== ''));
  return (
    <section class="report-activity" data-report-dating={dating.agendaIndex}>
      <h3>{dating.title || m.datingReportTitle}</h3>
      <p>{m.datingReportRounds(dating.rounds.length)}</p>
      {dating.rounds.map(({ round, units }) => (
        <table key={round} class="report-table report-keep dating-report">
          <caption>{m.datingReportRound(round)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.datingReportWho}</th>
              {placed && <th scope="col">{m.datingReportWhere}</th>}
            </tr>
          </thead>
          <tbody>
            {units.map((unit, i) => (
              <tr key={i}>
                <th scope="row">{names(unit)}</th>
                {placed && <td>{where(unit)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <div class="report-keep">
        <h4>{m.datingReportNotes}</h4>
        <p>{m.datingReportSharing(dating.sharing)}</p>
      </div>
      {dating.notes.length > 0 && (
        <ul class="dating-report-notes">
          {dating.notes.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
