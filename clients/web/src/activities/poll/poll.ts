import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_pb';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// Polls, scales and the survey: on during a poll item of the agenda, and whenever a live poll
// asked from the console is open (then above the run of show, as the live question). The test
// is PollSelectors.openLivePoll's, written out: this descriptor is in every page's core, and an
// import from PollSelectors.ts (in the poll's chunk) would pull that whole chunk into the core.
export const poll: Activity = {
  name: 'poll',
  agenda: Agenda_Activity.POLL,
  active: (view) => view.docs(DocKind.POLL).some((p) => p.agendaIndex < 0 && p.open),
  Phone: lazyView(() => import('./PhonePoll').then((m) => m.PhonePoll)),
  Projector: lazyView(() => import('./ScreenPoll').then((m) => m.ScreenPoll)),
  Console: lazyView(() => import('./ConsolePoll').then((m) => m.ConsolePoll)),
};
