// What the report reads of speed dating in the workshop's export (GET /api/workshops/CODE/export,
// the protobuf JSON mapping, read as plain JSON as pages/console/exportFile.ts explains): who met
// whom in each round, by name, how many participants shared notes, and the shared notes' texts.
// Pure, unit-tested in test/report-activities.test.ts.

import { bool, field, list, num, parseJsonObject, participantNames, str } from '../../pages/console/exportFile';

export interface DatingUnitRow {
  names: string[]; // two, or three; '' for someone the export no longer names (they left)
  remote: boolean; // on a call
  spot: string; // a named meeting spot, or ''
  table: number; // a numbered table, or 0
}

export interface DatingReport {
  agendaIndex: number;
  title: string; // the agenda item's; '' when the export has none
  rounds: { round: number; units: DatingUnitRow[] }[];
  sharing: number; // participants who shared at least one note
  notes: string[]; // the shared notes' texts, without writer, partners or round
}

// Speed dating in the export, or undefined when no round was drawn.
export function datingRounds(exported: string): DatingReport | undefined {
  const raw = parseJsonObject(exported);
  // Names from the participants; a unit's own copy when the participant is gone from them.
  const names = participantNames(raw);
  const rounds = new Map<number, DatingUnitRow[]>();
  const units = [...list(raw, 'dating_units')].sort(
    (a, b) => num(a, 'round') - num(b, 'round') || num(a, 'unit') - num(b, 'unit'),
  );
  for (const u of units) {
    const round = num(u, 'round');
    const row: DatingUnitRow = {
      names: list(u, 'members').map((p) => names.get(num(p, 'participant_id')) || str(p, 'display_name')),
      remote: bool(u, 'remote'),
      spot: str(u, 'spot'),
      table: num(u, 'table'),
    };
    rounds.set(round, [...(rounds.get(round) ?? []), row]);
  }
  if (rounds.size === 0) return undefined;
  const agendaIndex = num(field(raw, 'dating'), 'agenda_index');
  return {
    agendaIndex,
    title: str(list(field(raw, 'agenda'), 'items')[agendaIndex], 'title'),
    rounds: [...rounds.entries()].map(([round, units]) => ({ round, units })),
    sharing: num(raw, 'participants_sharing_notes'),
    notes: sharedNotes(raw),
  };
}

// The export holds only the notes their writers shared (the server leaves the others out); the
// `shared` test is a second guard. The report is read beyond the room and a writer agreed to
// share with the facilitators, not to be named: no writer, no partners, no round, and the texts
// sorted by themselves (as the server sorts an anonymous poll's answers), so that neither their
// place nor the rounds table points back to anyone.
function sharedNotes(raw: unknown): string[] {
  return list(raw, 'dating_notes')
    .filter((n) => bool(n, 'shared'))
    .map((n) => str(n, 'text').trim())
    .filter((text) => text !== '')
    .sort((a, b) => a.localeCompare(b));
}
