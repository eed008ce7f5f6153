import { DocKind } from '../../gen/campana/v1/docs_enums';
import { Race_Phase } from '../../gen/campana/v1/race_enums';
import { type Race } from '../../gen/campana/v1/race_pb';
import type { Clock } from '../../net/clock';
import type { Session } from '../../session';
import { Deadline, formatStopwatch } from '../../ui/Clocks';
import { useRaceMessages } from './messages';
import { ScreenTeam } from './ScreenTeam';

// The race on the projector: where it is (the strategy countdown or the window, each at least a
// fifth of the screen's height; the winner at the end), then every team's clock, big.
export function ScreenRace({ session }: { session: Session }) {
  const m = useRaceMessages();
  const race = session.view.doc(DocKind.RACE);
  if (!race) return null;
  return (
    <section class="scene screen-race" aria-label={m.race}>
      <RacePhase race={race} clock={session.clock} />
      <ul class="race-teams" data-fit-list>
        {race.teams.map((team) => (
          <ScreenTeam key={team.teamId} team={team} clock={session.clock} />
        ))}
      </ul>
    </section>
  );
}

function RacePhase({ race, clock }: { race: Race; clock: Clock }) {
  const m = useRaceMessages();
  switch (race.phase) {
    case Race_Phase.STRATEGY:
      return (
        <div class="race-phase-big">
          <Deadline label={m.strategyTime} endsAtMs={Number(race.strategyEndsAtMs)} clock={clock} />
          <p class="said race-rules">{race.rules}</p>
        </div>
      );
    case Race_Phase.EXECUTION:
      return (
        <div class="race-phase-big">
          <Deadline label={m.executionWindow} endsAtMs={Number(race.windowClosesAtMs)} clock={clock} />
        </div>
      );
    case Race_Phase.FINISHED: {
      const winner = race.teams.find((t) => t.teamId === race.winnerTeamId);
      return (
        <p class="race-result" role="status">
          {winner ? m.winner(winner.name, formatStopwatch(winner.bestMs)) : m.noWinner}
        </p>
      );
    }
    default:
      return (
        <div class="race-ready">
          <p class="race-ready-line">{m.raceReady}</p>
          <p class="said race-rules">{race.rules}</p>
        </div>
      );
  }
}
