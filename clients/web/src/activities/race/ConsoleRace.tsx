import { DocKind } from '../../gen/campana/v1/docs_pb';
import { Race_Phase } from '../../gen/campana/v1/race_pb';
import { useRaceMessages } from './messages';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import { RacePhaseLine, TeamRace } from './RaceParts';

export function ConsoleRace({ session }: { session: Session }) {
  const m = useRaceMessages();
  const command = useCommand(session);
  const race = session.view.doc(DocKind.RACE);
  if (!race) return null;
  const groups = session.view.doc(DocKind.GROUPS);
  const people = session.view.docs(DocKind.PARTICIPANT);
  return (
    <section class="panel" aria-labelledby="console-race">
      <h2 id="console-race">{m.race}</h2>
      <RacePhaseLine race={race} clock={session.clock} />
      <div class="buttons">
        <button
          type="button"
          disabled={race.phase !== Race_Phase.READY}
          onClick={() => void command.send({ case: 'startRaceStrategy', value: {} })}
        >
          {m.startStrategy}
        </button>
        <button
          type="button"
          class="primary"
          disabled={race.phase === Race_Phase.EXECUTION || race.phase === Race_Phase.FINISHED}
          onClick={() => void command.send({ case: 'openRaceWindow', value: {} })}
        >
          {m.openWindow}
        </button>
        <button
          type="button"
          disabled={race.phase === Race_Phase.FINISHED}
          onClick={() => void command.send({ case: 'finishRace', value: {} })}
        >
          {m.finishRace}
        </button>
      </div>
      {race.teams.length === 0 && <p class="muted">{m.defineTeamsFirst}</p>}
      <div class="race-teams">
        {race.teams.map((team) => {
          const groupsOfTeam = groups?.teams.find((t) => t.id === team.teamId)?.groups ?? [];
          const members = people.filter((p) => groupsOfTeam.includes(p.group));
          return (
            <div key={team.teamId}>
              <TeamRace team={team} clock={session.clock} />
              <label class="field">
                <span>{m.captainOf(team.name)}</span>
                <select
                  value={team.captainId}
                  onChange={(e) =>
                    void command.send({
                      case: 'nameCaptain',
                      value: {
                        teamId: team.teamId,
                        participantId: Number(e.currentTarget.value),
                      },
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
              <div class="buttons">
                {team.running ? (
                  <>
                    <button
                      type="button"
                      class="primary"
                      aria-label={m.stopRunFor(team.name)}
                      onClick={() => void command.send({ case: 'stopRun', value: { teamId: team.teamId } })}
                    >
                      {m.stopRun}
                    </button>
                    <button
                      type="button"
                      class="danger"
                      aria-label={m.voidRunFor(team.name)}
                      onClick={() => void command.send({ case: 'voidRun', value: { teamId: team.teamId } })}
                    >
                      {m.voidRun}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    class="primary"
                    aria-label={m.startRunFor(team.name)}
                    onClick={() => void command.send({ case: 'startRun', value: { teamId: team.teamId } })}
                  >
                    {m.startRun}
                  </button>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <Refusal command={command} />
    </section>
  );
}
