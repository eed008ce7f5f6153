import { Agenda_Activity } from '../../gen/campana/v1/docs_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// Action plans: during an action plan item of the agenda, each group writes its plan (an
// objective and steps of six columns) on its members' phones at once, the facilitators see and
// edit every plan on the console and choose which the projector shows. The selectors every view
// shares are in PlanSelectors.ts (capitalised, like the board's, so that they stay in the
// activity's chunks, out of every page's first load).
export const actionPlan: Activity = {
  name: 'action-plan',
  agenda: Agenda_Activity.ACTION_PLAN,
  Phone: lazyView(() => import('./PhonePlan').then((m) => m.PhonePlan)),
  Projector: lazyView(() => import('./ScreenPlan').then((m) => m.ScreenPlan)),
  Console: lazyView(() => import('./ConsolePlan').then((m) => m.ConsolePlan)),
  Report: lazyView(() => import('./ReportPlan').then((m) => m.ReportPlan)),
  exportFiles: () => import('./exportCsv').then((m) => m.planExportFiles),
};
