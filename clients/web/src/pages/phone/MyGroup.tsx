import { DocKind, Groups_Kind } from '../../gen/campana/v1/docs_pb';
import { Presence } from '../../gen/campana/v1/common_pb';
import { useMessages } from '../../i18n/i18n';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';

// "You are in group 3, team A", who else is in it, and the group picker when choice is open.
export function MyGroup({ session, me }: { session: Session; me: number }) {
  const m = useMessages();
  const command = useCommand(session);
  const self = session.view.doc(DocKind.PARTICIPANT, me);
  const groups = session.view.doc(DocKind.GROUPS);
  if (!self || !groups || groups.kinds.length === 0) return null;
  const team = groups.teams.find((t) => t.groups.includes(self.group));
  const mates = session.view
    .docs(DocKind.PARTICIPANT)
    .filter((p) => p.group === self.group && p.group !== 0 && p.id !== me);
  const choosable = groups.kinds
    .map((kind, i) => ({ kind, number: i + 1 }))
    .filter(
      ({ kind }) =>
        kind === Groups_Kind.MIXED || (kind === Groups_Kind.IN_ROOM) === (self.presence !== Presence.REMOTE),
    );

  const choose = (group: number) => void command.send({ case: 'chooseGroup', value: { group } });

  return (
    <section class="card group" aria-labelledby="my-group">
      <h2 id="my-group">{self.group ? m.group(self.group) : m.noGroupYet}</h2>
      {team && <p class="badge">{m.team(team.name)}</p>}
      {mates.length > 0 && (
        <ul class="mates" aria-label={m.yourGroup}>
          {mates.map((p) => (
            <li key={p.id} class="said name">
              {p.displayName}
            </li>
          ))}
        </ul>
      )}
      {groups.choiceOpen && (
        <div class="chooser">
          <h3>{m.chooseGroup}</h3>
          <div class="buttons">
            {choosable.map(({ number }) => (
              <button
                type="button"
                key={number}
                class={number === self.group ? 'primary' : ''}
                aria-pressed={number === self.group}
                aria-label={m.chooseThisGroup(number)}
                onClick={() => choose(number)}
              >
                {number}
              </button>
            ))}
          </div>
        </div>
      )}
      <Refusal command={command} />
    </section>
  );
}
