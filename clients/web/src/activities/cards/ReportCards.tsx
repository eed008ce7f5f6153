import { useMemo } from 'preact/hooks';
import type { ReportProps } from '../activity';
import { type CardSortCell, type CardSortGroup, type CardSortReport, cardSortTable, tablesOf } from './reportData';
import { useCardsReportMessages } from './reportMessages';
import './reportCards.css';

// The card sort in the report: position by position, the reference order beside each group's,
// the cards a group put in their reference position marked, and each group's score below its
// column. A few groups per table (tablesOf), so that the columns stay readable on A4 portrait.
export function ReportCards({ exported, part }: ReportProps) {
  const m = useCardsReportMessages();
  const sort = useMemo(() => cardSortTable(exported), [exported]);
  if (part !== 'body' || !sort) return null;
  const hasReference = sort.reference.length > 0;
  return (
    <section class="report-activity" data-report-cards={sort.agendaIndex}>
      <h3>{sort.title || m.cardsReportTitle}</h3>
      {sort.firstLabel && sort.lastLabel && <p>{m.cardsReportScale(sort.firstLabel, sort.lastLabel)}</p>}
      {!sort.revealed && <p>{m.cardsReportUnrevealed}</p>}
      {hasReference && <p class="report-minutes">{m.cardsReportLegend}</p>}
      {tablesOf(sort.groups).map((groups, i) => (
        <OrderTable key={i} sort={sort} groups={groups} />
      ))}
    </section>
  );
}

function OrderTable({ sort, groups }: { sort: CardSortReport; groups: CardSortGroup[] }) {
  const m = useCardsReportMessages();
  const hasReference = sort.reference.length > 0;
  const rows = Array.from({ length: sort.positions }, (_, i) => i);
  return (
    <table class="report-table report-keep cards-report">
      <caption>{m.cardsReportCaption(groups.map((g) => m.cardsReportGroup(g.group)).join(', '))}</caption>
      <thead>
        <tr>
          <th scope="col" class="cards-report-position">
            {m.cardsReportPosition}
          </th>
          {hasReference && <th scope="col">{m.cardsReportReference}</th>}
          {groups.map((g) => (
            <th key={g.group} scope="col">
              {m.cardsReportGroup(g.group)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <tr key={i}>
            <th scope="row" class="cards-report-position">
              {i + 1}
            </th>
            {hasReference && <td>{sort.reference[i]}</td>}
            {groups.map((g) => (
              <td key={g.group}>
                <Cell cell={g.order[i]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {hasReference && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {m.cardsReportScore}
            </th>
            {groups.map((g) => (
              <td key={g.group}>
                {g.score
                  ? m.cardsReportScoreCell(g.score.score, g.score.exact, sort.reference.length, g.score.rank)
                  : m.cardsReportNoScore}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

// A group's card at one position, marked when it is where the reference puts it.
function Cell({ cell }: { cell: CardSortCell | undefined }) {
  const m = useCardsReportMessages();
  if (!cell) return null;
  if (!cell.inPlace) return <>{cell.title}</>;
  return (
    <strong>
      {cell.title} <span aria-hidden="true">✓</span>
      <span class="visually-hidden"> {m.cardsReportInPlace}</span>
    </strong>
  );
}
