import { Agenda_Activity } from '../../gen/campana/v1/docs_enums';
import type { useConsoleMessages } from './messages';

// What kind of item an agenda item is, in words.
export function kindName(m: ReturnType<typeof useConsoleMessages>, activity: Agenda_Activity): string {
  switch (activity) {
    case Agenda_Activity.GROUPS:
      return m.kindGroups;
    case Agenda_Activity.QUESTION:
      return m.kindQuestion;
    case Agenda_Activity.RACE:
      return m.kindRace;
    case Agenda_Activity.CARD_SORT:
      return m.kindCardSort;
    case Agenda_Activity.SPEED_DATING:
      return m.kindSpeedDating;
    case Agenda_Activity.BOARD:
      return m.kindBoard;
    case Agenda_Activity.POLL:
      return m.kindPoll;
    case Agenda_Activity.ACTION_PLAN:
      return m.kindActionPlan;
    default:
      return m.kindPresentation;
  }
}
