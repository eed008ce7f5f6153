import { DocKind } from '../../gen/campana/v1/docs_pb';
import type { Activity } from '../activity';
import { ConsoleLiveQuestion } from './ConsoleLiveQuestion';
import { PhoneLiveQuestion } from './PhoneLiveQuestion';
import { ScreenLiveQuestion } from './ScreenLiveQuestion';

// A question the console asks at any moment, outside the run of show: on while one is open,
// or while answers to one are on the projector.
export const liveQuestion: Activity = {
  name: 'live-question',
  active: (view) => view.docs(DocKind.LIVE_QUESTION).some((q) => q.open || q.shown),
  Phone: PhoneLiveQuestion,
  Projector: ScreenLiveQuestion,
  Console: ConsoleLiveQuestion,
};
