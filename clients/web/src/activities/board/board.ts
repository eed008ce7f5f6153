import { Agenda_Activity } from '../../gen/campana/v1/docs_enums';
import { lazyView } from '../../ui/lazyView';
import type { Activity } from '../activity';

// Boards of notes (the SDG map, the dream/nightmare grid, "do less / do more"): on during a
// board item of the agenda. The selectors every view shares are in BoardSelectors.ts (capitalised
// so that the bundle keeps them in the board's chunk, out of every page's first load).
export const board: Activity = {
  name: 'board',
  agenda: Agenda_Activity.BOARD,
  Phone: lazyView(() => import('./PhoneBoard').then((m) => m.PhoneBoard)),
  Projector: lazyView(() => import('./ScreenBoard').then((m) => m.ScreenBoard)),
  Console: lazyView(() => import('./ConsoleBoard').then((m) => m.ConsoleBoard)),
  Report: lazyView(() => import('./ReportBoard').then((m) => m.ReportBoard)),
  exportFiles: () => import('./exportCsv').then((m) => m.boardExportFiles),
};
