import { useEffect } from 'preact/hooks';
import { type Activity, isActive } from '../../activities/activity';
import { activities } from '../../activities/registry';
import { DocKind } from '../../gen/campana/v1/docs_pb';
import type { View } from '../../state/view';
import { preloadViews } from '../../ui/lazyView';

// The phone fetches ahead the views of what is on, of the next agenda item and of what stands
// outside the run of show (a question asked live may open at any moment), not every
// activity's: so a phone's first load stays within its budget as activities are added, and
// the view is already there when the facilitator moves on (not fetched by the whole room in
// the same second).
export function usePreloadComing(view: View): void {
  const agenda = view.doc(DocKind.AGENDA);
  const next = agenda ? agenda.items[agenda.current + 1]?.activity : undefined;
  const coming = activities.filter(
    (a: Activity) => a.Phone !== undefined && (a.agenda === undefined || a.agenda === next || isActive(a, view)),
  );
  const key = coming.map((a) => a.name).join(' ');
  useEffect(() => {
    const names = key.split(' ');
    preloadViews(activities.filter((a) => names.includes(a.name)).map((a) => a.Phone));
  }, [key]);
}
