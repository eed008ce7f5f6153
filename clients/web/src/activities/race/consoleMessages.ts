import { defineMessages } from '../../i18n/i18n';
import type { RaceBlock } from './guards';

// The race console's own texts: why a button is off, and the question before finishing.
export const useRaceConsoleMessages = defineMessages({
  es: {
    raceBlocked: {
      noRace: 'No hay carrera en este punto.',
      strategyStarted: 'La estrategia ya empezó.',
      windowOpened: 'La ventana de ejecución ya está abierta.',
      finished: 'La carrera ya terminó.',
      windowNotOpen: 'La ventana de ejecución no está abierta.',
      windowClosed: 'La ventana de ejecución ya se cerró.',
      running: 'El cronómetro ya corre.',
      notRunning: 'El cronómetro no corre.',
      penalty: 'El equipo espera su penalización.',
      tooShort: 'Un recorrido dura al menos 1 segundo.',
    } satisfies Record<RaceBlock, string>,
    finishQuestion: '¿Terminar la carrera? Gana el mejor tiempo de ahora y ya no se toman más recorridos.',
    finishYes: 'Sí, terminar la carrera',
  },
  en: {
    raceBlocked: {
      noRace: 'There is no race at this item.',
      strategyStarted: 'The strategy time has started.',
      windowOpened: 'The execution window is already open.',
      finished: 'The race is over.',
      windowNotOpen: 'The execution window is not open.',
      windowClosed: 'The execution window has closed.',
      running: 'The stopwatch is already running.',
      notRunning: 'The stopwatch is not running.',
      penalty: 'The team is waiting out its penalty.',
      tooShort: 'A run takes at least 1 second.',
    },
    finishQuestion: 'Finish the race? The best time now wins and no more runs are taken.',
    finishYes: 'Yes, finish the race',
  },
});
