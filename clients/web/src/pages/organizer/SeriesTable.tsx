import { useId } from 'preact/hooks';
import type { SeriesAttendance } from '../../gen/campana/v1/organizer_pb';
import { useLanguage } from '../../i18n/i18n';
import { attendanceTable, type Mark } from './attendance';
import { useOrganizerMessages } from './messages';

function MarkCell({ mark }: { mark: Mark }) {
  const m = useOrganizerMessages();
  if (mark === 'none') return <td class="org-mark-none" />;
  return (
    <td class={`org-mark-${mark}`}>
      <span aria-hidden="true">{mark === 'present' ? '✓' : '—'}</span>
      <span class="visually-hidden">{mark === 'present' ? m.present : m.absent}</span>
    </td>
  );
}

// Who came to what over a series (attendance.ts): a row per person, a column per session (per
// day for a session of several days), and how many came to each. A phone 360 px wide scrolls the
// table inside its own box (focusable, so a keyboard scrolls it too), never the page.
export function SeriesTable({ attendance }: { attendance: SeriesAttendance }) {
  const m = useOrganizerMessages();
  const language = useLanguage();
  const caption = useId();
  const table = attendanceTable(attendance, language);
  const { sessions, rows, totals, byDay } = table;
  if (rows.length === 0) return <p class="muted">{m.nobodyInSeries}</p>;

  return (
    <div class="org-attendance">
      <div class="org-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
        <table>
          <caption id={caption}>{m.attendanceCaption(table.series)}</caption>
          <colgroup />
          {sessions.map((s) => (
            <colgroup key={s.code} span={Math.max(1, s.days.length)} />
          ))}
          <thead>
            <tr>
              <th scope="col" rowSpan={byDay ? 2 : 1}>
                {m.person}
              </th>
              {sessions.map((s) => (
                <th
                  key={s.code}
                  scope={s.days.length > 0 ? 'colgroup' : 'col'}
                  colSpan={Math.max(1, s.days.length)}
                  rowSpan={byDay && s.days.length === 0 ? 2 : 1}
                >
                  <span class="org-session">{m.sessionNumber(s.session)}</span>
                  <span class="said title">{s.title}</span>
                </th>
              ))}
            </tr>
            {byDay && (
              <tr>
                {sessions.flatMap((s) =>
                  s.days.map((day) => (
                    <th key={`${s.code}.${day}`} scope="col">
                      {m.dayNumber(day)}
                    </th>
                  )),
                )}
              </tr>
            )}
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">
                  <span class="said name">{row.name}</span>
                </th>
                {row.marks.map((mark, j) => (
                  <MarkCell key={j} mark={mark} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{m.totalPresent}</th>
              {totals.map((n, j) => (
                <td key={j}>{n}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="muted">{m.attendanceLegend}</p>
    </div>
  );
}
