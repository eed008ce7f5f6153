import { type Activity, currentItem, isActive } from '../../activities/activity';
import type { PhoneProps } from '../../activities/activity';
import { activities } from '../../activities/registry';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useMessages } from '../../i18n/i18n';
import { Fatal } from '../../ui/Chrome';
import { Countdown } from '../../ui/Countdown';
import { MeBar } from './MeBar';
import { MyCode } from './MyCode';
import { NowSection } from './NowSection';
import { SoundPrompt } from './SoundPrompt';
import { useWakeLock } from './useWakeLock';
import './phone.css';

// The phone once joined, what is on now first: one header line for who I am (the rest folded
// behind it), a question asked live (outside the run of show) while it is open, then the current
// agenda item led by its title; then the timers; the person's own code last, folded. The title
// and the primary actions must fit in the first screenful of a 360x640 phone, in every phase
// (tests/e2e/phone-layout.test.mjs checks it).
export function Joined({ session, me }: PhoneProps) {
  const m = useMessages();
  const { view, connection } = session;
  const wakeLock = useWakeLock(true);
  const on = activities.filter((a) => a.Phone && isActive(a, view));
  // What the current item is goes in its section; what stands outside the run of show (the live
  // question, a live poll asked from the console) above it, whatever the agenda is doing.
  const item = currentItem(view);
  const ofCurrentItem = (a: Activity) => a.agenda !== undefined && item?.activity === a.agenda;
  const phoneViews = (list: typeof on) =>
    list.map(({ name, Phone }) => Phone && <Phone key={name} session={session} me={me} />);
  const timers = view.docs(DocKind.TIMER);

  return (
    <>
      <MeBar session={session} me={me} wakeLock={wakeLock} />
      <Fatal status={connection.status} />
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
      <MyCode code={connection.personalCode} />
    </>
  );
}
