import { Race_Phase } from '../../gen/campana/v1/race_enums';
import { type Race, type Race_Team } from '../../gen/campana/v1/race_pb';
import { useRaceMessages } from './messages';
import type { Clock } from '../../net/clock';
import { Deadline, formatStopwatch, Stopwatch } from '../../ui/Clocks';
import { useNow } from '../../ui/useNow';

// Where the race is: the strategy countdown, the window, or the result.
export function RacePhaseLine({ race, clock }: { race: Race; clock: Clock }) {
  const m = useRaceMessages();
  switch (race.phase) {
    case Race_Phase.STRATEGY:
      return <Deadline label={m.strategyTime} endsAtMs={Number(race.strategyEndsAtMs)} clock={clock} />;
    case Race_Phase.EXECUTION:
      return <Deadline label={m.executionWindow} endsAtMs={Number(race.windowClosesAtMs)} clock={clock} />;
    case Race_Phase.FINISHED: {
      const winner = race.teams.find((t) => t.teamId === race.winnerTeamId);
      return (
        <p class="race-result" role="status">
          {winner ? m.winner(winner.name, formatStopwatch(winner.bestMs)) : m.noWinner}
        </p>
      );
    }
    default:
      return <p class="muted">{m.raceReady}</p>;
  }
}

// One team: its stopwatch, its penalty, its best time and runs.
export function TeamRace({ team, clock, big = false }: { team: Race_Team; clock: Clock; big?: boolean }) {
  const m = useRaceMessages();
  useNow(500);
  const penaltyLeft = Number(team.penaltyUntilMs) - clock.serverNow();
  return (
    <div class={`team-race ${team.running ? 'running' : ''}`}>
      <h3>{m.team(team.name)}</h3>
      <p class="muted">{team.captainName ? m.captainIs(team.captainName) : m.noCaptain}</p>
      <div aria-label={m.stopwatch}>
        <Stopwatch startedAtMs={Number(team.startedAtMs)} running={team.running} clock={clock} big={big} />
      </div>
      {penaltyLeft > 0 && <Deadline label={m.penalty} endsAtMs={Number(team.penaltyUntilMs)} clock={clock} />}
      <p class="best">
        {m.best}: <strong>{team.bestMs > 0 ? formatStopwatch(team.bestMs) : m.noTimeYet}</strong>
      </p>
      {team.runs.length > 0 && (
        <ol class="runs" aria-label={m.runs}>
          {team.runs.map((run, i) => (
            <li key={i}>
              {run.voided ? m.voided : `${formatStopwatch(run.elapsedMs)}${run.counted ? '' : ` (${m.notCounted})`}`}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
