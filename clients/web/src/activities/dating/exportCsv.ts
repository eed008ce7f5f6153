// Speed dating's files in the console's zip of the workshop: who met whom in each round, by name,
// and the notes their writers chose to share (the server leaves the others out of the export).
// Pure; the zip is made by pages/console/zipExport.ts, tested in test/zip-export.test.ts.

import type { Language } from '../../i18n/i18n';
import type { ExportFile } from '../activity';
import {
  bool,
  csvFile,
  list,
  localTime,
  num,
  parseJsonObject,
  participantNames,
  str,
} from '../../pages/console/exportFile';

interface Words {
  title: string;
  notesTitle: string;
  round: string;
  unit: string;
  person: (n: number) => string;
  place: string;
  call: string;
  table: (n: number) => string;
  writer: string;
  partners: string;
  note: string;
  saved: string;
}
const words: Record<Language, Words> = {
  es: {
    title: 'Citas rápidas',
    notesTitle: 'Notas compartidas de las citas rápidas',
    round: 'Ronda',
    unit: 'Pareja',
    person: (n) => `Persona ${n}`,
    place: 'Dónde',
    call: 'videollamada',
    table: (n) => `Mesa ${n}`,
    writer: 'Autor',
    partners: 'Con',
    note: 'Nota',
    saved: 'Guardada',
  },
  en: {
    title: 'Speed dating',
    notesTitle: 'Shared speed dating notes',
    round: 'Round',
    unit: 'Pair',
    person: (n) => `Person ${n}`,
    place: 'Where',
    call: 'video call',
    table: (n) => `Table ${n}`,
    writer: 'Author',
    partners: 'With',
    note: 'Note',
    saved: 'Saved',
  },
};

export function datingExportFiles(exported: string, language: Language): ExportFile[] {
  const raw = parseJsonObject(exported);
  const w = words[language];
  const names = participantNames(raw);
  const units = [...list(raw, 'dating_units')].sort(
    (a, b) => num(a, 'round') - num(b, 'round') || num(a, 'unit') - num(b, 'unit'),
  );
  if (units.length === 0) return [];
  const rows = [[w.round, w.unit, w.person(1), w.person(2), w.person(3), w.place]];
  for (const u of units) {
    // The participants' names; the unit's own copy for someone the export no longer lists.
    const members = list(u, 'members').map((m) => names.get(num(m, 'participant_id')) || str(m, 'display_name'));
    const table = num(u, 'table');
    const place = bool(u, 'remote') ? w.call : str(u, 'spot') || (table > 0 ? w.table(table) : '');
    rows.push([String(num(u, 'round')), String(num(u, 'unit') + 1), ...[0, 1, 2].map((i) => members[i] ?? ''), place]);
  }
  const files = [csvFile('dating.csv', rows, { title: w.title, table: rows })];
  // The `shared` test is a second guard: the server exports only shared notes.
  const notes = list(raw, 'dating_notes').filter((n) => bool(n, 'shared'));
  if (notes.length > 0) {
    const noteRows = [[w.round, w.writer, w.partners, w.note, w.saved]];
    for (const n of [...notes].sort((a, b) => num(a, 'round') - num(b, 'round'))) {
      const at = num(n, 'saved_at_ms');
      noteRows.push([
        String(num(n, 'round')),
        names.get(num(n, 'participant_id')) ?? '',
        list(n, 'partner_names').map(String).join('; '),
        str(n, 'text'),
        at > 0 ? localTime(at) : '',
      ]);
    }
    // A writer agreed to share with the facilitators, not to be named beyond the room: the report
    // has the texts alone, sorted by themselves, as the report page (dating/reportData.ts).
    const texts = notes.map((n) => str(n, 'text').trim()).filter((t) => t !== '');
    const report = [[w.note], ...texts.sort((a, b) => a.localeCompare(b)).map((t) => [t])];
    files.push(csvFile('dating-notes.csv', noteRows, { title: w.notesTitle, table: report }));
  }
  return files;
}
