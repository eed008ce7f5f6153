// The open questions' file in the console's zip of the workshop: every answer with its agenda
// item, its author's name and its time. Pure; the zip is made by pages/console/zipExport.ts,
// tested in test/zip-export.test.ts.

import type { Language } from '../../i18n/i18n';
import type { ExportFile } from '../activity';
import {
  csvFile,
  field,
  list,
  localTime,
  num,
  parseJsonObject,
  participantNames,
  str,
} from '../../pages/console/exportFile';

interface Words {
  title: string;
  item: string;
  question: string;
  author: string;
  answer: string;
  time: string;
  anonymous: string;
}
const words: Record<Language, Words> = {
  es: {
    title: 'Preguntas abiertas',
    item: 'Punto de la agenda',
    question: 'Pregunta',
    author: 'Autor',
    answer: 'Respuesta',
    time: 'Hora',
    anonymous: 'anónimo',
  },
  en: {
    title: 'Open questions',
    item: 'Agenda item',
    question: 'Question',
    author: 'Author',
    answer: 'Answer',
    time: 'Time',
    anonymous: 'anonymous',
  },
};

export function questionExportFiles(exported: string, language: Language): ExportFile[] {
  const raw = parseJsonObject(exported);
  const w = words[language];
  const items = list(field(raw, 'agenda'), 'items');
  const names = participantNames(raw);
  const answers = [...list(raw, 'answers')].sort(
    (a, b) => num(a, 'agenda_index') - num(b, 'agenda_index') || num(a, 'at_ms') - num(b, 'at_ms'),
  );
  if (answers.length === 0) return [];
  const rows = [[w.item, w.question, w.author, w.answer, w.time]];
  // The report page lists the answers without names (the projector may have shown them
  // anonymously): so does the zip's report.
  const report = [[w.item, w.question, w.answer]];
  for (const a of answers) {
    const item = items[num(a, 'agenda_index')];
    const at = num(a, 'at_ms');
    // No name (no author, or one who has left and whom the export no longer lists): anonymous,
    // never an id.
    const author = names.get(num(a, 'participant_id')) || w.anonymous;
    rows.push([str(item, 'title'), str(item, 'prompt'), author, str(a, 'text'), at > 0 ? localTime(at) : '']);
    report.push([str(item, 'title'), str(item, 'prompt'), str(a, 'text')]);
  }
  return [csvFile('answers.csv', rows, { title: w.title, table: report })];
}
