import { useEffect, useMemo, useState } from 'preact/hooks';
import { activities } from '../../activities/registry';
import { showIn } from '../../i18n/i18n';
import { byDay } from '../console/days';
import { useReportMessages } from './messages';
import { parseSummary, type ReportSummary } from './reportData';
import './report.css';

// The workshop's report for the facilitators (/report/CODE#key=...), in the workshop's language:
// built in the page from the export (GET /api/workshops/CODE/export, which main.tsx asks for
// with the activities' report views before this page is drawn) at any moment, so that the
// charts are the projector's and the console's own (activities/poll/screenCharts.ts) and nothing
// is drawn twice. The opening (attendance, agenda, groups) is the page's; each activity draws
// its section (Activity.Report), and the evaluation survey its annex. A workshop of several days
// also has its attendance day by day, and its agenda by day. Printed by the browser
// (report.css: A4 or Letter), saved as PDF from the print dialog.
export function ReportApp({ exported: request }: { exported: Promise<string | undefined> }) {
  const [exported, setExported] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void request.then((json) => {
      if (json === undefined) {
        setExported(null);
        return;
      }
      const language = parseSummary(json).language;
      if (language === 'es' || language === 'en') showIn(language);
      setExported(json);
    });
  }, [request]);
  const m = useReportMessages();
  if (exported === undefined) return <p class="report-status">{m.reportLoading}</p>;
  if (exported === null)
    return (
      <p class="report-status" role="alert">
        {m.reportFailed}
      </p>
    );
  return <Report exported={exported} />;
}

function Report({ exported }: { exported: string }) {
  const m = useReportMessages();
  const summary = useMemo(() => parseSummary(exported), [exported]);
  useEffect(() => {
    document.title = m.reportTitle(summary.title);
  }, [m, summary.title]);
  const date = new Date(summary.exportedAtMs || Date.now()).toLocaleDateString(document.documentElement.lang, {
    dateStyle: 'long',
  });
  return (
    <main class="report" data-report-ready>
      <PrintBar />
      <header class="report-head">
        <h1>{summary.title}</h1>
        <p>{m.reportMeta(summary.code, date)}</p>
      </header>
      <Opening summary={summary} />
      <section class="report-part" aria-labelledby="report-results">
        <h2 id="report-results">{m.reportResults}</h2>
        {activities.map((a) => a.Report && <a.Report key={a.name} exported={exported} part="body" />)}
      </section>
      <section class="report-part report-annex" aria-labelledby="report-annex">
        <h2 id="report-annex">{m.reportAnnex}</h2>
        {activities.map((a) => a.Report && <a.Report key={a.name} exported={exported} part="annex" />)}
      </section>
    </main>
  );
}

// The print button and the paper (A4 or Letter: the @page rule follows the choice).
function PrintBar() {
  const m = useReportMessages();
  const [paper, setPaper] = useState<'A4' | 'letter'>('A4');
  return (
    <div class="report-print">
      <style>{`@page { size: ${paper}; margin: 16mm 14mm; }`}</style>
      <label>
        {m.reportPaper}{' '}
        <select value={paper} onChange={(e) => setPaper(e.currentTarget.value === 'letter' ? 'letter' : 'A4')}>
          <option value="A4">{m.reportA4}</option>
          <option value="letter">{m.reportLetter}</option>
        </select>
      </label>
      <button type="button" onClick={() => window.print()}>
        {m.reportPrint}
      </button>
    </div>
  );
}

// The agenda as planned beside the agenda as it ran (from the log's times).
function AgendaTable({ summary }: { summary: ReportSummary }) {
  const m = useReportMessages();
  const time = new Intl.DateTimeFormat(summary.language || undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  // A workshop of several days: one group of rows per day, headed by the day.
  const days =
    summary.days > 0
      ? byDay(summary.agenda)
      : [{ day: 0, items: summary.agenda.map((item, index) => ({ item, index })) }];
  return (
    <table class="report-table report-agenda">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{m.reportAgendaItem}</th>
          <th scope="col">{m.reportAgendaPlanned}</th>
          <th scope="col">{m.reportAgendaStarted}</th>
          <th scope="col">{m.reportAgendaLasted}</th>
        </tr>
      </thead>
      {days.map(({ day, items }) => (
        <tbody key={day}>
          {day > 0 && (
            <tr class="report-day">
              <th scope="rowgroup" colSpan={5}>
                {m.reportDay(day)}
              </th>
            </tr>
          )}
          {items.map(({ item, index }) => (
            <tr key={index} class={item.startedMs === undefined ? 'report-muted' : undefined}>
              <td>{index + 1}</td>
              <th scope="row">{item.title}</th>
              <td>{item.minutes > 0 ? m.reportMinutes(item.minutes) : '—'}</td>
              {item.startedMs === undefined ? (
                <td colSpan={2}>{m.reportAgendaNotReached}</td>
              ) : (
                <>
                  <td>{time.format(item.startedMs)}</td>
                  <td>{m.reportMinutes(item.spentMinutes ?? 0)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

// A workshop of several days: who was there each day, person by person, and how many in all.
function PresenceTable({ summary }: { summary: ReportSummary }) {
  const m = useReportMessages();
  const days = summary.presentPerDay.map((_, i) => i + 1);
  return (
    <table class="report-table report-presence">
      <thead>
        <tr>
          <th scope="col">{m.reportPerson}</th>
          {days.map((d) => (
            <th key={d} scope="col">
              {m.reportDay(d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {summary.presence.map((p, i) => (
          <tr key={i}>
            <th scope="row">{p.name}</th>
            {days.map((d) => (
              <td key={d}>
                {p.days.includes(d) && (
                  <>
                    <span aria-hidden="true">✓</span>
                    <span class="visually-hidden">{m.reportPresent}</span>
                  </>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{m.reportTotal}</th>
          {summary.presentPerDay.map((n, i) => (
            <td key={i}>{n}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

function Opening({ summary }: { summary: ReportSummary }) {
  const m = useReportMessages();
  return (
    <>
      <section class="report-part" aria-labelledby="report-attendance">
        <h2 id="report-attendance">{m.reportAttendance}</h2>
        <p>
          {m.reportJoined(summary.joined)}: {m.reportInRoom(summary.inRoom)}, {m.reportRemote(summary.remote)}.
        </p>
        {summary.days > 0 && (
          <>
            <p>
              {m.reportByDay}: {summary.presentPerDay.map((n, i) => m.reportDayCount(i + 1, n)).join(' · ')}.
            </p>
            <PresenceTable summary={summary} />
          </>
        )}
      </section>
      <section class="report-part" aria-labelledby="report-agenda">
        <h2 id="report-agenda">{m.reportAgenda}</h2>
        <AgendaTable summary={summary} />
      </section>
      {summary.groups.length > 0 && (
        <section class="report-part" aria-labelledby="report-groups">
          <h2 id="report-groups">{m.reportGroups}</h2>
          <ul class="report-groups">
            {summary.groups.map((g) => (
              <li key={g.number}>
                <strong>{m.reportGroup(g.number)}</strong>: {g.members.join(', ')}
              </li>
            ))}
          </ul>
          {summary.teams.length > 0 && (
            <ul>
              {summary.teams.map((t) => (
                <li key={t.name}>{m.reportTeam(t.name, t.groups.join(', '))}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
