import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { Role } from '../../gen/campana/v1/common_enums';
import { useSession } from '../../session';
import { useView } from '../../state/view';
import { useState } from 'preact/hooks';
import { Fatal, Flash, LanguageSwitch, Notice, StatusLine } from '../../ui/Chrome';
import { currentItem } from '../../activities/activity';
import { projectorLink } from './AccessPanel';
import { AgendaPanel } from './AgendaPanel';
import { ConsolesOnline } from './ConsolesOnline';
import { NowPanel } from './NowPanel';
import { ScenePicker } from './ScenePicker';
import { SidePanels } from './SidePanels';
import { ZipButton } from './ZipButton';
import { useConsoleMessages } from './messages';
import './console.css';

// Downloads everything the workshop produced. The key goes in a header, not the URL.
async function exportWorkshop(code: string, key: string): Promise<void> {
  const response = await fetch(`/api/workshops/${encodeURIComponent(code)}/export`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  if (!response.ok) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `campana-${code}.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

// The facilitators' console, a run of show: the agenda on the left, the current item's controls
// in the middle, the projector's scene and the side panels (people, groups, timers, access) on
// the right. Each column scrolls on its own; the page does not. The key comes in the URL
// fragment, which browsers never send to a server or put in a Referer.
export function ConsoleApp({ code, facilitatorKey }: { code: string; facilitatorKey: string }) {
  const m = useConsoleMessages();
  // The console shows bells and timers but stays quiet: the room hears the projector.
  const session = useSession(
    code,
    Role.FACILITATOR,
    { vibrate: false, sound: false, rings: () => true },
    { facilitatorKey },
  );
  const view = useView(session.view);
  const origin = `${location.protocol}//${location.host}`;
  const groupsInMiddle = currentItem(view)?.activity === Agenda_Activity.GROUPS;
  const [zipFailed, setZipFailed] = useState(false);
  return (
    <main class="console">
      <Flash on={session.flashing} />
      <header class="bar">
        {/* Who else has a console open, under the title: the line beside it is full. */}
        <div class="bar-title">
          <strong>
            {m.console} · {view.doc(DocKind.WORKSHOP)?.title ?? ''} · {code}
          </strong>
          <ConsolesOnline session={session} othersOnly />
        </div>
        <StatusLine status={session.connection.status} />
        <nav aria-label={m.links} class="links">
          <a href={`${origin}/j/${code}`} target="_blank" rel="noreferrer">
            {m.phoneLink}
          </a>
          <a href={projectorLink(code, view.doc(DocKind.ACCESS)?.projectorKey ?? '')} target="_blank" rel="noreferrer">
            {m.screenLink}
          </a>
          <a
            href={`${origin}/report/${code}#key=${encodeURIComponent(facilitatorKey)}`}
            target="_blank"
            rel="noreferrer"
          >
            {m.reportLink}
          </a>
          <ZipButton code={code} onResult={(ok) => setZipFailed(!ok)} />
          <button type="button" class="link on-dark" onClick={() => void exportWorkshop(code, facilitatorKey)}>
            {m.exportWorkshop}
          </button>
        </nav>
        <LanguageSwitch />
      </header>
      <Fatal status={session.connection.status} />
      {zipFailed && <Notice onClose={() => setZipFailed(false)}>{m.zipFailed}</Notice>}
      {/* A console refused (its link was revoked) shows why, not the workshop as it last was. */}
      {view.loaded && session.connection.status !== 'denied' && (
        <div class="ros">
          <AgendaPanel session={session} />
          <NowPanel session={session} />
          <aside class="ros-side" aria-label={m.sidePanels}>
            <ScenePicker session={session} />
            <SidePanels session={session} groupsInMiddle={groupsInMiddle} />
          </aside>
        </div>
      )}
    </main>
  );
}
