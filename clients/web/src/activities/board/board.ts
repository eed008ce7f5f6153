import { Agenda_Activity } from '../../gen/campana/v1/docs_pb';
import type { Activity } from '../activity';

// Boards of notes (the SDG map, the dream/nightmare grid, "do less / do more"): on during a
// board item of the agenda. The selectors every view shares are in boardView.ts.
export const board: Activity = {
  name: 'board',
  agenda: Agenda_Activity.BOARD,
};
