import { actionPlan } from './action-plan/actionPlan';
import type { Activity } from './activity';
import { board } from './board/board';
import { cards } from './cards/cards';
import { dating } from './dating/dating';
import { liveQuestion } from './live-question/liveQuestion';
import { poll } from './poll/poll';
import { question } from './question/question';
import { race } from './race/race';

// Every activity the pages know: add a new one here, with its import, and nowhere else. The
// order is a precedence: the projector shows the first one that is on, the phone and the
// console list them in this order.
export const activities: readonly Activity[] = [liveQuestion, poll, race, cards, dating, board, actionPlan, question];
