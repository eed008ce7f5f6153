import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useRaceMessages } from './messages';
import type { Session } from '../../session';
import './consoleRace.css';
import { Deadline, formatStopwatch, Stopwatch } from '../../ui/Clocks';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { GuardedButton } from '../../ui/GuardedButton';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useNow } from '../../ui/useNow';
import { useRaceConsoleMessages } from './consoleMessages';
import {
  finishBlock,
  openWindowBlock,
  type RaceBlock,
  startRunBlock,
  startStrategyBlock,
  stopRunBlock,
  voidRunBlock,
} from './guards';
import { RacePhaseLine } from './RaceParts';

// The race, in the order it is run: the strategy time, the window, each team's stopwatch (and
// captain) on one row, and the finish. A button whose command the server would refuse now is off, saying why.
export function ConsoleRace({ session }: { session: Session }) {
  const m = useRaceMessages();
  const c = useRaceConsoleMessages();
  const command = useCommand(session);
  useNow(250); // a penalty or a window runs out, a run passes its first second
  const race = session.view.doc(DocKind.RACE);
  if (!race) return null;
  const now = session.clock.serverNow();
  const why = (block: RaceBlock | undefined) => (block === undefined ? undefined : c.raceBlocked[block]);
  const groups = session.view.doc(DocKind.GROUPS);
  const people = session.view.docs(DocKind.PARTICIPANT);
  return (
    <section class="panel" aria-labelledby="console-race">
      <h2 id="console-race">{m.race}</h2>
      <RacePhaseLine race={race} clock={session.clock} />
      <div class="buttons">
        <GuardedButton
          why={why(startStrategyBlock(race))}
          onClick={() => void command.send({ case: 'startRaceStrategy', value: {} })}
        >
          {m.startStrategy}
        </GuardedButton>
        <GuardedButton
          class="primary"
          why={why(openWindowBlock(race))}
          onClick={() => void command.send({ case: 'openRaceWindow', value: {} })}
        >
          {m.openWindow}
        </GuardedButton>
      </div>
      {race.teams.length === 0 && <p class="muted">{m.defineTeamsFirst}</p>}
      <div class="race-team-rows">
        {race.teams.map((team) => {
          const groupsOfTeam = groups?.teams.find((t) => t.id === team.teamId)?.groups ?? [];
          const members = people.filter((p) => groupsOfTeam.includes(p.group));
          const penaltyLeft = Number(team.penaltyUntilMs) > now;
          const last = team.runs[team.runs.length - 1];
          return (
            <div key={team.teamId} class={`race-team-row ${team.running ? 'running' : ''}`}>
              <div class="race-team-who">
                <h3>{m.team(team.name)}</h3>
                <label class="field">
                  <span>{m.captainOf(team.name)}</span>
                  <select
                    value={team.captainId}
                    onChange={(e) =>
                      void command.send({
                        case: 'nameCaptain',
                        value: { teamId: team.teamId, participantId: Number(e.currentTarget.value) },
                      })
                    }
                  >
                    <option value={0}>{m.noCaptain}</option>
                    {members.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.displayName}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div class="race-team-clock">
                {/* Between runs, the last run's time stays, not 0:00.0. */}
                <div aria-label={m.stopwatch}>
                  {team.running || !last ? (
                    <Stopwatch startedAtMs={Number(team.startedAtMs)} running={team.running} clock={session.clock} />
                  ) : (
                    <span class="stopwatch">{last.voided ? m.voided : formatStopwatch(last.elapsedMs)}</span>
                  )}
                </div>
                {penaltyLeft && (
                  <Deadline label={m.penalty} endsAtMs={Number(team.penaltyUntilMs)} clock={session.clock} />
                )}
                <p class="best">
                  {m.best}: <strong>{team.bestMs > 0 ? formatStopwatch(team.bestMs) : m.noTimeYet}</strong>
                </p>
                {team.runs.length > 0 && (
                  <p class="runs-inline muted">
                    {m.runs}:{' '}
                    {team.runs
                      .map((run) =>
                        run.voided
                          ? m.voided
                          : `${formatStopwatch(run.elapsedMs)}${run.counted ? '' : ` (${m.notCounted})`}`,
                      )
                      .join(', ')}
                  </p>
                )}
              </div>
              <div class="buttons race-team-buttons">
                {team.running ? (
                  <>
                    <GuardedButton
                      class="primary"
                      label={m.stopRunFor(team.name)}
                      why={why(stopRunBlock(race, team, now))}
                      onClick={() => void command.send({ case: 'stopRun', value: { teamId: team.teamId } })}
                    >
                      {m.stopRun}
                    </GuardedButton>
                    <GuardedButton
                      class="danger"
                      label={m.voidRunFor(team.name)}
                      why={why(voidRunBlock(race, team))}
                      onClick={() => void command.send({ case: 'voidRun', value: { teamId: team.teamId } })}
                    >
                      {m.voidRun}
                    </GuardedButton>
                  </>
                ) : (
                  <GuardedButton
                    class="primary"
                    label={m.startRunFor(team.name)}
                    why={why(startRunBlock(race, team, now))}
                    onClick={() => void command.send({ case: 'startRun', value: { teamId: team.teamId } })}
                  >
                    {m.startRun}
                  </GuardedButton>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <div class="buttons">
        <ConfirmButton
          class="danger"
          why={why(finishBlock(race))}
          question={c.finishQuestion}
          yes={c.finishYes}
          onClick={() => void command.send({ case: 'finishRace', value: {} })}
        >
          {m.finishRace}
        </ConfirmButton>
      </div>
      <Refusal command={command} />
    </section>
  );
}
