import { Agenda_Activity } from '../../gen/campana/v1/docs_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// An agenda item's open question: everyone answers; the facilitator may show the answers.
export const question: Activity = {
  name: 'question',
  agenda: Agenda_Activity.QUESTION,
  // Only during its item: answers shown on the projector leave it with the item.
  Phone: lazyView(() => import('./PhoneQuestion').then((m) => m.PhoneQuestion)),
  Projector: lazyView(() => import('./ScreenQuestion').then((m) => m.ScreenQuestion)),
  Console: lazyView(() => import('./ConsoleQuestion').then((m) => m.ConsoleQuestion)),
  Report: lazyView(() => import('./ReportQuestion').then((m) => m.ReportQuestion)),
  exportFiles: () => import('./exportCsv').then((m) => m.questionExportFiles),
};
