// What the report reads of the card sort in the workshop's export (GET /api/workshops/CODE/export,
// the protobuf JSON mapping, read as plain JSON as pages/console/exportFile.ts explains): the
// reference order and each group's order, by the cards' titles, and each group's score. Pure,
// unit-tested in test/report-activities.test.ts.

import { bool, field, list, num, parseJsonObject, str } from '../../pages/console/exportFile';

export interface CardSortCell {
  title: string;
  inPlace: boolean; // the reference has this card at this position
}

export interface CardSortGroup {
  group: number;
  locked: boolean;
  order: CardSortCell[]; // first to last
  score: { score: number; exact: number; rank: number } | undefined; // undefined: not scored
}

export interface CardSortReport {
  agendaIndex: number;
  title: string; // the agenda item's; '' when the export has none
  firstLabel: string; // what the first position means
  lastLabel: string; // and the last
  revealed: boolean;
  reference: string[]; // the titles in the right order; empty when the export has no results
  positions: number; // the table's rows: the longest of the orders
  groups: CardSortGroup[]; // by group number
}

// The card sort of the export, or undefined when no group has an order yet.
export function cardSortTable(exported: string): CardSortReport | undefined {
  const raw = parseJsonObject(exported);
  const deck = field(raw, 'card_deck');
  const titles = new Map(list(deck, 'cards').map((c) => [num(c, 'id'), str(c, 'title')]));
  const results = field(raw, 'card_results');
  const referenceIds = list(results, 'reference').map(Number);
  const scores = new Map(
    list(results, 'scores').map((s) => [
      num(s, 'group'),
      { score: num(s, 'score'), exact: num(s, 'exact'), rank: num(s, 'rank') },
    ]),
  );
  const groups = list(raw, 'card_groups')
    .map((g): CardSortGroup => ({
      group: num(g, 'group'),
      locked: bool(g, 'locked'),
      order: list(g, 'order')
        .map(Number)
        .map((id, i) => ({ title: titles.get(id) ?? '', inPlace: referenceIds[i] === id })),
      score: scores.get(num(g, 'group')),
    }))
    .filter((g) => g.order.length > 0)
    .sort((a, b) => a.group - b.group);
  if (groups.length === 0) return undefined;
  const agendaIndex = num(deck, 'agenda_index');
  const reference = referenceIds.map((id) => titles.get(id) ?? '');
  return {
    agendaIndex,
    title: str(list(field(raw, 'agenda'), 'items')[agendaIndex], 'title'),
    firstLabel: str(deck, 'first_label'),
    lastLabel: str(deck, 'last_label'),
    revealed: bool(deck, 'revealed'),
    reference,
    positions: Math.max(reference.length, ...groups.map((g) => g.order.length)),
    groups,
  };
}

// The groups, a few per table: with the position and the reference beside them, more columns
// than this no longer fit an A4 portrait page with card titles readable.
export const kGroupsPerTable = 4;

export function tablesOf(groups: readonly CardSortGroup[], perTable = kGroupsPerTable): CardSortGroup[][] {
  const tables: CardSortGroup[][] = [];
  for (let i = 0; i < groups.length; i += perTable) tables.push(groups.slice(i, i + perTable));
  return tables;
}
