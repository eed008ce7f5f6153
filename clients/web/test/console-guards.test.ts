import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { CardDeckSchema } from '../src/gen/campana/v1/cards_pb';
import { Presence } from '../src/gen/campana/v1/common_enums';
import { SetupGroups_Mode } from '../src/gen/campana/v1/commands_enums';
import { Timer_State } from '../src/gen/campana/v1/docs_enums';
import { AgendaSchema, TimerSchema } from '../src/gen/campana/v1/docs_pb';
import { Race_Phase } from '../src/gen/campana/v1/race_enums';
import { Race_TeamSchema, RaceSchema } from '../src/gen/campana/v1/race_pb';
import { revealCardsBlock, startCardsBlock } from '../src/activities/cards/guards';
import { askBlock, maxQuestions } from '../src/activities/live-question/guards';
import {
  finishBlock,
  openWindowBlock,
  startRunBlock,
  startStrategyBlock,
  stopRunBlock,
  voidRunBlock,
} from '../src/activities/race/guards';
import {
  createTimerBlock,
  defineTeamsBlock,
  groupChoiceBlock,
  maxTimers,
  nextBlock,
  previousBlock,
  setupGroupsBlock,
  takeTimeBlock,
} from '../src/pages/console/guards';

const race = (phase: Race_Phase, windowClosesAtMs = 0n) => create(RaceSchema, { phase, windowClosesAtMs });
const team = (init: { running?: boolean; startedAtMs?: bigint; penaltyUntilMs?: bigint } = {}) =>
  create(Race_TeamSchema, { teamId: 1, name: 'A', ...init });

describe('race guards, as race.cc decides', () => {
  it('the strategy starts only from ready', () => {
    expect(startStrategyBlock(undefined)).toBe('noRace');
    expect(startStrategyBlock(race(Race_Phase.READY))).toBeUndefined();
    expect(startStrategyBlock(race(Race_Phase.STRATEGY))).toBe('strategyStarted');
    expect(startStrategyBlock(race(Race_Phase.EXECUTION))).toBe('strategyStarted');
    expect(startStrategyBlock(race(Race_Phase.FINISHED))).toBe('finished');
  });

  it('the window opens from ready or strategy, once', () => {
    expect(openWindowBlock(race(Race_Phase.UNSPECIFIED))).toBe('noRace');
    expect(openWindowBlock(race(Race_Phase.READY))).toBeUndefined();
    expect(openWindowBlock(race(Race_Phase.STRATEGY))).toBeUndefined();
    expect(openWindowBlock(race(Race_Phase.EXECUTION))).toBe('windowOpened');
    expect(openWindowBlock(race(Race_Phase.FINISHED))).toBe('finished');
  });

  it('finishing is off once finished', () => {
    expect(finishBlock(race(Race_Phase.READY))).toBeUndefined();
    expect(finishBlock(race(Race_Phase.EXECUTION))).toBeUndefined();
    expect(finishBlock(race(Race_Phase.FINISHED))).toBe('finished');
  });

  it("a team's start needs the window open, the stopwatch still and the penalty served", () => {
    const open = race(Race_Phase.EXECUTION, 10_000n);
    expect(startRunBlock(race(Race_Phase.STRATEGY), team(), 5_000)).toBe('windowNotOpen');
    expect(startRunBlock(race(Race_Phase.FINISHED, 10_000n), team(), 5_000)).toBe('finished');
    expect(startRunBlock(open, team(), 5_000)).toBeUndefined();
    expect(startRunBlock(open, team(), 10_000)).toBe('windowClosed');
    expect(startRunBlock(open, team({ running: true }), 5_000)).toBe('running');
    expect(startRunBlock(open, team({ penaltyUntilMs: 6_000n }), 5_000)).toBe('penalty');
    expect(startRunBlock(open, team({ penaltyUntilMs: 5_000n }), 5_000)).toBeUndefined();
  });

  it('a stop needs a run of at least a second; a void needs a run', () => {
    const open = race(Race_Phase.EXECUTION, 10_000n);
    expect(stopRunBlock(open, team(), 5_000)).toBe('notRunning');
    expect(stopRunBlock(open, team({ running: true, startedAtMs: 4_500n }), 5_000)).toBe('tooShort');
    expect(stopRunBlock(open, team({ running: true, startedAtMs: 4_000n }), 5_000)).toBeUndefined();
    // A run still going after the window closed may be stopped (it is not counted).
    expect(stopRunBlock(open, team({ running: true, startedAtMs: 4_000n }), 20_000)).toBeUndefined();
    expect(voidRunBlock(open, team())).toBe('notRunning');
    expect(voidRunBlock(open, team({ running: true }))).toBeUndefined();
  });
});

