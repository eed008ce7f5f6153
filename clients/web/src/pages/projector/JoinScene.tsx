import { Presence } from '../../gen/campana/v1/common_enums';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useMessages } from '../../i18n/i18n';
import type { View } from '../../state/view';
import { NameList } from './NameList';
import { JoinPanel } from './JoinPanel';

// Before the workshop starts (or when the facilitator puts it back): how to join, big, and who
// has joined (how many online is in the heading: a tag on each name would crowd the names out).
// Names only with the projector link's key; the public view shows none.
export function JoinScene({ code, view, publicView }: { code: string; view: View; publicView: boolean }) {
  const m = useMessages();
  const people = view.docs(DocKind.PARTICIPANT);
  return (
    <div class="scene scene-join">
      <JoinPanel code={code} />
      <section class="joined" aria-label={m.people}>
        <h2>
          {m.peopleHere(people.length)} · {m.inRoomCount(people.filter((p) => p.presence !== Presence.REMOTE).length)} ·{' '}
          {m.remoteCount(people.filter((p) => p.presence === Presence.REMOTE).length)}
        </h2>
        {publicView ? <p class="public-note">{m.publicScreen}</p> : <NameList people={people} class="names" />}
      </section>
    </div>
  );
}
