import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useRaceMessages } from './messages';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import type { CommandBody } from '../../net/connection';
import { RacePhaseLine, TeamRace } from './RaceParts';

// A participant's view of the race: the rules, the phase, their own team; and the stopwatch
// buttons for the team's captain.
export function PhoneRace({ session, me }: { session: Session; me: number }) {
  const m = useRaceMessages();
  const command = useCommand(session);
  const race = session.view.doc(DocKind.RACE);
  const self = session.view.doc(DocKind.PARTICIPANT, me);
  const groups = session.view.doc(DocKind.GROUPS);
  if (!race || !self) return null;
  const teamId = groups?.teams.find((t) => t.groups.includes(self.group))?.id ?? 0;
  const team = race.teams.find((t) => t.teamId === teamId);
  const captain = team !== undefined && team.captainId === me;

  const act = (body: CommandBody) => void command.send(body);

  return (
    <section class="card race" aria-labelledby="race">
      <h2 id="race">{m.race}</h2>
      <details open>
        <summary>{m.rules}</summary>
        <p>{race.rules}</p>
      </details>
      <RacePhaseLine race={race} clock={session.clock} />
      {team && (
        <>
          <p class="badge">{m.yourTeamRace(team.name)}</p>
          <TeamRace team={team} clock={session.clock} big />
          {captain && (
            <>
              <p>{m.youAreCaptain}</p>
              <div class="race-buttons">
                {team.running ? (
                  <>
                    <button
                      type="button"
                      class="primary big"
                      onClick={() => act({ case: 'stopRun', value: { teamId: 0 } })}
                    >
                      {m.stopRun}
                    </button>
                    <button
                      type="button"
                      class="danger big"
                      onClick={() => act({ case: 'voidRun', value: { teamId: 0 } })}
                    >
                      {m.voidRun}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    class="primary big"
                    onClick={() => act({ case: 'startRun', value: { teamId: 0 } })}
                  >
                    {m.startRun}
                  </button>
                )}
              </div>
              <p class="muted">{m.stampNote}</p>
            </>
          )}
        </>
      )}
      <Refusal command={command} />
    </section>
  );
}
