import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_pb';
import type { Activity } from '../activity';
import { ConsoleQuestion } from './ConsoleQuestion';
import { PhoneQuestion } from './PhoneQuestion';
import { ScreenQuestion } from './ScreenQuestion';

// An agenda item's open question: everyone answers; the facilitator may show the answers.
export const question: Activity = {
  name: 'question',
  agenda: Agenda_Activity.QUESTION,
  // Answers the facilitator put on the projector stay there after the item.
  active: (view) => view.docs(DocKind.SHOWN_ANSWER).length > 0,
  Phone: PhoneQuestion,
  Projector: ScreenQuestion,
  Console: ConsoleQuestion,
};
