import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useState } from 'preact/hooks';
import { Presence } from '../../gen/campana/v1/common_enums';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import { cleanText } from '../../ui/text';
import { dayCount, presentPerDay } from './days';
import { groupChoiceBlock } from './guards';
import { useConsoleMessages } from './messages';
import { NewPersonalCode } from './NewPersonalCode';

// The roster: who is here, in the room or online, connected or not, and, in a workshop of
// several days, on which days; move, rename, give someone their identity back on a new phone (a
// new personal code), remove.
export function PeoplePanel({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const people = session.view.docs(DocKind.PARTICIPANT);
  const groupCount = session.view.doc(DocKind.GROUPS)?.kinds.length ?? 0;
  const days = dayCount(session.view.doc(DocKind.AGENDA)?.items ?? [], people);
  // Moving someone needs groups: until then the choices are off, and say why.
  const noGroups = groupChoiceBlock(groupCount);

  const rename = (id: number, name: string) => {
    const next = window.prompt(m.newName(name), name);
    if (next && next.trim() && next !== name) {
      void command.send({ case: 'renameParticipant', value: { participantId: id, displayName: cleanText(next) } });
    }
  };
  // Removing asks once, in words, and offers both: remove (they may join again, as someone
  // new) or remove and keep out (this device cannot join again until let back in).
  const [removing, setRemoving] = useState<{ id: number; name: string } | undefined>();
  const remove = (ban: boolean) => {
    if (!removing) return;
    void command.send({ case: 'removeParticipant', value: { participantId: removing.id, ban } });
    setRemoving(undefined);
  };
  // No question asked: the new code is shown at once, and says that the old one stops working.
  const [newCode, setNewCode] = useState<{ id: number; name: string; code: string } | undefined>();
  const giveBack = async (id: number, name: string) => {
    setRemoving(undefined);
    const ack = await command.ask({ case: 'resetPersonalCode', value: { participantId: id } });
    if (ack?.result.case === 'personalCode') setNewCode({ id, name, code: ack.result.value });
  };

  return (
    <section class="panel people-panel" aria-labelledby="people">
      <h2 id="people">
        {m.people} ({people.length})
      </h2>
      {people.length === 0 ? (
        <p class="muted">{m.nobodyYet}</p>
      ) : (
        <>
          {days > 0 && (
            <p class="attendance">
              {m.attendance}:{' '}
              {presentPerDay(people, days)
                .map((n, i) => m.presentOnDay(i + 1, n))
                .join(' · ')}
            </p>
          )}
          {noGroups && (
            <p id="people-no-groups" class="muted">
              {m.groupsBlocked[noGroups]}
            </p>
          )}
          <table class="people">
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.groups}</th>
                <th scope="col">
                  <span class="visually-hidden">{m.rename}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} class={p.connected ? '' : 'away'}>
                  <td>
                    <span class="who">
                      <span
                        class={`dot ${p.connected ? 'on' : 'off'}`}
                        title={p.connected ? m.connected : m.disconnected}
                        aria-hidden="true"
                      />
                      <span class="visually-hidden">{p.connected ? m.connected : m.disconnected}: </span>
                      <span class="said name">{p.displayName}</span>
                    </span>
                    <span class="presence">{p.presence === Presence.REMOTE ? m.remote : m.inRoom}</span>
                    {days > 0 && <span class="presence days">{m.daysPresent(p.daysPresent)}</span>}
                  </td>
                  <td>
                    <select
                      aria-label={m.moveTo(p.displayName)}
                      value={p.group}
                      disabled={noGroups !== undefined}
                      title={noGroups && m.groupsBlocked[noGroups]}
                      aria-describedby={noGroups && 'people-no-groups'}
                      onChange={(e) =>
                        void command.send({
                          case: 'moveParticipant',
                          value: { participantId: p.id, group: Number(e.currentTarget.value) },
                        })
                      }
                    >
                      <option value={0}>{m.noGroup}</option>
                      {Array.from({ length: groupCount }, (_, i) => (
                        <option key={i + 1} value={i + 1}>
                          {m.group(i + 1)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class="actions">
                    <button
                      type="button"
                      aria-label={m.renameWho(p.displayName)}
                      onClick={() => rename(p.id, p.displayName)}
                    >
                      ✎
                    </button>
                    <button
                      type="button"
                      aria-label={m.giveIdentityBack(p.displayName)}
                      title={m.giveIdentityBack(p.displayName)}
                      onClick={() => void giveBack(p.id, p.displayName)}
                    >
                      ↻
                    </button>
                    <button
                      type="button"
                      class="danger"
                      aria-label={m.removeWho(p.displayName)}
                      aria-expanded={removing?.id === p.id}
                      onClick={() => {
                        setNewCode(undefined);
                        setRemoving({ id: p.id, name: p.displayName });
                      }}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {removing && people.some((p) => p.id === removing.id) && (
        <div class="confirm" role="group" aria-labelledby="confirm-remove">
          <p id="confirm-remove" class="said name">
            {m.confirmRemove(removing.name)}
          </p>
          <p class="muted">{m.removeExplain}</p>
          <div class="buttons">
            <button type="button" class="danger" onClick={() => remove(false)}>
              {m.removeOnly}
            </button>
            <button type="button" class="danger" onClick={() => remove(true)}>
              {m.removeAndKeepOut}
            </button>
            <button type="button" onClick={() => setRemoving(undefined)}>
              {m.cancel}
            </button>
          </div>
        </div>
      )}
      {newCode && people.some((p) => p.id === newCode.id) && (
        <NewPersonalCode name={newCode.name} code={newCode.code} onDone={() => setNewCode(undefined)} />
      )}
      <Refusal command={command} />
    </section>
  );
}
