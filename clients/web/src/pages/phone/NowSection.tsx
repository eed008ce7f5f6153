import type { ComponentChildren } from 'preact';
import { currentItem } from '../../activities/activity';
import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import { MyGroup } from './MyGroup';
import { usePhoneMessages } from './messages';

// The current agenda item, led by its title ("AHORA · Reto de la pelota") and then its
// activity's phone view (`children`, the primary actions first), the groups moment, or, when
// there is nothing to do on the phone, a calm word on what comes next. The item's notes come
// last, folded.
export function NowSection({ session, me, children }: { session: Session; me: number; children: ComponentChildren }) {
  const m = usePhoneMessages();
  const agenda = session.view.doc(DocKind.AGENDA);
  const groups = session.view.doc(DocKind.GROUPS);
  const item = currentItem(session.view);
  const next = agenda?.items[(agenda.current ?? -1) + 1];

  if (!item) {
    return (
      <section class="now-section waiting" aria-labelledby="now-title">
        <h1 id="now-title" data-title>
          {m.notStarted}
        </h1>
        {next && (
          <p class="next-up" data-primary>
            {m.firstUp(next.title)}
          </p>
        )}
        <p class="muted">{m.waitStart}</p>
        {groups?.choiceOpen && <MyGroup session={session} me={me} />}
      </section>
    );
  }

  const kind = item.activity;
  const isGroups = kind === Agenda_Activity.GROUPS;
  const nothingToDo = kind === Agenda_Activity.PRESENTATION || kind === Agenda_Activity.UNSPECIFIED;
  return (
    <section class={`now-section ${nothingToDo ? 'waiting' : ''}`} aria-labelledby="now-title">
      <h1 id="now-title" data-title>
        <span class="now-label">{m.now}</span> · <span>{item.title}</span>
      </h1>
      {children}
      {(isGroups || groups?.choiceOpen) && <MyGroup session={session} me={me} />}
      {nothingToDo && !groups?.choiceOpen && (
        <div class="calm" data-primary>
          <p>{m.nothingToDo}</p>
          <p class="next-up">{next ? m.nextUp(next.title) : m.lastItem}</p>
        </div>
      )}
      {item.notes && (
        <details class="item-notes">
          <summary>{m.notesTitle}</summary>
          <p>{item.notes}</p>
        </details>
      )}
    </section>
  );
}
