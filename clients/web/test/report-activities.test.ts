import { create, type MessageInitShape, toJsonString } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { cardSortTable, tablesOf } from '../src/activities/cards/reportData';
import { datingRounds } from '../src/activities/dating/reportData';
import { raceRows } from '../src/activities/race/reportData';
import { Presence } from '../src/gen/campana/v1/common_enums';
import { Agenda_Activity } from '../src/gen/campana/v1/docs_enums';
import { WorkshopExportSchema } from '../src/gen/campana/v1/export_pb';
import { Race_Phase } from '../src/gen/campana/v1/race_enums';

// The race, the card sort and speed dating as the report reads them from the export. The export
// is built with the generated classes and written as the server writes it (the .proto's field
// names); the lowerCamelCase names of the JSON mapping are read too.

type Init = MessageInitShape<typeof WorkshopExportSchema>;
const serverJson = (init: Init, useProtoFieldName = true): string =>
  toJsonString(WorkshopExportSchema, create(WorkshopExportSchema, init), { useProtoFieldName });

const base: Init = {
  workshop: { code: 'ABC234', title: 'Taller', language: 'es' },
  participants: [
    { id: 11, displayName: 'Ana', presence: Presence.IN_ROOM },
    { id: 12, displayName: 'Beto', presence: Presence.IN_ROOM },
    { id: 13, displayName: 'Carla', presence: Presence.REMOTE },
    { id: 14, displayName: 'Dani', presence: Presence.REMOTE },
    { id: 15, displayName: 'Eva', presence: Presence.REMOTE },
  ],
  agenda: {
    items: [
      { title: 'Bienvenida', activity: Agenda_Activity.PRESENTATION },
      { title: 'La carrera de la pelota', activity: Agenda_Activity.RACE },
      { title: 'Dilemas éticos', activity: Agenda_Activity.CARD_SORT },
      { title: 'Conversaciones', activity: Agenda_Activity.SPEED_DATING },
    ],
  },
};

const raceExport = (phase: Race_Phase, winnerTeamId: number): Init => ({
  ...base,
  groups: { teams: [{ id: 2, name: 'Sur (grupos)' }] },
  race: {
    agendaIndex: 1,
    phase,
    winnerTeamId,
    teams: [
      {
        teamId: 1,
        name: 'Norte',
        bestMs: 41_300,
        runs: [{ elapsedMs: 52_000, counted: true }, { voided: true }, { elapsedMs: 41_300, counted: true }],
      },
      { teamId: 2, name: '', bestMs: 0, runs: [{ elapsedMs: 39_000, counted: false }] },
    ],
  },
});

describe('the race in the report', () => {
  it('lists each team by name with its runs in order, its best time and the winner', () => {
    const race = raceRows(serverJson(raceExport(Race_Phase.FINISHED, 1)));
    expect(race).toMatchObject({ agendaIndex: 1, title: 'La carrera de la pelota', finished: true });
    expect(race?.teams).toEqual([
      {
        name: 'Norte',
        bestMs: 41_300,
        runs: [
          { voided: false, ms: 52_000, counted: true },
          { voided: true },
          { voided: false, ms: 41_300, counted: true },
        ],
      },
      // Its name from the groups' teams, the race's copy being empty; a late run does not count.
      { name: 'Sur (grupos)', bestMs: 0, runs: [{ voided: false, ms: 39_000, counted: false }] },
    ]);
    expect(race?.winner?.name).toBe('Norte');
  });

  it('names no winner before the end, nor when no run counted', () => {
    expect(raceRows(serverJson(raceExport(Race_Phase.EXECUTION, 0)))?.winner).toBeUndefined();
    expect(raceRows(serverJson(raceExport(Race_Phase.FINISHED, 0)))).toMatchObject({ finished: true });
    expect(raceRows(serverJson(raceExport(Race_Phase.FINISHED, 0)))?.winner).toBeUndefined();
  });

  it('reads the JSON mapping’s lowerCamelCase names too', () => {
    const race = raceRows(serverJson(raceExport(Race_Phase.FINISHED, 1), false));
    expect(race?.teams[0]?.bestMs).toBe(41_300);
    expect(race?.winner?.name).toBe('Norte');
  });

  it('has no section without a race or before any run', () => {
    expect(raceRows(serverJson(base))).toBeUndefined();
    expect(raceRows(serverJson({ ...base, race: { agendaIndex: 1, teams: [{ teamId: 1, name: 'Norte' }] } }))).toBe(
      undefined,
    );
  });
});

// Cards under random ids, the reference order A, B, C, D.
const cardsExport: Init = {
  ...base,
  cardDeck: {
    agendaIndex: 2,
    revealed: true,
    firstLabel: 'Censurable',
    lastLabel: 'Digno de elogio',
    cards: [
      { id: 907, title: 'C' },
      { id: 311, title: 'A' },
      { id: 58, title: 'D' },
      { id: 624, title: 'B' },
    ],
  },
  cardGroups: [
    { group: 2, order: [311, 58, 907, 624], locked: true },
    { group: 1, order: [311, 624, 907, 58], locked: true },
  ],
  cardResults: {
    reference: [311, 624, 907, 58],
    scores: [
      { group: 1, exact: 4, discordantPairs: 0, score: 100, rank: 1 },
      { group: 2, exact: 1, discordantPairs: 3, score: 50, rank: 2 },
    ],
  },
};

