import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_pb';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// An agenda item's open question: everyone answers; the facilitator may show the answers.
export const question: Activity = {
  name: 'question',
  agenda: Agenda_Activity.QUESTION,
  // Answers the facilitator put on the projector stay there after the item.
  active: (view) => view.docs(DocKind.SHOWN_ANSWER).length > 0,
  Phone: lazyView(() => import('./PhoneQuestion').then((m) => m.PhoneQuestion)),
  Projector: lazyView(() => import('./ScreenQuestion').then((m) => m.ScreenQuestion)),
  Console: lazyView(() => import('./ConsoleQuestion').then((m) => m.ConsoleQuestion)),
};
