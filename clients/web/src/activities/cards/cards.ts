import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// Each group orders one shared deck before the time is up; then the right order is revealed
// and every group's is scored.
export const cards: Activity = {
  name: 'cards',
  agenda: Agenda_Activity.CARD_SORT,
  Phone: lazyView(() => import('./PhoneCards').then((m) => m.PhoneCards)),
  Projector: lazyView(() => import('./ScreenCards').then((m) => m.ScreenCards)),
  Console: lazyView(() => import('./ConsoleCards').then((m) => m.ConsoleCards)),
  Report: lazyView(() => import('./ReportCards').then((m) => m.ReportCards)),
  exportFiles: () => import('./exportCsv').then((m) => m.cardsExportFiles),
  // Time up.
  bells: (view) => {
    const deck = view.doc(DocKind.CARD_DECK);
    return deck?.started && !deck.revealed ? [[`cards:${deck.endsAtMs}`, Number(deck.endsAtMs)]] : [];
  },
};
