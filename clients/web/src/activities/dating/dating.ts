import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';
import { isSharing } from './phases';

// Rounds of pairs (and a trio), in the room or on a call, one speaker at a time, with notes that
// stay private unless their writer shares them.
export const dating: Activity = {
  name: 'dating',
  agenda: Agenda_Activity.SPEED_DATING,
  Phone: lazyView(() => import('./PhoneDating').then((m) => m.PhoneDating)),
  Projector: lazyView(() => import('./ScreenDating').then((m) => m.ScreenDating)),
  Console: lazyView(() => import('./ConsoleDating').then((m) => m.ConsoleDating)),
  Report: lazyView(() => import('./ReportDating').then((m) => m.ReportDating)),
  exportFiles: () => import('./exportCsv').then((m) => m.datingExportFiles),
  // A speaker's time is up.
  bells: (view) => {
    const dating = view.doc(DocKind.DATING);
    return dating && isSharing(dating.phase)
      ? [[`dating:${dating.round}:${dating.phase}:${dating.phaseEndsAtMs}`, Number(dating.phaseEndsAtMs)]]
      : [];
  },
};
