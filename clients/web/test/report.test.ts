import { create, toJsonString } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { Presence } from '../src/gen/campana/v1/common_pb';
import { Agenda_Activity } from '../src/gen/campana/v1/docs_pb';
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
      { title: 'Bienvenida', minutes: 10, startedMs: 1_764_669_000_000, spentMinutes: 14 },
      { title: 'Encuesta', minutes: 2, startedMs: 1_764_669_840_000, spentMinutes: 1 },
      { title: 'Cierre', minutes: 5 },
    ]);
  });

  it('reads an empty export as an empty workshop', () => {
    expect(parseSummary('{}')).toMatchObject({ title: '', joined: 0, groups: [], agenda: [] });
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
