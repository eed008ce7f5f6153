import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { activities } from '../../activities/registry';
import { currentItem, isActive } from '../../activities/activity';
import type { Session } from '../../session';
import { formatMs } from '../../ui/Countdown';
import { kindName } from './agendaKinds';
import { ClockStrip } from './ClockStrip';
import { dayCount } from './days';
import { GroupsPanel } from './GroupsPanel';
import { useConsoleMessages } from './messages';
import { proposalOf } from './teams';

// The middle of the run of show: the current item (and its day, in a workshop of several), and
// its controls in the order they are used; then the bell and the running timers; then what
// stands outside the agenda (a question asked live), which the facilitator may use at any moment.
export function NowPanel({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const { view } = session;
  const agenda = view.doc(DocKind.AGENDA);
  const item = currentItem(view);
  const groupsItem = item?.activity === Agenda_Activity.GROUPS;
  // The current item's activity first, then any other still on (answers left on the projector).
  const inShow = activities
    .filter((a) => a.agenda !== undefined && a.Console && isActive(a, view))
    .sort((a, b) => Number(b.agenda === item?.activity) - Number(a.agenda === item?.activity));
  // Whatever can stand outside the run of show (the live question, a live poll) keeps its panel
  // when it is not on, so that it can be started.
  const outsideShow = activities.filter(
    (a) => a.Console && !inShow.includes(a) && (a.agenda === undefined || a.active !== undefined),
  );
  return (
    <section class="ros-now" aria-labelledby="now-title">
      <header class="now-head">
        {item && agenda ? (
          <>
            <p class="eyebrow">
              {m.nowItem} · {dayCount(agenda.items) > 0 && `${m.day(item.day)} · `}
              {m.itemOf(agenda.current + 1, agenda.items.length)} · {kindName(m, item.activity)} ·{' '}
              {formatMs(item.durationMs)}
            </p>
            <h1 id="now-title" class="said title">
              {item.title}
            </h1>
            {item.notes && <p class="muted said">{item.notes}</p>}
          </>
        ) : (
          <>
            <h1 id="now-title" class="said title">
              {view.doc(DocKind.WORKSHOP)?.title ?? m.agenda}
            </h1>
            <p class="muted">{m.notStartedHint}</p>
          </>
        )}
      </header>
      {groupsItem && <GroupsPanel session={session} proposal={proposalOf(item)} />}
      {inShow.map(({ name, Console }) => Console && <Console key={name} session={session} />)}
      {item && !groupsItem && inShow.length === 0 && <p class="muted">{m.nothingToControl}</p>}
      <ClockStrip session={session} />
      {outsideShow.map(({ name, Console }) => Console && <Console key={name} session={session} />)}
    </section>
  );
}
