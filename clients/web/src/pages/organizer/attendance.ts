import type { SeriesAttendance } from '../../gen/campana/v1/organizer_pb';
import type { Language } from '../../i18n/i18n';

// One cell: came; on that workshop's roster but did not come (that day); not in that workshop.
export type Mark = 'present' | 'absent' | 'none';

// A workshop of the series, as the table heads it: its session number (oldest first, from 1),
// and its days when it has more than one (a column each); otherwise one column.
export interface AttendanceSession {
  code: string;
  title: string;
  session: number;
  days: number[]; // [] for a workshop of one day (or none)
}

export interface AttendanceColumn {
  code: string;
  day: number; // 0: the whole workshop (it has one day)
}

export interface AttendanceRow {
  name: string;
  marks: Mark[]; // one per column
}

export interface AttendanceTable {
  series: string;
  sessions: AttendanceSession[];
  columns: AttendanceColumn[];
  rows: AttendanceRow[]; // by name, in the page's language's order
  totals: number[]; // per column: how many came
  byDay: boolean; // some workshop has days of its own: the head has a second row
}

function daysOf(count: number): number[] {
  return count > 1 ? Array.from({ length: count }, (_, i) => i + 1) : [];
}

// The organizer's table of who came to what over a series (GET /api/workshops/CODE/series): a
// row per person, sorted by name as the page's language sorts (the server sorts by bytes), a
// column per workshop, or per day of a workshop of several days.
export function attendanceTable(attendance: SeriesAttendance, language: Language): AttendanceTable {
  const sessions = attendance.workshops.map((w, i) => ({
    code: w.code,
    title: w.title,
    session: i + 1,
    days: daysOf(w.days),
  }));
  const columns = sessions.flatMap((s) =>
    s.days.length > 0 ? s.days.map((day) => ({ code: s.code, day })) : [{ code: s.code, day: 0 }],
  );
  const collator = new Intl.Collator(language);
  const people = [...attendance.people].sort((a, b) => collator.compare(a.displayName, b.displayName));
  const rows = people.map((person) => ({
    name: person.displayName,
    marks: columns.map(({ code, day }): Mark => {
      const visit = person.visits.find((v) => v.code === code);
      if (!visit) return 'none';
      const came = day === 0 ? visit.daysPresent.length > 0 : visit.daysPresent.includes(day);
      return came ? 'present' : 'absent';
    }),
  }));
  const totals = columns.map((_, i) => rows.filter((row) => row.marks[i] === 'present').length);
  return {
    series: attendance.series,
    sessions,
    columns,
    rows,
    totals,
    byDay: sessions.some((s) => s.days.length > 0),
  };
}
