import { useMemo } from 'preact/hooks';
import type { ReportProps } from '../activity';
import { type ExportedNote, parseExport } from './reportData';
import { useBoardReportMessages } from './reportMessages';

// How many of a board's (or a group's) notes the report lists, by dots.
const kTop = 5;

// The boards in the report: per board and group, how many notes and the most voted ones (or the
// first ones, before any vote), each with its cell and its dots. Hidden notes are left out; no
// author is named (a board may be anonymous, and the report is read beyond the room).
export function ReportBoard({ exported, part }: ReportProps) {
  const m = useBoardReportMessages();
  const data = useMemo(() => parseExport(exported), [exported]);
  if (part !== 'body' || data.boards.size === 0) return null;
  const byBoard = new Map<number, Map<number, ExportedNote[]>>();
  for (const n of data.notes) {
    if (n.hidden) continue;
    const groups = byBoard.get(n.board) ?? new Map<number, ExportedNote[]>();
    groups.set(n.group, [...(groups.get(n.group) ?? []), n]);
    byBoard.set(n.board, groups);
  }
  return (
    <>
      {[...data.boards.entries()].map(([board, lanes]) => (
        <section key={board} class="report-activity" data-report-board={board}>
          <h3>{data.items[board] ?? String(board + 1)}</h3>
          {[...(byBoard.get(board) ?? new Map<number, ExportedNote[]>()).entries()]
            .sort(([a], [b]) => a - b)
            .map(([group, notes]) => {
              const top = [...notes]
                .sort((a, b) => (data.dots.get(b.id) ?? 0) - (data.dots.get(a.id) ?? 0) || a.id - b.id)
                .slice(0, kTop);
              return (
                <div key={group} class="report-keep">
                  <h4>
                    {group === 0 ? m.boardReportRoom : m.boardReportGroup(group)} · {m.boardReportNotes(notes.length)}
                  </h4>
                  <p>{m.boardReportTop}</p>
                  <ol>
                    {top.map((n) => (
                      <li key={n.id}>
                        {n.text}{' '}
                        <span class="report-minutes">
                          ({[lanes.columns[n.column], lanes.rows[n.row]].filter(Boolean).join(' · ')};{' '}
                          {m.boardReportDots(data.dots.get(n.id) ?? 0)})
                        </span>
                      </li>
                    ))}
                  </ol>
                </div>
              );
            })}
        </section>
      ))}
    </>
  );
}
