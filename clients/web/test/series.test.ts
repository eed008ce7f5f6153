import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { describe, expect, it, vi } from 'vitest';
import {
  SeriesAttendanceSchema,
  type WorkshopSummary,
  WorkshopSummarySchema,
} from '../src/gen/campana/v1/organizer_pb';
import { OrganizerApi } from '../src/pages/organizer/api';
import { attendanceTable } from '../src/pages/organizer/attendance';
import { seriesPlace } from '../src/pages/organizer/workshops';

// The texts' module (i18n.ts) reads the page's language from localStorage and writes it on the
// document when loaded: both are faked before any import.
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => 'es', setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: { lang: 'es' } });
});

function attendance(init: MessageInitShape<typeof SeriesAttendanceSchema>) {
  return create(SeriesAttendanceSchema, init);
}

// Three sessions: the first of one day, the second of two days, the third of none yet.
const programme = attendance({
  series: 'FIRST1',
  workshops: [
    { code: 'FIRST1', title: 'Sesión A', days: 1, presentPerDay: [2] },
    { code: 'SECND2', title: 'Sesión B', days: 2, presentPerDay: [1, 1] },
    { code: 'THIRD3', title: 'Sesión C', days: 0 },
  ],
  // As the server sorts them: by bytes, so "Óscar" and "ana" come after "Zoe".
  people: [
    {
      displayName: 'Zoe',
      visits: [
        { code: 'FIRST1', daysPresent: [1] },
        { code: 'SECND2', daysPresent: [2] },
      ],
    },
    { displayName: 'ana', visits: [{ code: 'FIRST1', daysPresent: [1] }, { code: 'SECND2' }] },
    {
      displayName: 'Óscar',
      visits: [
        { code: 'SECND2', daysPresent: [1] },
        { code: 'THIRD3', daysPresent: [1] },
      ],
    },
  ],
});

describe('attendanceTable', () => {
  it('has a column per session, or per day of a session of several days', () => {
    const table = attendanceTable(programme, 'es');
    expect(table.series).toBe('FIRST1');
    expect(table.sessions.map((s) => [s.code, s.session, s.days])).toEqual([
      ['FIRST1', 1, []],
      ['SECND2', 2, [1, 2]],
      ['THIRD3', 3, []],
    ]);
    expect(table.columns).toEqual([
      { code: 'FIRST1', day: 0 },
      { code: 'SECND2', day: 1 },
      { code: 'SECND2', day: 2 },
      { code: 'THIRD3', day: 0 },
    ]);
    expect(table.byDay).toBe(true);
  });

  it('sorts people by name as the language does, and marks who came, who did not, and who was not there', () => {
    const table = attendanceTable(programme, 'es');
    expect(table.rows).toEqual([
      { name: 'ana', marks: ['present', 'absent', 'absent', 'none'] },
      { name: 'Óscar', marks: ['none', 'present', 'absent', 'present'] },
      { name: 'Zoe', marks: ['present', 'absent', 'present', 'none'] },
    ]);
    expect(table.totals).toEqual([2, 1, 1, 1]);
  });

  it('needs no second head row when every session has one day', () => {
    const table = attendanceTable(
      attendance({
        series: 'FIRST1',
        workshops: [
          { code: 'FIRST1', title: 'Uno', days: 1 },
          { code: 'SECND2', title: 'Uno', days: 1 },
        ],
        people: [
          {
            displayName: 'Ana',
            visits: [
              { code: 'FIRST1', daysPresent: [1] },
              { code: 'SECND2', daysPresent: [1] },
            ],
          },
        ],
      }),
      'en',
    );
    expect(table.byDay).toBe(false);
    expect(table.rows).toEqual([{ name: 'Ana', marks: ['present', 'present'] }]);
    expect(table.totals).toEqual([1, 1]);
  });

  it('is empty for a series nobody is in yet', () => {
    const table = attendanceTable(attendance({ series: 'FIRST1', workshops: [{ code: 'FIRST1', days: 1 }] }), 'es');
    expect(table.rows).toEqual([]);
    expect(table.totals).toEqual([0]);
  });
});

function summary(code: string, createdAtMs: number, series = '', previous = ''): WorkshopSummary {
  return create(WorkshopSummarySchema, { code, title: code, createdAtMs: BigInt(createdAtMs), series, previous });
}

describe('seriesPlace', () => {
  const first = summary('FIRST1', 1000);
  const second = summary('SECND2', 2000, 'FIRST1', 'FIRST1');
  const third = summary('THIRD3', 3000, 'FIRST1', 'SECND2');
  const alone = summary('ALONE4', 1500);
  const listed = [first, alone, second, third];

  it('numbers the sessions of a series, oldest first, the first one too once another follows it', () => {
    expect(seriesPlace(listed, first)).toEqual({ series: 'FIRST1', session: 1 });
    expect(seriesPlace(listed, second)).toEqual({ series: 'FIRST1', session: 2 });
    expect(seriesPlace(listed, third)).toEqual({ series: 'FIRST1', session: 3 });
  });

  it('leaves out a workshop in no series, and a first workshop nothing follows yet', () => {
    expect(seriesPlace(listed, alone)).toBeUndefined();
    expect(seriesPlace([first, alone], first)).toBeUndefined();
  });
});

describe('OrganizerApi, series', () => {
  function serverAnswering(status: number, body: string) {
    const asked: { url: string; init: RequestInit }[] = [];
    const fetcher = (url: string, init: RequestInit) => {
      asked.push({ url, init });
      return Promise.resolve(new Response(body, { status }));
    };
    return { api: new OrganizerApi('the-key', fetcher), asked };
  }

  it('asks for the next session with NextWorkshopRequest, in the JSON mapping', async () => {
    const reply = JSON.stringify({ workshop: { code: 'SECND2', series: 'FIRST1', previous: 'FIRST1' } });
    const { api, asked } = serverAnswering(201, reply);
    const created = await api.next('FIRST1', { template: '', language: '', title: ' Día 2 ', keepGroups: true });
    expect(created.workshop?.series).toBe('FIRST1');
    expect(asked[0]?.url).toBe('/api/workshops/FIRST1/next');
    expect(asked[0]?.init.method).toBe('POST');
    expect(JSON.parse(asked[0]?.init.body as string)).toEqual({ title: 'Día 2', keepGroups: true });
  });

  it('reads SeriesAttendance', async () => {
    const json = JSON.stringify({
      series: 'FIRST1',
      workshops: [{ code: 'FIRST1', title: 'A', createdAtMs: '1000', days: 2, presentPerDay: [1, 0] }],
      people: [{ displayName: 'Ana', visits: [{ code: 'FIRST1', daysPresent: [1] }, { code: 'SECND2' }] }],
    });
    const { api, asked } = serverAnswering(200, json);
    const got = await api.series('FIRST1');
    expect(asked[0]?.url).toBe('/api/workshops/FIRST1/series');
    expect(got.workshops[0]?.presentPerDay).toEqual([1, 0]);
    expect(got.people[0]?.visits.map((v) => v.daysPresent)).toEqual([[1], []]);
  });
});
