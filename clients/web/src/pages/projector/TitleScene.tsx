import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { View } from '../../state/view';
import { currentItem } from '../../activities/activity';
import { useProjectorMessages } from './messages';

// A talk, a break, the welcome: the current item's title, big, and what comes next.
export function TitleScene({ view }: { view: View }) {
  const m = useProjectorMessages();
  const workshop = view.doc(DocKind.WORKSHOP);
  const agenda = view.doc(DocKind.AGENDA);
  const item = currentItem(view);
  const next = agenda && agenda.current + 1 < agenda.items.length ? agenda.items[agenda.current + 1] : undefined;
  return (
    <div class="scene scene-cover">
      <h2 class="said title big-title">{item?.title ?? workshop?.title ?? m.welcome}</h2>
      {item?.notes && <p class="said title-notes">{item.notes}</p>}
      {!item && <p class="title-notes">{m.notStartedYet}</p>}
      {next && <p class="coming-next">{m.comingNext(next.title)}</p>}
    </div>
  );
}
