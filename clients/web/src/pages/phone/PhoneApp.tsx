import { type Activity, currentItem, isActive } from '../../activities/activity';
import { activities } from '../../activities/registry';
import { DocKind } from '../../gen/campana/v1/docs_pb';
import { Role } from '../../gen/campana/v1/common_pb';
import { useMessages } from '../../i18n/i18n';
import { useSession } from '../../session';
import { useView } from '../../state/view';
import { Fatal, Flash, LanguageSwitch, StatusLine } from '../../ui/Chrome';
import { Countdown } from '../../ui/Countdown';
import { JoinForm } from './JoinForm';
import { MeBar } from './MeBar';
import { NowSection } from './NowSection';
import { SoundPrompt } from './SoundPrompt';
import { usePreloadComing } from './usePreloadComing';
import { useWakeLock } from './useWakeLock';
import './phone.css';

// The participant's page: join, then what is on now, first: one header line for who I am
// (the rest folded behind it), a question asked live (outside the run of show) while it is
// open, then the current agenda item led by its title; then the timers. The title and the
// primary actions must fit in the first screenful of a 360x640 phone, in every phase
// (tests/e2e/phone-layout.test.mjs checks it).
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
  const wakeLock = useWakeLock(self !== undefined);
  usePreloadComing(view);
  const on = activities.filter((a) => a.Phone && isActive(a, view));
  // What the current item is goes in its section; what stands outside the run of show (the live
  // question, a live poll asked from the console) above it, whatever the agenda is doing.
  const item = currentItem(view);
  const ofCurrentItem = (a: Activity) => a.agenda !== undefined && item?.activity === a.agenda;
  const phoneViews = (list: typeof on) =>
    list.map(({ name, Phone }) => Phone && <Phone key={name} session={session} me={me} />);
  const timers = view.docs(DocKind.TIMER);

  return (
    <main class="phone">
      <Flash on={session.flashing} />
      {self ? (
        <MeBar session={session} me={me} wakeLock={wakeLock} />
      ) : (
        <header class="bar">
          <strong class="said title" data-title>
            {workshop?.title ?? m.appName}
          </strong>
          <StatusLine status={connection.status} />
          <LanguageSwitch />
        </header>
      )}
      <Fatal status={connection.status} />
      {view.loaded && !self && connection.status !== 'unknown-workshop' && <JoinForm connection={connection} />}
      {self && (
        <>
          {phoneViews(on.filter((a) => !ofCurrentItem(a)))}
          <NowSection session={session} me={me}>
            {phoneViews(on.filter(ofCurrentItem))}
          </NowSection>
          {timers.length > 0 && (
            <section class="card timers" aria-label={m.timers}>
              {timers.map((t) => (
                <Countdown key={t.id} timer={t} clock={session.clock} />
              ))}
            </section>
          )}
          <SoundPrompt />
        </>
      )}
    </main>
  );
}
