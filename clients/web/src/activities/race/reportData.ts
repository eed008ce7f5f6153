// What the report reads of the race in the workshop's export (GET /api/workshops/CODE/export,
// the protobuf JSON mapping, read as plain JSON as pages/console/exportFile.ts explains): each
// team's runs and best time, and the winner. Pure, unit-tested in test/report-activities.test.ts.

import { bool, field, list, num, parseJsonObject, str } from '../../pages/console/exportFile';

// One run as the table shows it: a void run has no time worth showing (the ball fell), and a
// run that ended after the window closed has a time that did not count.
export type RaceRun = { voided: true } | { voided: false; ms: number; counted: boolean };

export interface RaceTeamRow {
  name: string;
  runs: RaceRun[];
  bestMs: number; // 0: no counted run
}

export interface RaceReport {
  agendaIndex: number;
  title: string; // the agenda item's; '' when the export has none
  finished: boolean;
  teams: RaceTeamRow[];
  winner: RaceTeamRow | undefined; // once the race is finished, if a team made a counted run
}

// Race.Phase.PHASE_FINISHED: an enum in the JSON mapping is its value's name, or a number.
function isFinished(race: unknown): boolean {
  const phase = field(race, 'phase');
  return phase === 'PHASE_FINISHED' || phase === 4;
}

// The race of the export, or undefined when there is none or no team ran.
export function raceRows(exported: string): RaceReport | undefined {
  const raw = parseJsonObject(exported);
  const race = field(raw, 'race');
  // A team's name is the race's copy; the groups' teams are the fallback (same ids).
  const teamNames = new Map(list(field(raw, 'groups'), 'teams').map((t) => [num(t, 'id'), str(t, 'name')]));
  const ids = list(race, 'teams').map((t) => num(t, 'team_id'));
  const teams = list(race, 'teams').map((t): RaceTeamRow => ({
    name: str(t, 'name') || (teamNames.get(num(t, 'team_id')) ?? ''),
    runs: list(t, 'runs').map((r): RaceRun =>
      bool(r, 'voided') ? { voided: true } : { voided: false, ms: num(r, 'elapsed_ms'), counted: bool(r, 'counted') },
    ),
    bestMs: num(t, 'best_ms'),
  }));
  if (!teams.some((t) => t.runs.length > 0)) return undefined;
  const agendaIndex = num(race, 'agenda_index');
  const finished = isFinished(race);
  const winnerId = num(race, 'winner_team_id');
  return {
    agendaIndex,
    title: str(list(field(raw, 'agenda'), 'items')[agendaIndex], 'title'),
    finished,
    teams,
    winner: finished && winnerId !== 0 ? teams[ids.indexOf(winnerId)] : undefined,
  };
}
