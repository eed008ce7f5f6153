// What the report's opening reads of the workshop's export (GET /api/workshops/CODE/export, the
// protobuf JSON mapping, read as plain JSON): the title, who attended (on which days, in a
// workshop of several), the agenda. Pure functions,
// unit-tested in test/report.test.ts; each activity reads its own part (Activity.Report).

import { dayCount, presentPerDay } from '../console/days';
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
  // A workshop of several days (0 for one day): how many were there each day, and on which days
  // each person was, by name.
  days: number;
  presentPerDay: number[];
  presence: { name: string; days: number[] }[];
}

export interface AgendaLine {
  day: number;
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
  const agenda = agendaLines(raw);
  const present = participants.map((p) => ({
    name: names.get(num(p, 'id')) ?? '',
    daysPresent: list(p, 'days_present').map(Number),
  }));
  const days = dayCount(agenda, present);
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
    agenda,
    days,
    presentPerDay: presentPerDay(present, days),
    presence: days
      ? present
          .map((p) => ({ name: p.name, days: [...new Set(p.daysPresent)].sort((a, b) => a - b) }))
          .sort((a, b) => a.name.localeCompare(b.name))
      : [],
  };
}

function agendaLines(raw: Json): AgendaLine[] {
  const runs = new Map(list(raw, 'agenda_runs').map((r) => [num(r, 'index'), r]));
  // An item without a day (an older export's) is on the day before, as in the console.
  let day = 1;
  return list(field(raw, 'agenda'), 'items').map((item, index) => {
    day = Math.max(day, num(item, 'day'));
    const line: AgendaLine = {
      day,
      title: str(item, 'title'),
      minutes: Math.round(num(item, 'duration_ms') / 60000),
    };
    const run = runs.get(index);
    if (run === undefined) return line;
    return { ...line, startedMs: num(run, 'first_started_ms'), spentMinutes: Math.round(num(run, 'spent_ms') / 60000) };
  });
}

export function parseSummary(json: string): ReportSummary {
  return readSummary(parseJsonObject(json));
}
