// The boards' files in the console's zip of the workshop: the notes' spreadsheet and the boards'
// JSON, as the board console's own downloads write them (consoleCsv.ts). Pure; the zip is made by
// pages/console/zipExport.ts, tested in test/zip-export.test.ts.

import type { Language } from '../../i18n/i18n';
import type { ExportFile } from '../activity';
import { csvFile } from '../../pages/console/exportFile';
import { boardRows, boardsJson, type CsvWords, type ExportedBoards, parseExport } from './consoleCsv';
import { useBoardConsoleMessages } from './consoleMessages';

export function boardExportFiles(exported: string, language: Language): ExportFile[] {
  const data = parseExport(exported);
  if (data.boards.size === 0) return [];
  const words = useBoardConsoleMessages.in(language).boardCsv;
  return [
    csvFile('boards.csv', boardRows(data, words), { title: words.headers.board, table: reportRows(data, words) }),
    { name: 'boards.json', content: boardsJson(data) },
  ];
}

// The report's table, as the report page's boards (ReportBoard.tsx): the visible notes with their
// cell, cluster and dots, and no author (a board may be anonymous; the report is read beyond the
// room). By board, group, then most dots.
function reportRows(data: ExportedBoards, w: CsvWords): string[][] {
  const h = w.headers;
  const notes = data.notes
    .filter((n) => !n.hidden)
    .sort((a, b) => a.board - b.board || a.group - b.group || (data.dots.get(b.id) ?? 0) - (data.dots.get(a.id) ?? 0));
  return [
    [h.board, h.group, h.column, h.row, h.text, h.cluster, h.dots],
    ...notes.map((n) => {
      const lanes = data.boards.get(n.board);
      return [
        data.items[n.board] ?? String(n.board + 1),
        n.group === 0 ? w.room : w.group(n.group),
        lanes?.columns[n.column] ?? String(n.column + 1),
        lanes?.rows[n.row] ?? '',
        n.text,
        n.clusterId ? (data.clusters.get(n.clusterId) ?? '') : '',
        String(data.dots.get(n.id) ?? 0),
      ];
    }),
  ];
}