describe('the card sort in the report', () => {
  it('puts each group’s order, by card title, beside the reference, with its score', () => {
    const sort = cardSortTable(serverJson(cardsExport));
    expect(sort).toMatchObject({
      agendaIndex: 2,
      title: 'Dilemas éticos',
      firstLabel: 'Censurable',
      lastLabel: 'Digno de elogio',
      revealed: true,
      reference: ['A', 'B', 'C', 'D'],
      positions: 4,
    });
    expect(sort?.groups.map((g) => g.group)).toEqual([1, 2]);
    const [first, second] = sort?.groups ?? [];
    expect(first?.order.map((c) => c.title)).toEqual(['A', 'B', 'C', 'D']);
    expect(first?.score).toEqual({ score: 100, exact: 4, rank: 1 });
    expect(second?.order).toEqual([
      { title: 'A', inPlace: true },
      { title: 'D', inPlace: false },
      { title: 'C', inPlace: true },
      { title: 'B', inPlace: false },
    ]);
    expect(second?.score).toEqual({ score: 50, exact: 1, rank: 2 });
    // Titles, never the random ids.
    expect(JSON.stringify(sort)).not.toMatch(/907|311|624|\b58\b/);
  });

  it('shows the orders without reference or scores when the export has no results', () => {
    const sort = cardSortTable(serverJson({ ...cardsExport, cardResults: undefined }));
    expect(sort?.reference).toEqual([]);
    expect(sort?.groups[0]?.score).toBeUndefined();
    expect(sort?.groups[1]?.order.every((c) => !c.inPlace)).toBe(true);
  });

  it('has no section before any group has an order', () => {
    expect(cardSortTable(serverJson({ ...cardsExport, cardGroups: [] }))).toBeUndefined();
  });

  it('splits many groups over several tables', () => {
    const groups = [1, 2, 3, 4, 5, 6].map((group) => ({ group, locked: true, order: [], score: undefined }));
    expect(tablesOf(groups).map((t) => t.map((g) => g.group))).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });
});

const datingExport = (notes: Init['datingNotes']): Init => ({
  ...base,
  // Eva left: the participants no longer list her, her unit's copy still names her.
  participants: base.participants?.filter((p) => p.id !== 15),
  dating: { agendaIndex: 3, round: 2 },
  datingUnits: [
    {
      round: 2,
      unit: 0,
      members: [
        { participantId: 11, displayName: 'Ana' },
        { participantId: 13, displayName: 'Carla' },
      ],
      table: 3,
    },
    {
      round: 1,
      unit: 1,
      remote: true,
      members: [
        { participantId: 13, displayName: 'Carla' },
        { participantId: 14, displayName: 'Dani' },
        { participantId: 15, displayName: 'Eva' },
      ],
    },
    {
      round: 1,
      unit: 0,
      spot: 'Ventana',
      members: [
        { participantId: 11, displayName: 'Ana' },
        { participantId: 12 }, // the export's unit copy may lack the name: the participants have it
      ],
    },
  ],
  datingNotes: notes,
  participantsSharingNotes: 2,
});

describe('speed dating in the report', () => {
  const notes: Init['datingNotes'] = [
    { participantId: 13, round: 1, text: 'Quiere aprender a cocinar.', partnerNames: ['Dani', 'Eva'], shared: true },
    { participantId: 11, round: 2, text: '  Busca un trabajo nuevo.\n', partnerNames: ['Carla'], shared: true },
    { participantId: 12, round: 1, text: 'No compartida', partnerNames: ['Ana'], shared: false },
  ];

  it('lists who met whom in each round, by name, pairs and trios', () => {
    const dating = datingRounds(serverJson(datingExport(notes)));
    expect(dating).toMatchObject({ agendaIndex: 3, title: 'Conversaciones', sharing: 2 });
    expect(dating?.rounds).toEqual([
      {
        round: 1,
        units: [
          { names: ['Ana', 'Beto'], remote: false, spot: 'Ventana', table: 0 },
          { names: ['Carla', 'Dani', 'Eva'], remote: true, spot: '', table: 0 },
        ],
      },
      { round: 2, units: [{ names: ['Ana', 'Carla'], remote: false, spot: '', table: 3 }] },
    ]);
  });

  it('gives the shared notes’ texts only: no writer, no partners, no unshared note', () => {
    const dating = datingRounds(serverJson(datingExport(notes)));
    expect(dating?.notes).toEqual(['Busca un trabajo nuevo.', 'Quiere aprender a cocinar.']);
    const written = JSON.stringify(dating?.notes);
    expect(written).not.toMatch(/Dani|Eva|No compartida/);
  });

  it('never writes an id for a name', () => {
    const json = serverJson({
      ...base,
      participants: [],
      datingUnits: [{ round: 1, members: [{ participantId: 42 }] }],
    });
    expect(datingRounds(json)?.rounds[0]?.units[0]?.names).toEqual(['']);
  });

  it('has no section before the first round', () => {
    expect(datingRounds(serverJson(base))).toBeUndefined();
  });
});
