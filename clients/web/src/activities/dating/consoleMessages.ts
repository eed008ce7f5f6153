import { defineMessages } from '../../i18n/i18n';
import type { DatingBlock } from './guards';

// The speed-dating console's own texts: why a button is off.
export const useDatingConsoleMessages = defineMessages({
  es: {
    datingBlocked: {
      tooFew: 'Hacen falta al menos dos personas conectadas.',
      noRound: 'Primero forma las parejas.',
      sharingStarted: 'Ya empezaron a compartir.',
      over: 'Esta cita terminó.',
      nobodySharing: 'Nadie está compartiendo.',
      everyoneShared: 'Ya compartieron todos: termina la cita.',
    } satisfies Record<DatingBlock, string>,
  },
  en: {
    datingBlocked: {
      tooFew: 'At least two people must be connected.',
      noRound: 'Make the pairs first.',
      sharingStarted: 'The sharing has already started.',
      over: 'This date is over.',
      nobodySharing: 'Nobody is sharing.',
      everyoneShared: 'Everyone has shared: end the date.',
    } satisfies Record<DatingBlock, string>,
  },
});
