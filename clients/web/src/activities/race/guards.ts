import { Race_Phase } from '../../gen/campana/v1/race_enums';
import { type Race, type Race_Team } from '../../gen/campana/v1/race_pb';

// Why the server would refuse a race command now (server/domain/activities/race/race.cc), or
// undefined when it would take it. The console turns these into disabled buttons with a reason.
export type RaceBlock =
  | 'noRace'
  | 'strategyStarted'
  | 'windowOpened'
  | 'finished'
  | 'windowNotOpen'
  | 'windowClosed'
  | 'running'
  | 'notRunning'
  | 'penalty'
  | 'tooShort';

// A stop sooner than this after the start is refused as a double tap (kMinRaceRun).
export const minRunMs = 1000;

function noRace(race: Race | undefined): race is undefined {
  return race === undefined || race.phase === Race_Phase.UNSPECIFIED;
}

export function startStrategyBlock(race: Race | undefined): RaceBlock | undefined {
  if (noRace(race)) return 'noRace';
  if (race.phase === Race_Phase.FINISHED) return 'finished';
  if (race.phase !== Race_Phase.READY) return 'strategyStarted';
  return undefined;
}

export function openWindowBlock(race: Race | undefined): RaceBlock | undefined {
  if (noRace(race)) return 'noRace';
  if (race.phase === Race_Phase.FINISHED) return 'finished';
  if (race.phase === Race_Phase.EXECUTION) return 'windowOpened';
  return undefined;
}

// The server takes a second "finish" and does nothing: the button is off once finished.
export function finishBlock(race: Race | undefined): RaceBlock | undefined {
  if (noRace(race)) return 'noRace';
  if (race.phase === Race_Phase.FINISHED) return 'finished';
  return undefined;
}

export function startRunBlock(race: Race | undefined, team: Race_Team, nowMs: number): RaceBlock | undefined {
  if (noRace(race)) return 'noRace';
  if (race.phase === Race_Phase.FINISHED) return 'finished';
  if (race.phase !== Race_Phase.EXECUTION) return 'windowNotOpen';
  if (nowMs >= Number(race.windowClosesAtMs)) return 'windowClosed';
  if (team.running) return 'running';
  if (Number(team.penaltyUntilMs) > nowMs) return 'penalty';
  return undefined;
}

export function stopRunBlock(race: Race | undefined, team: Race_Team, nowMs: number): RaceBlock | undefined {
  if (noRace(race)) return 'noRace';
  if (!team.running) return 'notRunning';
  if (nowMs - Number(team.startedAtMs) < minRunMs) return 'tooShort';
  return undefined;
}

export function voidRunBlock(race: Race | undefined, team: Race_Team): RaceBlock | undefined {
  if (noRace(race)) return 'noRace';
  if (!team.running) return 'notRunning';
  return undefined;
}
