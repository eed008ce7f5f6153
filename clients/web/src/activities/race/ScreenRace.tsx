import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useRaceMessages } from './messages';
import type { Session } from '../../session';
import { RacePhaseLine, TeamRace } from './RaceParts';

// Every team's live stopwatch, penalty and best time, then the result, big.
export function ScreenRace({ session }: { session: Session }) {
  const m = useRaceMessages();
  const race = session.view.doc(DocKind.RACE);
  if (!race) return null;
  return (
    <section class="screen-race" aria-label={m.race}>
      <div class="race-phase-big">
        <RacePhaseLine race={race} clock={session.clock} />
      </div>
      <div class="race-teams">
        {race.teams.map((team) => (
          <TeamRace key={team.teamId} team={team} clock={session.clock} big />
        ))}
      </div>
    </section>
  );
}
