import { DocKind, Groups_Kind } from '../../gen/campana/v1/docs_enums';
import { Presence } from '../../gen/campana/v1/common_enums';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import { usePhoneMessages } from './messages';

// The groups moment on the phone: "Grupo 3 · Equipo A" big, who else is in it, and the group
// picker (the primary action) while choice is open.
export function MyGroup({ session, me }: { session: Session; me: number }) {
  const m = usePhoneMessages();
  const command = useCommand(session);
  const self = session.view.doc(DocKind.PARTICIPANT, me);
  const groups = session.view.doc(DocKind.GROUPS);
  if (!self) return null;
  if (!groups || groups.kinds.length === 0) return <p class="muted">{m.noGroupMates}</p>;
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
    <div class="my-group">
      {groups.choiceOpen && (
        <div class="chooser" data-primary>
          <h2>{m.chooseGroup}</h2>
          <div class="group-buttons">
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
      <p class="big-number" data-primary={!groups.choiceOpen || undefined}>
        {self.group ? m.group(self.group) : m.noGroupYet}
        {team && <span class="badge">{m.team(team.name)}</span>}
      </p>
      {self.group > 0 && (
        <details class="mates-list" open>
          <summary>{mates.length > 0 ? m.yourMates(mates.length) : m.aloneInGroup}</summary>
          {mates.length > 0 && (
            <ul class="mates" aria-label={m.yourGroup}>
              {mates.map((p) => (
                <li key={p.id} class="said name">
                  {p.displayName}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
      <Refusal command={command} />
    </div>
  );
}
