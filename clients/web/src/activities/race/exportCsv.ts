// The race's file in the console's zip of the workshop: every run of every team, with its time
// and whether it counted. Pure; the zip is made by pages/console/zipExport.ts, tested in
// test/zip-export.test.ts.

import type { Language } from '../../i18n/i18n';
import type { ExportFile } from '../activity';
import { bool, csvFile, field, list, num, parseJsonObject, str } from '../../pages/console/exportFile';

interface Words {
  title: string;
  team: string;
  run: string;
  seconds: string;
  result: string;
  counted: string;
  late: string;
  voided: string;
  best: string;
}
const words: Record<Language, Words> = {
  es: {
    title: 'Carrera',
    team: 'Equipo',
    run: 'Intento',
    seconds: 'Tiempo (s)',
    result: 'Resultado',
    counted: 'válido',
    late: 'fuera de tiempo',
    voided: 'nulo (cayó la pelota)',
    best: 'Mejor tiempo del equipo (s)',
  },
  en: {
    title: 'Race',
    team: 'Team',
    run: 'Run',
    seconds: 'Time (s)',
    result: 'Result',
    counted: 'counted',
    late: 'after the window closed',
    voided: 'void (the ball fell)',
    best: "Team's best time (s)",
  },
};

// Seconds with a decimal point whatever the language: spreadsheets read it as a number.
const seconds = (ms: number): string => (ms / 1000).toFixed(2);

export function raceExportFiles(exported: string, language: Language): ExportFile[] {
  const raw = parseJsonObject(exported);
  const w = words[language];
  // The race's copy of a team's name; the groups' teams (same ids) when it has none.
  const teamNames = new Map(list(field(raw, 'groups'), 'teams').map((t) => [num(t, 'id'), str(t, 'name')]));
  const rows = [[w.team, w.run, w.seconds, w.result, w.best]];
  for (const t of list(field(raw, 'race'), 'teams')) {
    const name = str(t, 'name') || (teamNames.get(num(t, 'team_id')) ?? '');
    const best = num(t, 'best_ms');
    list(t, 'runs').forEach((r, i) => {
      const voided = bool(r, 'voided');
      rows.push([
        name,
        String(i + 1),
        voided ? '' : seconds(num(r, 'elapsed_ms')),
        voided ? w.voided : bool(r, 'counted') ? w.counted : w.late,
        best > 0 ? seconds(best) : '',
      ]);
    });
  }
  if (rows.length === 1) return []; // no team ran
  return [csvFile('race.csv', rows, { title: w.title, table: rows })];
}
