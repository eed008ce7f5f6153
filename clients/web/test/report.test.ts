import { create, toJsonString } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { Presence } from '../src/gen/campana/v1/common_enums';
import { Agenda_Activity } from '../src/gen/campana/v1/docs_enums';
import { WorkshopExportSchema } from '../src/gen/campana/v1/export_pb';
import { parseJsonObject } from '../src/pages/console/exportFile';
import { parseSummary } from '../src/pages/report/reportData';

// An export as the server writes it: the protobuf JSON mapping with the .proto's field names.
const serverJson = toJsonString(
  WorkshopExportSchema,
  create(WorkshopExportSchema, {
    workshop: { code: 'ABC234', title: 'Taller de innovación', language: 'es' },
    exportedAtMs: 1_764_669_909_000n,
    participants: [
      { id: 1, displayName: 'Ana', presence: Presence.IN_ROOM, group: 2 },
      { id: 2, displayName: 'Beto', presence: Presence.REMOTE, group: 1 },
      { id: 3, displayName: 'Álvaro', presence: Presence.IN_ROOM, group: 2 },
      { id: 4, displayName: 'Carla', presence: Presence.IN_ROOM },
    ],
    groups: { kinds: [1, 1], teams: [{ id: 1, name: 'Norte', groups: [1, 2] }] },
    agenda: {
      items: [
        { title: 'Bienvenida', durationMs: 600_000, activity: Agenda_Activity.PRESENTATION },
        { title: 'Encuesta', durationMs: 90_000, activity: Agenda_Activity.POLL },
        { title: 'Cierre', durationMs: 300_000, activity: Agenda_Activity.PRESENTATION },
      ],
    },
    // The welcome ran 14 minutes (in two visits), the survey is on; the close was not reached.
    agendaRuns: [
      { index: 0, firstStartedMs: 1_764_669_000_000n, spentMs: 840_000n },
      { index: 1, firstStartedMs: 1_764_669_840_000n, spentMs: 69_000n },
    ],
  }),
  { useProtoFieldName: true },
);

describe('the report opening', () => {
  it('counts who came, in the room and remote, and lists groups, teams and the agenda', () => {
    const s = parseSummary(serverJson);
    expect(s).toMatchObject({ code: 'ABC234', title: 'Taller de innovación', language: 'es' });
    expect(s.exportedAtMs).toBe(1_764_669_909_000);
    expect([s.joined, s.inRoom, s.remote]).toEqual([4, 3, 1]);
    expect(s.groups).toEqual([
      { number: 1, members: ['Beto'] },
      { number: 2, members: ['Álvaro', 'Ana'] },
    ]);
    expect(s.teams).toEqual([{ name: 'Norte', groups: [1, 2] }]);
    expect(s.agenda).toEqual([
      { day: 1, title: 'Bienvenida', minutes: 10, startedMs: 1_764_669_000_000, spentMinutes: 14 },
      { day: 1, title: 'Encuesta', minutes: 2, startedMs: 1_764_669_840_000, spentMinutes: 1 },
      { day: 1, title: 'Cierre', minutes: 5 },
    ]);
  });

  it('reads an empty export as an empty workshop', () => {
    expect(parseSummary('{}')).toMatchObject({ title: '', joined: 0, groups: [], agenda: [], days: 0 });
  });

  it('says nothing of days for a workshop of one day', () => {
    const s = parseSummary(serverJson);
    expect([s.days, s.presentPerDay, s.presence]).toEqual([0, [], []]);
    expect(s.agenda.map((a) => a.day)).toEqual([1, 1, 1]);
  });

  it('counts who was there each day, and on which days each person was, in a workshop of several', () => {
    const json = toJsonString(
      WorkshopExportSchema,
      create(WorkshopExportSchema, {
        workshop: { code: 'ABC234', title: 'Dos días', language: 'es' },
        participants: [
          { id: 1, displayName: 'Carla', daysPresent: [1, 2] },
          { id: 2, displayName: 'Ana', daysPresent: [2] },
          { id: 3, displayName: 'Beto', daysPresent: [1] },
          { id: 4, displayName: 'Diego' },
        ],
        agenda: {
          items: [
            { title: 'Bienvenida', day: 1 },
            { title: 'Reto', day: 1 },
            { title: 'Repaso', day: 2 },
            { title: 'Cierre' }, // no day: the day before's
          ],
        },
      }),
      { useProtoFieldName: true },
    );
    const s = parseSummary(json);
    expect(s.days).toBe(2);
    expect(s.presentPerDay).toEqual([2, 2]);
    expect(s.presence).toEqual([
      { name: 'Ana', days: [2] },
      { name: 'Beto', days: [1] },
      { name: 'Carla', days: [1, 2] },
      { name: 'Diego', days: [] },
    ]);
    expect(s.agenda.map((a) => [a.title, a.day])).toEqual([
      ['Bienvenida', 1],
      ['Reto', 1],
      ['Repaso', 2],
      ['Cierre', 2],
    ]);
  });
});

describe('the export, parsed once', () => {
  it('hands every reader of the same text the same object, and a new text a new one', () => {
    const first = parseJsonObject(serverJson);
    expect(parseJsonObject(serverJson)).toBe(first);
    // The same text in another string (as a second download would bring it) is the same export.
    expect(parseJsonObject(`${serverJson} `.trimEnd())).toBe(first);
    const other = parseJsonObject('{"workshop": {"code": "XYZ789"}}');
    expect(other).not.toBe(first);
    expect(parseSummary('{"workshop": {"code": "XYZ789"}}').code).toBe('XYZ789');
    expect(parseSummary(serverJson).code).toBe('ABC234');
  });
});
