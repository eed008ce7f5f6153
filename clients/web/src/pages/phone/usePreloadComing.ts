import { useEffect } from 'preact/hooks';
import { type Activity, isActive } from '../../activities/activity';
import { activities } from '../../activities/registry';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { View } from '../../state/view';
import { preloadViews } from '../../ui/lazyView';

// The phone fetches ahead the views of what is on and of the next agenda item, not every
// activity's: so a phone's first load stays within its budget as activities are added, and
// the view is already there when the facilitator moves on (not fetched by the whole room in
// the same second). Not what stands outside the run of show until it is on: the live
// question's view on top of a board's put a phone arriving during a board at 61.7 KB, over
// the 60 KB (tests/e2e/weight.test.mjs); a question asked live arrives a round trip later.
export function comingActivities(list: readonly Activity[], view: View): Activity[] {
  const agenda = view.doc(DocKind.AGENDA);
  const next = agenda ? agenda.items[agenda.current + 1]?.activity : undefined;
  return list.filter((a) => isActive(a, view) || (next !== undefined && a.agenda === next));
}

export function usePreloadComing(view: View): void {
  const coming = comingActivities(activities, view).filter((a) => a.Phone !== undefined);
  const key = coming.map((a) => a.name).join(' ');
  useEffect(() => {
    const names = key.split(' ');
    preloadViews(activities.filter((a) => names.includes(a.name)).map((a) => a.Phone));
  }, [key]);
}
