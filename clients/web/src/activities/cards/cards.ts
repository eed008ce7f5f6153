import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_pb';
import type { Activity } from '../activity';
import { ConsoleCards } from './ConsoleCards';
import { PhoneCards } from './PhoneCards';
import { ScreenCards } from './ScreenCards';

// Each group orders one shared deck before the time is up; then the right order is revealed
// and every group's is scored.
export const cards: Activity = {
  name: 'cards',
  agenda: Agenda_Activity.CARD_SORT,
  Phone: PhoneCards,
  Projector: ScreenCards,
  Console: ConsoleCards,
  // Time up.
  bells: (view) => {
    const deck = view.doc(DocKind.CARD_DECK);
    return deck?.started && !deck.revealed ? [[`cards:${deck.endsAtMs}`, Number(deck.endsAtMs)]] : [];
  },
};
