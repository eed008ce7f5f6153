import { DocKind } from '../../gen/campana/v1/docs_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// A question the console asks at any moment, outside the run of show: on while one is open,
// or while answers to one are on the projector.
export const liveQuestion: Activity = {
  name: 'live-question',
  active: (view) => view.docs(DocKind.LIVE_QUESTION).some((q) => q.open || q.shown),
  Phone: lazyView(() => import('./PhoneLiveQuestion').then((m) => m.PhoneLiveQuestion)),
  Projector: lazyView(() => import('./ScreenLiveQuestion').then((m) => m.ScreenLiveQuestion)),
  Console: lazyView(() => import('./ConsoleLiveQuestion').then((m) => m.ConsoleLiveQuestion)),
};
