import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { Race_Phase } from '../../gen/campana/v1/race_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity, BellMoments } from '../activity';

// The race's moments: the end of the strategy time, the window closing, a team's penalty over
// (on a phone, only its own team's).
const bells: BellMoments = (view, ringsForTeam) => {
  const race = view.doc(DocKind.RACE);
  const due: [string, number][] = [];
  if (race && race.phase >= Race_Phase.STRATEGY && race.strategyEndsAtMs > 0n) {
    due.push([`race:strategy:${race.strategyEndsAtMs}`, Number(race.strategyEndsAtMs)]);
  }
  if (race && race.phase >= Race_Phase.EXECUTION) {
    due.push([`race:window:${race.windowClosesAtMs}`, Number(race.windowClosesAtMs)]);
    for (const team of race.teams) {
      if (team.penaltyUntilMs > 0n && ringsForTeam(team.teamId)) {
        due.push([`race:penalty:${team.teamId}:${team.penaltyUntilMs}`, Number(team.penaltyUntilMs)]);
      }
    }
  }
  return due;
};

// Two teams against the clock: a strategy countdown, an execution window, runs timed by the
// captains, a penalty after a drop.
export const race: Activity = {
  name: 'race',
  agenda: Agenda_Activity.RACE,
  Phone: lazyView(() => import('./PhoneRace').then((m) => m.PhoneRace)),
  Projector: lazyView(() => import('./ScreenRace').then((m) => m.ScreenRace)),
  Console: lazyView(() => import('./ConsoleRace').then((m) => m.ConsoleRace)),
  Report: lazyView(() => import('./ReportRace').then((m) => m.ReportRace)),
  exportFiles: () => import('./exportCsv').then((m) => m.raceExportFiles),
  bells,
};
