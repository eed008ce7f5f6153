// The report.html of the console's zip: the workshop's report as one self-contained file (its
// styles inline, its charts drawn inline, nothing fetched), from the same export as the report
// page: the title, who attended (day by day, in a workshop of several), the agenda as it ran, the
// groups, then each activity's part (ExportFile.report: what the report page shows of it, tables
// and charts). Pure; tested in
// test/zip-export.test.ts.

import type { ExportFile, ExportReportPart } from '../../activities/activity';
import type { Language } from '../../i18n/i18n';
import { useReportMessages } from '../report/messages';
import { parseSummary, type ReportSummary } from '../report/reportData';

// The report page's look (pages/report/report.css), cut down to what this file uses.
const css = `
body { margin: 0; background: #fff; }
.report { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; font: 1.05rem/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, sans-serif; color: #1a1a1a; }
.report-head h1 { margin: 0 0 0.25rem; font-size: 2rem; }
.report-head p, .report-muted { margin: 0; color: #4a4a4a; }
.report-part { margin-top: 2rem; }
.report-part h2 { border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; }
.report-part h3 { margin-top: 1.5rem; }
.report-table { border-collapse: collapse; width: 100%; }
.report-table th, .report-table td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid #c8c8c8; overflow-wrap: anywhere; }
.report-table thead th { border-bottom: 2px solid #1a1a1a; }
.report-chart { max-width: 40rem; margin: 0.5rem 0 1rem; }
.report-chart svg { width: 100%; height: auto; display: block; }
@media print {
  .report { max-width: none; padding: 0; font-size: 11pt; }
  .report-part h2, .report-part h3 { break-after: avoid; }
  .report-chart, .report-table tr { break-inside: avoid; }
}
`;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function table(rows: readonly (readonly string[])[]): string {
  const [head = [], ...body] = rows;
  const cells = (row: readonly string[], tag: 'th' | 'td') =>
    row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('');
  return (
    `<table class="report-table"><thead><tr>${cells(head, 'th')}</tr></thead>` +
    `<tbody>${body.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('')}</tbody></table>`
  );
}

// A part of an activity: its table, or its chart (an SVG file, drawn by our own code, without its
// XML declaration, which an HTML page does not take).
function part(p: ExportReportPart): string {
  const body =
    'table' in p ? table(p.table) : `<div class="report-chart">${p.svg.replace(/^<\?xml[^>]*>\s*/, '')}</div>`;
  return `<section class="report-activity"><h3>${escapeHtml(p.title)}</h3>${body}</section>`;
}

function opening(s: ReportSummary, m: ReturnType<typeof useReportMessages.in>, language: Language): string {
  const time = new Intl.DateTimeFormat(language, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  const agenda = [
    ['#', m.reportAgendaItem, m.reportAgendaPlanned, m.reportAgendaStarted, m.reportAgendaLasted],
    ...s.agenda.map((item, i) => [
      String(i + 1),
      s.days > 0 ? `${m.reportDay(item.day)} · ${item.title}` : item.title,
      item.minutes > 0 ? m.reportMinutes(item.minutes) : '—',
      item.startedMs === undefined ? m.reportAgendaNotReached : time.format(item.startedMs),
      item.startedMs === undefined ? '' : m.reportMinutes(item.spentMinutes ?? 0),
    ]),
  ];
  const groups = s.groups.map(
    (g) => `<li><strong>${escapeHtml(m.reportGroup(g.number))}</strong>: ${escapeHtml(g.members.join(', '))}</li>`,
  );
  const teams = s.teams.map((t) => `<li>${escapeHtml(m.reportTeam(t.name, t.groups.join(', ')))}</li>`);
  // A workshop of several days: who was there each day, as the report page shows it.
  const days = s.presentPerDay.map((_, i) => i + 1);
  const byDay =
    s.days > 0
      ? `<p>${escapeHtml(`${m.reportByDay}: ${s.presentPerDay.map((n, i) => m.reportDayCount(i + 1, n)).join(' · ')}.`)}</p>` +
        table([
          [m.reportPerson, ...days.map((d) => m.reportDay(d))],
          ...s.presence.map((p) => [p.name, ...days.map((d) => (p.days.includes(d) ? '✓' : ''))]),
          [m.reportTotal, ...s.presentPerDay.map(String)],
        ])
      : '';
  return (
    `<section class="report-part"><h2>${escapeHtml(m.reportAttendance)}</h2>` +
    `<p>${escapeHtml(`${m.reportJoined(s.joined)}: ${m.reportInRoom(s.inRoom)}, ${m.reportRemote(s.remote)}.`)}</p>` +
    `${byDay}</section>` +
    `<section class="report-part"><h2>${escapeHtml(m.reportAgenda)}</h2>${table(agenda)}</section>` +
    (groups.length > 0
      ? `<section class="report-part"><h2>${escapeHtml(m.reportGroups)}</h2><ul>${groups.join('')}</ul>` +
        (teams.length > 0 ? `<ul>${teams.join('')}</ul>` : '') +
        '</section>'
      : '')
  );
}

export function reportHtml(exported: string, files: readonly ExportFile[], language: Language): string {
  const m = useReportMessages.in(language);
  const s = parseSummary(exported);
  const date = new Date(s.exportedAtMs || Date.now()).toLocaleDateString(language, { dateStyle: 'long' });
  const parts = files.flatMap((f) => (f.report ? [part(f.report)] : []));
  return (
    `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(m.reportTitle(s.title))}</title><style>${css}</style></head>` +
    `<body><main class="report"><header class="report-head"><h1>${escapeHtml(s.title)}</h1>` +
    `<p>${escapeHtml(m.reportMeta(s.code, date))}</p></header>` +
    opening(s, m, language) +
    `<section class="report-part"><h2>${escapeHtml(m.reportResults)}</h2>` +
    (parts.length > 0 ? parts.join('') : `<p class="report-muted">${escapeHtml(m.reportNothing)}</p>`) +
    '</section></main></body></html>\n'
  );
}
