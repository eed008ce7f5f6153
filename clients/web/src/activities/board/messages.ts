import { BoardPhase } from '../../gen/campana/v1/board_enums';
import { defineMessages } from '../../i18n/i18n';

// The board's texts every view shares, in both languages (see defineMessages). Each view
// keeps its own further texts beside it.
export const useBoardMessages = defineMessages({
  es: {
    board: 'Tablero',
    boardPhase: (phase: BoardPhase): string =>
      (
        ({
          [BoardPhase.WRITE]: 'Escribir',
          [BoardPhase.REVEAL]: 'Revelar',
          [BoardPhase.GROUP]: 'Agrupar',
          [BoardPhase.VOTE]: 'Votar',
          [BoardPhase.RESULTS]: 'Resultados',
        }) as Partial<Record<BoardPhase, string>>
      )[phase] ?? '',
    dotCount: (n: number) => (n === 1 ? '1 punto' : `${n} puntos`),
    noteCount: (n: number) => (n === 1 ? '1 nota' : `${n} notas`),
    anonymousAuthor: 'Anónimo',
    groupBoard: (g: number) => `Grupo ${g}`,
    roomBoard: 'Toda la sala',
    untitledCluster: 'Grupo de notas sin título',
  },
  en: {
    board: 'Board',
    boardPhase: (phase: BoardPhase): string =>
      (
        ({
          [BoardPhase.WRITE]: 'Write',
          [BoardPhase.REVEAL]: 'Reveal',
          [BoardPhase.GROUP]: 'Group',
          [BoardPhase.VOTE]: 'Vote',
          [BoardPhase.RESULTS]: 'Results',
        }) as Partial<Record<BoardPhase, string>>
      )[phase] ?? '',
    dotCount: (n: number) => (n === 1 ? '1 dot' : `${n} dots`),
    noteCount: (n: number) => (n === 1 ? '1 note' : `${n} notes`),
    anonymousAuthor: 'Anonymous',
    groupBoard: (g: number) => `Group ${g}`,
    roomBoard: 'The whole room',
    untitledCluster: 'Untitled cluster',
  },
});
