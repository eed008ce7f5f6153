import { useEffect, useState } from 'preact/hooks';
import { Presence, Role, Scope_Kind } from '../../gen/campana/v1/common_enums';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useMessages } from '../../i18n/i18n';
import { useSession } from '../../session';
import { type View, useView } from '../../state/view';
import { Fatal, Flash, LanguageSwitch, StatusLine } from '../../ui/Chrome';
import { currentItem } from '../../activities/activity';
import { activities } from '../../activities/registry';
import { CornerJoin } from './CornerJoin';
import { FitFrame } from './FitFrame';
import { GroupsScene } from './GroupsScene';
import { JoinScene } from './JoinScene';
import { useProjectorMessages } from './messages';
import { chooseScene, type SceneChoice, sceneChangesIn, sceneName } from './scene';
import { SoundButton } from './SoundButton';
import { TimersScene } from './TimersScene';
import { TitleScene } from './TitleScene';
import type { Session } from '../../session';
import type { Status } from '../../net/connection';
import './projector.css';

// The screen at the front of the room: read-only, no keyboard needed once open, one scene at a
// time filling the screen, never scrolling. It rings for the room and for teams, not for single
// groups' timers. Opened with the projector link (/screen/CODE#key=...) it shows everyone;
// without the key (or with one that was replaced) the server sends only what every participant
// sees, so it shows no names.
export function ProjectorApp({ code, projectorKey }: { code: string; projectorKey: string }) {
  const session = useSession(
    code,
    Role.PROJECTOR,
    { vibrate: false, sound: true, rings: (kind) => kind !== Scope_Kind.GROUP },
    { projectorKey },
  );
  const publicView = projectorKey === '';
  const view = useView(session.view);
  const now = session.clock.serverNow();
  const scene = chooseScene(view, activities, now);
  useRenderIn(sceneChangesIn(view, now));

  return (
    <main class="projector" data-scene={sceneName(scene)}>
      <Flash on={session.flashing} />
      <Header view={view} scene={scene} code={code} status={session.connection.status} />
      <Fatal status={session.connection.status} />
      {/* A new scene starts at its first page. */}
      <FitFrame key={sceneName(scene)}>
        <SceneView scene={scene} session={session} publicView={publicView} />
      </FitFrame>
      <footer class="projector-foot">
        {!publicView && scene.kind !== 'join' && <PeopleCount view={view} />}
        <SoundButton />
        <LanguageSwitch />
      </footer>
    </main>
  );
}

function SceneView({ scene, session, publicView }: { scene: SceneChoice; session: Session; publicView: boolean }) {
  const { view } = session;
  switch (scene.kind) {
    case 'join':
      return <JoinScene code={session.code} view={view} publicView={publicView} />;
    case 'groups':
      return <GroupsScene view={view} publicView={publicView} />;
    case 'timers':
      return <TimersScene view={view} clock={session.clock} />;
    case 'title':
      return <TitleScene view={view} />;
    case 'activity': {
      const Projector = scene.activity.Projector;
      return Projector ? <Projector key={scene.activity.name} session={session} /> : null;
    }
  }
}

// The title line: the workshop, what the scene is about, the connection, and the way in while
// it is not the scene itself.
function Header({ view, scene, code, status }: { view: View; scene: SceneChoice; code: string; status: Status }) {
  const m = useMessages();
  const pm = useProjectorMessages();
  const item = currentItem(view);
  const workshop = view.doc(DocKind.WORKSHOP)?.title ?? m.appName;
  let title: string | undefined;
  if (scene.kind === 'groups') title = pm.groupsAndTeams;
  else if (scene.kind === 'timers') title = m.timers;
  else if (scene.kind === 'activity' && scene.activity.agenda !== undefined) title = item?.title;
  return (
    <header class="bar projector-head">
      <div class="head-titles">
        <p class="said title workshop-title">{workshop}</p>
        {title && <h1 class="said title scene-title">{title}</h1>}
      </div>
      <StatusLine status={status} />
      {scene.kind !== 'join' && <CornerJoin code={code} />}
    </header>
  );
}

function PeopleCount({ view }: { view: View }) {
  const m = useMessages();
  const people = view.docs(DocKind.PARTICIPANT);
  const remote = people.filter((p) => p.presence === Presence.REMOTE).length;
  return (
    <span class="people-count">
      {m.peopleHere(people.length)} · {m.inRoomCount(people.length - remote)} · {m.remoteCount(remote)}
    </span>
  );
}

// Renders again in `ms` (when the scene changes with time alone: a timer's "time's up" ending).
function useRenderIn(ms: number | undefined): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (ms === undefined) return;
    const id = window.setTimeout(() => setTick((n) => n + 1), ms + 50);
    return () => window.clearTimeout(id);
  }, [ms]);
}
