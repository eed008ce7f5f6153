import { Agenda_Activity } from '../../gen/campana/v1/docs_pb';
import type { Activity } from '../activity';
import { ConsoleQuestion } from './ConsoleQuestion';
import { PhoneQuestion } from './PhoneQuestion';
import { ScreenQuestion } from './ScreenQuestion';

// An agenda item's open question: everyone answers; the facilitator may show the answers.
export const question: Activity = {
  name: 'question',
  agenda: Agenda_Activity.QUESTION,
  // Only during its item: answers shown on the projector leave it with the item.
  Phone: PhoneQuestion,
  Projector: ScreenQuestion,
  Console: ConsoleQuestion,
};
