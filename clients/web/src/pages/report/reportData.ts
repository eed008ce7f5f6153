// What the report's opening reads of the workshop's export (GET /api/workshops/CODE/export, the
// protobuf JSON mapping, read as plain JSON): the title, who attended, the agenda. Pure functions,
// unit-tested in test/report.test.ts; each activity reads its own part (Activity.Report).

import { field, type Json, list, num, parseJsonObject, participantNames, str } from '../console/exportFile';

export interface ReportSummary {
  code: string;
  title: string;
  language: string;
  exportedAtMs: number;
  // Who joined: in the room, remote, and how many in all.
  joined: number;
  inRoom: number;
  remote: number;
  groups: { number: number; members: string[] }[];
  teams: { name: string; groups: number[] }[];
  // The agenda as planned and as it ran: when an item first started and how long it was on in all
  // (undefined: not reached).
  agenda: AgendaLine[];
}

export interface AgendaLine {
  title: string;
  minutes: number;
  startedMs?: number;
  spentMinutes?: number;
}

// An enum in the JSON mapping is its value's name, or a number.
function isRemote(p: unknown): boolean {
  const v = field(p, 'presence');
  return v === 'PRESENCE_REMOTE' || v === 2;
}

export function readSummary(raw: Json): ReportSummary {
  const workshop = field(raw, 'workshop');
  const participants = list(raw, 'participants');
  const names = participantNames(raw);
  const members = new Map<number, string[]>();
  for (const p of participants) {
    const group = num(p, 'group');
    if (group !== 0) members.set(group, [...(members.get(group) ?? []), names.get(num(p, 'id')) ?? '']);
  }
  const remote = participants.filter(isRemote).length;
  return {
    code: str(workshop, 'code'),
    title: str(workshop, 'title'),
    language: str(workshop, 'language'),
    exportedAtMs: num(raw, 'exported_at_ms'),
    joined: participants.length,
    inRoom: participants.length - remote,
    remote,
    groups: [...members.entries()]
      .sort(([a], [b]) => a - b)
      .map(([number, names]) => ({ number, members: names.sort((a, b) => a.localeCompare(b)) })),
    teams: list(field(raw, 'groups'), 'teams').map((t) => ({
      name: str(t, 'name'),
      groups: list(t, 'groups').map(Number),
    })),
    agenda: agendaLines(raw),
  };
}

function agendaLines(raw: Json): AgendaLine[] {
  const runs = new Map(list(raw, 'agenda_runs').map((r) => [num(r, 'index'), r]));
  return list(field(raw, 'agenda'), 'items').map((item, index) => {
    const line: AgendaLine = { title: str(item, 'title'), minutes: Math.round(num(item, 'duration_ms') / 60000) };
    const run = runs.get(index);
    if (run === undefined) return line;
    return { ...line, startedMs: num(run, 'first_started_ms'), spentMinutes: Math.round(num(run, 'spent_ms') / 60000) };
  });
}

export function parseSummary(json: string): ReportSummary {
  return readSummary(parseJsonObject(json));
}
