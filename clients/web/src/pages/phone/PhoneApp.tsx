import { currentItem, isActive } from '../../activities/activity';
import { activities } from '../../activities/registry';
import { DocKind } from '../../gen/campana/v1/docs_pb';
import { Presence, Role } from '../../gen/campana/v1/common_pb';
import { useMessages } from '../../i18n/i18n';
import { useSession } from '../../session';
import { useView } from '../../state/view';
import { Fatal, Flash, LanguageSwitch, StatusLine } from '../../ui/Chrome';
import { Countdown } from '../../ui/Countdown';
import { JoinForm } from './JoinForm';
import { MyGroup } from './MyGroup';

// The participant's page: join, then what is on now, first: an activity outside the run of
// show (a question asked live), the current agenda item and its activity; then the timers and
// the person's group. What is on now must be in the first screenful of a small phone.
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
  const item = currentItem(view);
  const on = activities.filter((a) => a.Phone && isActive(a, view));
  const phoneViews = (list: typeof on) =>
    list.map(({ name, Phone }) => Phone && <Phone key={name} session={session} me={me} />);

  return (
    <main class="phone">
      <Flash on={session.flashing} />
      <header class="bar">
        <strong class="said title">{workshop?.title ?? m.appName}</strong>
        <StatusLine status={connection.status} />
        <LanguageSwitch />
      </header>
      <Fatal status={connection.status} />
      {view.loaded && !self && connection.status !== 'unknown-workshop' && <JoinForm connection={connection} />}
      {self && (
        <>
          <section class="card me" aria-labelledby="me">
            <h1 id="me" class="said name">
              {m.hello(self.displayName)}
            </h1>
            <p>
              {m.youAreIn} · {self.presence === Presence.REMOTE ? m.remote : m.inRoom}
            </p>
          </section>
          {phoneViews(on.filter((a) => a.agenda === undefined))}
          <section class="card now" aria-labelledby="now">
            <h2 id="now">{item ? `${m.nowItem}: ${item.title}` : m.notStarted}</h2>
            {item?.notes && <p>{item.notes}</p>}
          </section>
          {phoneViews(on.filter((a) => a.agenda !== undefined))}
          {view.docs(DocKind.TIMER).length > 0 && (
            <section class="card timers" aria-label={m.timers}>
              {view.docs(DocKind.TIMER).map((t) => (
                <Countdown key={t.id} timer={t} clock={session.clock} />
              ))}
            </section>
          )}
          <MyGroup session={session} me={me} />
        </>
      )}
    </main>
  );
}
