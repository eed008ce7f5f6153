import { useEffect } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { Role } from '../../gen/campana/v1/common_enums';
import { useMessages } from '../../i18n/i18n';
import { useSession } from '../../session';
import { useView } from '../../state/view';
import { Fatal, Flash, LanguageSwitch, StatusLine } from '../../ui/Chrome';
import { loadViews } from '../../ui/lazyView';
import { JoinForm } from './JoinForm';
import { JoinedView } from './joinedView';
import { usePreloadComing } from './usePreloadComing';
import './join.css';

// The participant's page: the join form, then, once joined, what is on now (Joined.tsx, its own
// chunk, fetched when the person taps to join, or at once on a phone that joined before). The
// activities' views are fetched ahead as the agenda nears them, joined or not: a phone arriving
// during a board has the board's view by the time the person is in.
export function PhoneApp({ code }: { code: string }) {
  const m = useMessages();
  const session = useSession(code, Role.PARTICIPANT, {
    vibrate: true,
    sound: true,
    rings: () => true,
    ringsForTeam: (teamId, v) => {
      const mine = v.docs(DocKind.PARTICIPANT).find((p) => p.id === session.connection.participantId);
      return (
        v
          .doc(DocKind.GROUPS)
          ?.teams.find((t) => t.id === teamId)
          ?.groups.includes(mine?.group ?? -1) ?? false
      );
    },
  });
  const view = useView(session.view);
  const { connection } = session;
  const workshop = view.doc(DocKind.WORKSHOP);
  const me = connection.participantId;
  const self = me ? view.doc(DocKind.PARTICIPANT, me) : undefined;
  usePreloadComing(view);
  useEffect(() => {
    if (me) void loadViews([JoinedView]);
  }, [me]);

  return (
    <main class="phone">
      <Flash on={session.flashing} />
      {self ? (
        <JoinedView session={session} me={me} />
      ) : (
        <>
          <header class="bar">
            <strong class="said title" data-title>
              {workshop?.title ?? m.appName}
            </strong>
            <StatusLine status={connection.status} />
            <LanguageSwitch />
          </header>
          <Fatal status={connection.status} />
          {view.loaded && connection.status !== 'unknown-workshop' && <JoinForm connection={connection} />}
        </>
      )}
    </main>
  );
}
