// The card sort's file in the console's zip of the workshop: each group's order, card by card,
// beside the reference order, and the group's score. Cards by their text, never their ids (which
// the server draws at random). Pure; the zip is made by pages/console/zipExport.ts, tested in
// test/zip-export.test.ts.

import type { Language } from '../../i18n/i18n';
import type { ExportFile } from '../activity';
import { csvFile, field, list, num, parseJsonObject, str } from '../../pages/console/exportFile';

interface Words {
  title: string;
  group: string;
  position: string;
  card: string;
  reference: string;
  score: string;
  rank: string;
  groupN: (n: number) => string;
}
const words: Record<Language, Words> = {
  es: {
    title: 'Ordenar tarjetas',
    group: 'Grupo',
    position: 'Posición',
    card: 'Tarjeta',
    reference: 'Posición de referencia',
    score: 'Puntuación del grupo (0-100)',
    rank: 'Puesto del grupo',
    groupN: (n) => (n === 0 ? 'Toda la sala' : `Grupo ${n}`),
  },
  en: {
    title: 'Card sort',
    group: 'Group',
    position: 'Position',
    card: 'Card',
    reference: 'Reference position',
    score: "Group's score (0-100)",
    rank: "Group's rank",
    groupN: (n) => (n === 0 ? 'The whole room' : `Group ${n}`),
  },
};

export function cardsExportFiles(exported: string, language: Language): ExportFile[] {
  const raw = parseJsonObject(exported);
  const w = words[language];
  const text = new Map(
    list(field(raw, 'card_deck'), 'cards').map((c) => [num(c, 'id'), str(c, 'title') || str(c, 'description')]),
  );
  const results = field(raw, 'card_results');
  // Empty until the facilitator reveals the reference order.
  const reference = new Map(list(results, 'reference').map((id, i) => [Number(id), i + 1]));
  const scores = new Map(list(results, 'scores').map((s) => [num(s, 'group'), s]));
  const groups = [...list(raw, 'card_groups')].sort((a, b) => num(a, 'group') - num(b, 'group'));
  const rows = [[w.group, w.position, w.card, w.reference, w.score, w.rank]];
  for (const g of groups) {
    const group = num(g, 'group');
    const score = scores.get(group);
    list(g, 'order').forEach((id, i) => {
      rows.push([
        w.groupN(group),
        String(i + 1),
        text.get(Number(id)) ?? '',
        String(reference.get(Number(id)) ?? ''),
        score ? String(num(score, 'score')) : '',
        score ? String(num(score, 'rank')) : '',
      ]);
    });
  }
  if (rows.length === 1) return [];
  return [csvFile('cards.csv', rows, { title: w.title, table: rows })];
}