describe('card sort guards, as cards.cc decides', () => {
  const deck = (init: { started?: boolean; revealed?: boolean; cards?: number }) =>
    create(CardDeckSchema, {
      started: init.started ?? false,
      revealed: init.revealed ?? false,
      cards: Array.from({ length: init.cards ?? 5 }, (_, i) => ({ id: i + 1, title: `c${i}` })),
    });

  it('deals once, a deck of two cards or more', () => {
    expect(startCardsBlock(undefined)).toBe('noDeck');
    expect(startCardsBlock(deck({}))).toBeUndefined();
    expect(startCardsBlock(deck({ cards: 1 }))).toBe('tooFewCards');
    expect(startCardsBlock(deck({ started: true }))).toBe('started');
  });

  it('reveals after the deal, once', () => {
    expect(revealCardsBlock(deck({}))).toBe('notStarted');
    expect(revealCardsBlock(deck({ started: true }))).toBeUndefined();
    expect(revealCardsBlock(deck({ started: true, revealed: true }))).toBe('revealed');
  });
});

describe('console guards, as agenda.cc, groups.cc and timers.cc decide', () => {
  it('the agenda steps stop at its ends', () => {
    const agenda = (current: number) => create(AgendaSchema, { current, items: [{}, {}, {}] });
    expect(previousBlock(agenda(-1))).toBe('atStart');
    expect(previousBlock(agenda(0))).toBeUndefined();
    expect(nextBlock(agenda(-1))).toBeUndefined();
    expect(nextBlock(agenda(2))).toBe('atEnd');
  });

  it('groups need a count from 1 to 1000, a size, and two groups to keep remote people apart', () => {
    const form = { mode: SetupGroups_Mode.RANDOM, count: 4, size: 4, separateRemote: false };
    const mixed = [Presence.IN_ROOM, Presence.REMOTE];
    expect(setupGroupsBlock(form, mixed)).toBeUndefined();
    expect(setupGroupsBlock({ ...form, count: 0 }, mixed)).toBe('badCount');
    expect(setupGroupsBlock({ ...form, count: 1001 }, mixed)).toBe('badCount');
    expect(setupGroupsBlock({ ...form, count: 1, separateRemote: true }, mixed)).toBe('separateNeedsTwo');
    expect(setupGroupsBlock({ ...form, count: 1, separateRemote: true }, [Presence.IN_ROOM])).toBeUndefined();
    // Random groups for nobody yet are fine (people are dealt in as they join); by size is not.
    expect(setupGroupsBlock(form, [])).toBeUndefined();
    expect(setupGroupsBlock({ ...form, mode: SetupGroups_Mode.BY_SIZE }, [])).toBe('nobodyYet');
    expect(setupGroupsBlock({ ...form, mode: SetupGroups_Mode.BY_SIZE, size: 0 }, mixed)).toBe('badSize');
    expect(groupChoiceBlock(0)).toBe('noGroups');
    expect(groupChoiceBlock(3)).toBeUndefined();
  });

  it('teams need groups, and a group in each team', () => {
    expect(defineTeamsBlock([{ name: 'A', groups: [1] }], 0)).toEqual({ kind: 'noGroups' });
    expect(
      defineTeamsBlock(
        [
          { name: 'A', groups: [1] },
          { name: 'B', groups: [] },
        ],
        2,
      ),
    ).toEqual({ kind: 'emptyTeam', team: 'B' });
    expect(defineTeamsBlock([{ name: 'A', groups: [1, 2] }], 2)).toBeUndefined();
    // No teams at all clears them: the server takes it.
    expect(defineTeamsBlock([], 2)).toBeUndefined();
  });

  it('a timer needs a name, 1 s to 24 h, and room among the 200', () => {
    expect(createTimerBlock('Estrategia', 120_000, 0)).toBeUndefined();
    expect(createTimerBlock('  ', 120_000, 0)).toBe('noName');
    expect(createTimerBlock('x', 0, 0)).toBe('badDuration');
    expect(createTimerBlock('x', 24 * 3600_000 + 1000, 0)).toBe('badDuration');
    expect(createTimerBlock('x', 1000, maxTimers)).toBe('tooMany');
    expect(takeTimeBlock(create(TimerSchema, { state: Timer_State.EXPIRED }))).toBe('runOut');
    expect(takeTimeBlock(create(TimerSchema, { state: Timer_State.RUNNING }))).toBeUndefined();
  });

  it('a live question needs words, and a workshop asks at most 500', () => {
    expect(askBlock('  ', 0)).toBe('empty');
    expect(askBlock('¿Qué aprendiste?', 0)).toBeUndefined();
    expect(askBlock('¿Qué aprendiste?', maxQuestions)).toBe('tooMany');
  });
});
