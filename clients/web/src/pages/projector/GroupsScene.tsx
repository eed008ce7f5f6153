import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useMessages } from '../../i18n/i18n';
import type { View } from '../../state/view';
import { NameList } from './NameList';
import { useProjectorMessages } from './messages';

// The groups and the teams they form: one column per group with its team, its size and its
// people (names only with the projector link's key). Each group's names page on their own.
export function GroupsScene({ view, publicView }: { view: View; publicView: boolean }) {
  const m = useProjectorMessages();
  const shared = useMessages();
  const groups = view.doc(DocKind.GROUPS);
  const people = view.docs(DocKind.PARTICIPANT);
  if (!groups || groups.kinds.length === 0) {
    return (
      <div class="scene scene-groups">
        <p class="scene-note">{m.noGroupsYet}</p>
      </div>
    );
  }
  return (
    <div class="scene scene-groups">
      {groups.teams.length > 0 && (
        <ul class="team-line" aria-label={shared.teams}>
          {groups.teams.map((t) => (
            <li key={t.id}>
              <strong class="said name">{shared.team(t.name)}</strong> {m.teamOf(t.groups.join(', '))}
            </li>
          ))}
        </ul>
      )}
      <div class="group-cards">
        {groups.kinds.map((_, i) => {
          const number = i + 1;
          const team = groups.teams.find((t) => t.groups.includes(number));
          const members = people.filter((p) => p.group === number);
          return (
            <section class="group-card" key={number} aria-label={shared.group(number)}>
              <h2>
                {shared.group(number)} {team && <span class="badge">{shared.team(team.name)}</span>}
              </h2>
              <p class="group-size">{m.groupSize(members.length)}</p>
              {!publicView && <NameList people={members} class="group-names" />}
            </section>
          );
        })}
      </div>
    </div>
  );
}
