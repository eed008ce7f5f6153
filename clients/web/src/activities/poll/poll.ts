import { Agenda_Activity } from '../../gen/campana/v1/docs_pb';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';
import { openLivePoll } from './PollSelectors';

// Polls, scales and the survey: on during a poll item of the agenda, and whenever a live poll
// asked from the console is open (then above the run of show, as the live question).
export const poll: Activity = {
  name: 'poll',
  agenda: Agenda_Activity.POLL,
  active: (view) => openLivePoll(view) !== undefined,
  Phone: lazyView(() => import('./PhonePoll').then((m) => m.PhonePoll)),
  Projector: lazyView(() => import('./ScreenPoll').then((m) => m.ScreenPoll)),
  Console: lazyView(() => import('./ConsolePoll').then((m) => m.ConsolePoll)),
};
