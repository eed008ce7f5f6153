import { DocKind } from '../../gen/campana/v1/docs_enums';
import { Race_Phase } from '../../gen/campana/v1/race_enums';
import { type Race_Team } from '../../gen/campana/v1/race_pb';
import type { Clock } from '../../net/clock';
import type { CommandBody } from '../../net/connection';
import type { Session } from '../../session';
import { Deadline, formatStopwatch, Stopwatch } from '../../ui/Clocks';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useRaceMessages } from './messages';
import { usePhoneRaceMessages } from './phoneMessages';
import { RacePhaseLine } from './RaceParts';

// A participant's view of the race, in the order a phone needs it: where the race is, the
// captain's stopwatch buttons, then the team's time, big (the last run's stays shown once it
// stops, until the next one starts); the rules and the runs folded below.
export function PhoneRace({ session, me }: { session: Session; me: number }) {
  const m = useRaceMessages();
  const p = usePhoneRaceMessages();
  const command = useCommand(session);
  const race = session.view.doc(DocKind.RACE);
  const self = session.view.doc(DocKind.PARTICIPANT, me);
  const groups = session.view.doc(DocKind.GROUPS);
  if (!race || !self) return null;
  const teamId = groups?.teams.find((t) => t.groups.includes(self.group))?.id ?? 0;
  const team = race.teams.find((t) => t.teamId === teamId);
  const captain = team !== undefined && team.captainId === me && race.phase !== Race_Phase.FINISHED;
  const penaltyLeft = team ? Number(team.penaltyUntilMs) - session.clock.serverNow() : 0;

  const act = (body: CommandBody) => void command.send(body);

  return (
    <section class="card race phone-race" aria-label={m.race}>
      <RacePhaseLine race={race} clock={session.clock} />
      {!team && <p class="muted">{p.noTeamYet}</p>}
      {captain && (
        <div class="race-buttons" data-primary>
          {team.running ? (
            <>
              <button type="button" class="primary big" onClick={() => act({ case: 'stopRun', value: { teamId: 0 } })}>
                {m.stopRun}
              </button>
              <button type="button" class="danger big" onClick={() => act({ case: 'voidRun', value: { teamId: 0 } })}>
                {m.voidRun}
              </button>
            </>
          ) : (
            <button type="button" class="primary big" onClick={() => act({ case: 'startRun', value: { teamId: 0 } })}>
              {m.startRun}
            </button>
          )}
        </div>
      )}
      <Refusal command={command} />
      {team && (
        <div class="team-clock" data-primary={!captain || undefined}>
          <p class="team-clock-label">{m.yourTeamRace(team.name)}</p>
          {race.phase !== Race_Phase.FINISHED && (
            <p class="muted">{captain ? m.youAreCaptain : team.captainId ? p.waitCaptain : m.noCaptain}</p>
          )}
          <TeamClock team={team} clock={session.clock} />
          {penaltyLeft > 0 && (
            <Deadline label={m.penalty} endsAtMs={Number(team.penaltyUntilMs)} clock={session.clock} />
          )}
          <p class="best">
            {m.best}: <strong>{team.bestMs > 0 ? formatStopwatch(team.bestMs) : m.noTimeYet}</strong>
          </p>
        </div>
      )}
      <details class="rules" open={race.phase <= Race_Phase.STRATEGY}>
        <summary>{m.rules}</summary>
        <p>{race.rules}</p>
        <p class="muted">{m.stampNote}</p>
      </details>
      {team && team.runs.length > 0 && (
        <details class="runs-list">
          <summary>{p.runsSoFar(team.runs.length)}</summary>
          <ol class="runs" aria-label={m.runs}>
            {team.runs.map((run, i) => (
              <li key={i}>
                {run.voided ? m.voided : `${formatStopwatch(run.elapsedMs)}${run.counted ? '' : ` (${m.notCounted})`}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

// The team's one number: the stopwatch while a run is on; after it, the run just made (or
// that it was void), so a stop does not throw the time back to 0:00.0.
function TeamClock({ team, clock }: { team: Race_Team; clock: Clock }) {
  const p = usePhoneRaceMessages();
  const m = useRaceMessages();
  const last = team.runs[team.runs.length - 1] as Race_Team['runs'][number] | undefined;
  if (team.running || !last) {
    return (
      <div aria-label={p.teamTime(team.name)} role="group">
        <Stopwatch startedAtMs={Number(team.startedAtMs)} running={team.running} clock={clock} big />
      </div>
    );
  }
  return (
    <div role="group" aria-label={p.teamTime(team.name)}>
      <span class="stopwatch huge last-run">{last.voided ? m.voided : formatStopwatch(last.elapsedMs)}</span>
      <span class="last-run-label muted">{last.voided ? p.lastRunVoided : p.lastRun}</span>
    </div>
  );
}
