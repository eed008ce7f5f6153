import { Dating_Phase } from '../../gen/campana/v1/dating_pb';
import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_pb';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// Rounds of pairs (and a trio), in the room or on a call, each sharing in turn, with private
// notes.
export const dating: Activity = {
  name: 'dating',
  agenda: Agenda_Activity.SPEED_DATING,
  Phone: lazyView(() => import('./PhoneDating').then((m) => m.PhoneDating)),
  Projector: lazyView(() => import('./ScreenDating').then((m) => m.ScreenDating)),
  Console: lazyView(() => import('./ConsoleDating').then((m) => m.ConsoleDating)),
  // A speaker's time is up.
  bells: (view) => {
    const dating = view.doc(DocKind.DATING);
    const sharing = dating?.phase === Dating_Phase.FIRST_SHARING || dating?.phase === Dating_Phase.SECOND_SHARING;
    return dating && sharing
      ? [[`dating:${dating.round}:${dating.phase}:${dating.phaseEndsAtMs}`, Number(dating.phaseEndsAtMs)]]
      : [];
  },
};
