import { useState } from 'preact/hooks';
import { Presence, Role, Scope_Kind } from '../../gen/campana/v1/common_pb';
import { useMessages } from '../../i18n/i18n';
import { soundUnlocked, unlockSound } from '../../bell';
import { useSession } from '../../session';
import { type View, useView } from '../../state/view';
import { Fatal, Flash, LanguageSwitch, StatusLine } from '../../ui/Chrome';
import { Countdown } from '../../ui/Countdown';
import { DocKind } from '../../gen/campana/v1/docs_pb';
import { currentItem, isActive } from '../../activities/activity';
import { activities } from '../../activities/registry';
import { JoinPanel } from './JoinPanel';

// The screen at the front of the room: read-only, no keyboard needed once open. It rings for
// the room and for teams, not for single groups' timers. Opened with the projector link
// (/screen/CODE#key=...) it shows everyone; without the key (or with one that was replaced)
// the server sends only what every participant sees, so it shows no names.
export function ProjectorApp({ code, projectorKey }: { code: string; projectorKey: string }) {
  const m = useMessages();
  const session = useSession(
    code,
    Role.PROJECTOR,
    { vibrate: false, sound: true, rings: (kind) => kind !== Scope_Kind.GROUP },
    { projectorKey },
  );
  const publicView = projectorKey === '';
  const view = useView(session.view);
  const [sound, setSound] = useState(soundUnlocked());
  const item = currentItem(view);
  // One scene at a time: the first activity that is on.
  const Scene = activities.find((a) => a.Projector && isActive(a, view))?.Projector;

  return (
    <main class="projector">
      <Flash on={session.flashing} />
      <header class="bar">
        <strong class="said title">{view.doc(DocKind.WORKSHOP)?.title ?? m.appName}</strong>
        {item && <span class="said title now">{item.title}</span>}
        <StatusLine status={session.connection.status} />
        {!sound && (
          <button
            type="button"
            onClick={() => {
              unlockSound();
              setSound(true);
            }}
          >
            {m.enableSound}
          </button>
        )}
        <LanguageSwitch />
      </header>
      <Fatal status={session.connection.status} />
      <div class={`projector-grid ${item ? 'compact' : ''}`}>
        <JoinPanel code={code} />
        <div class="projector-main">
          {Scene && <Scene session={session} />}
          {view.docs(DocKind.TIMER).length > 0 && (
            <section class="big-timers" aria-label={m.timers}>
              {view.docs(DocKind.TIMER).map((t) => (
                <Countdown key={t.id} timer={t} clock={session.clock} size="huge" />
              ))}
            </section>
          )}
          {publicView ? <p class="public-note">{m.publicScreen}</p> : <Roster view={view} />}
        </div>
      </div>
    </main>
  );
}

// Everyone who joined, by group once there are groups: only with the projector link's key.
function Roster({ view }: { view: View }) {
  const m = useMessages();
  const people = view.docs(DocKind.PARTICIPANT);
  const groups = view.doc(DocKind.GROUPS);
  const inRoom = people.filter((p) => p.presence !== Presence.REMOTE).length;
  return (
    <section class="roster" aria-label={m.people}>
      <h2>
        {m.peopleHere(people.length)} · {m.inRoomCount(inRoom)} · {m.remoteCount(people.length - inRoom)}
      </h2>
      {groups && groups.kinds.length > 0 ? (
        <div class="group-board">
          {groups.kinds.map((_, i) => {
            const number = i + 1;
            const team = groups.teams.find((t) => t.groups.includes(number));
            return (
              <div class="group-column" key={number}>
                <h3>
                  {m.group(number)} {team && <span class="badge">{m.team(team.name)}</span>}
                </h3>
                <ul>
                  {people
                    .filter((p) => p.group === number)
                    .map((p) => (
                      <li key={p.id} class={`said name ${p.connected ? '' : 'away'}`}>
                        {p.displayName}
                      </li>
                    ))}
                </ul>
              </div>
            );
          })}
        </div>
      ) : (
        <ul class="names">
          {people.map((p) => (
            <li key={p.id} class={p.connected ? '' : 'away'}>
              <span class="said name">{p.displayName}</span>
              {p.presence === Presence.REMOTE && <span class="tag">{m.remote}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
