import type { Race_Team } from '../../gen/campana/v1/race_pb';
import type { Clock } from '../../net/clock';
import { Deadline, formatStopwatch, Stopwatch } from '../../ui/Clocks';
import { useNow } from '../../ui/useNow';
import { useRaceMessages } from './messages';
import { useRaceScreenMessages } from './screenMessages';

// One team on the projector: its clock, big. While a run goes on it counts; once the run stops
// (or is voided) the time just set stays up until the team's next run starts.
export function ScreenTeam({ team, clock }: { team: Race_Team; clock: Clock }) {
  const m = useRaceMessages();
  const sm = useRaceScreenMessages();
  useNow(500);
  const last = team.runs[team.runs.length - 1];
  const penaltyLeft = Number(team.penaltyUntilMs) - clock.serverNow();
  let state: string = sm.noRunYet;
  if (team.running) state = sm.running;
  else if (last) state = `${sm.lastRun}${last.voided ? ` · ${m.voided}` : last.counted ? '' : ` · ${m.notCounted}`}`;
  return (
    <li class={`team-race ${team.running ? 'running' : ''}`}>
      <h2 class="said name">{m.team(team.name)}</h2>
      <div aria-label={m.stopwatch}>
        {team.running ? (
          <Stopwatch startedAtMs={Number(team.startedAtMs)} running clock={clock} big />
        ) : (
          <span class={`stopwatch huge ${last?.voided ? 'voided' : ''}`}>{formatStopwatch(last?.elapsedMs ?? 0)}</span>
        )}
      </div>
      <p class="run-state">{state}</p>
      {penaltyLeft > 0 && <Deadline label={m.penalty} endsAtMs={Number(team.penaltyUntilMs)} clock={clock} />}
      <p class="best">
        {m.best}: <strong>{team.bestMs > 0 ? formatStopwatch(team.bestMs) : m.noTimeYet}</strong>
      </p>
      <p class="said name captain">{team.captainName ? m.captainIs(team.captainName) : m.noCaptain}</p>
    </li>
  );
}
