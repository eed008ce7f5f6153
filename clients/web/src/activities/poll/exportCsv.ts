// The polls' files in the console's zip of the workshop: the answers' spreadsheet, the polls'
// JSON, and every question's chart as an SVG file (the counts as they are now). Pure; the zip is
// made by pages/console/zipExport.ts, tested in test/zip-export.test.ts.

import type { Language } from '../../i18n/i18n';
import type { ExportFile } from '../activity';
import { csvFile, localTime } from '../../pages/console/exportFile';
import { parsePollExport, type PollCsvWords, pollName, pollRows, pollsJson, tallyKey } from './consoleCsv';
import { usePollConsoleMessages } from './consoleMessages';
import { usePollChartMessages } from './screenChartMessages';
import { chartFile } from './screenCharts';

export function pollExportFiles(exported: string, language: Language): ExportFile[] {
  const data = parsePollExport(exported);
  if (data.polls.size === 0) return [];
  const m = usePollConsoleMessages.in(language);
  const chart = usePollChartMessages.in(language);
  const words: PollCsvWords = {
    headers: m.pollCsvHeaders,
    anonymous: m.pollCsvAnonymous,
    other: chart.other,
    quickPoll: m.pollQuickPollN,
    typeName: chart.pollTypeName,
    time: localTime,
  };
  // The answers name their authors: the report shows the charts only (as the report page does).
  const files: ExportFile[] = [
    csvFile('polls.csv', pollRows(data, words)),
    { name: 'polls.json', content: pollsJson(data) },
  ];
  for (const poll of data.polls.values()) {
    poll.questions.forEach((q, i) => {
      const svg = chartFile(q, data.tallies.get(tallyKey(poll.id, i)), chart);
      const title = `${pollName(data, poll, poll.id, words)}: ${q.prompt}`;
      files.push({ name: `charts/poll-${poll.id}-q${i + 1}.svg`, content: svg, report: { title, svg } });
    });
  }
  return files;
}
