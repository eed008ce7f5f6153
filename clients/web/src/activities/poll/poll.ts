import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// Polls, scales and the survey: on during a poll item of the agenda, and whenever a live poll
// asked from the console is open or shows its results (then above the run of show, as the live
// question). The test
// is PollSelectors.openLivePoll's, written out: this descriptor is in every page's core, and an
// import from PollSelectors.ts (in the poll's chunk) would pull that whole chunk into the core.
export const poll: Activity = {
  name: 'poll',
  agenda: Agenda_Activity.POLL,
  // The newest live poll while it is open, or while its results are shown (the projector keeps
  // the chart up after the vote closes, until the facilitator hides it).
  active: (view) => {
    const live = view.docs(DocKind.POLL).filter((p) => p.agendaIndex < 0);
    const newest = live[live.length - 1];
    return live.some((p) => p.open) || (newest?.revealed.some(Boolean) ?? false);
  },
  Phone: lazyView(() => import('./PhonePoll').then((m) => m.PhonePoll)),
  Projector: lazyView(() => import('./ScreenPoll').then((m) => m.ScreenPoll)),
  Console: lazyView(() => import('./ConsolePoll').then((m) => m.ConsolePoll)),
  Report: lazyView(() => import('./ReportPoll').then((m) => m.ReportPoll)),
  exportFiles: () => import('./exportCsv').then((m) => m.pollExportFiles),
};
