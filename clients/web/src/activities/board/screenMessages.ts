import { defineMessages } from '../../i18n/i18n';

// The board's texts on the projector only, in both languages (see defineMessages).
export const useBoardScreenMessages = defineMessages({
  es: {
    boardWriting: 'Escribiendo…',
    boardWritingPrivately:
      'Cada persona escribe sus notas en su teléfono. Se verán aquí cuando la facilitación las revele.',
    boardAllGroups: 'Todos los grupos',
    boardGroupTag: (g: number) => `G${g}`,
    boardNoNotes: 'Aún no hay notas.',
    boardNoDots: 'Nadie ha votado.',
    boardLinks: (n: number) => (n === 1 ? '1 enlace' : `${n} enlaces`),
    boardAlsoFor: 'También para',
    boardCell: (column: string, row: string) => (row ? `${column} · ${row}` : column),
    boardRanking: 'Lo más votado',
    boardMoreNotes: (n: number) => `y ${n} más`,
    boardMoreInCell: (n: number) => `y ${n} ${n === 1 ? 'nota' : 'notas'} más`,
    boardTopOf: (shown: number, total: number) => `Los ${shown} primeros de ${total}`,
  },
  en: {
    boardWriting: 'Writing…',
    boardWritingPrivately:
      'Everyone writes their notes on their phone. They will show here when the facilitator reveals them.',
    boardAllGroups: 'All groups',
    boardGroupTag: (g: number) => `G${g}`,
    boardNoNotes: 'No notes yet.',
    boardNoDots: 'Nobody has voted.',
    boardLinks: (n: number) => (n === 1 ? '1 link' : `${n} links`),
    boardAlsoFor: 'Also for',
    boardCell: (column: string, row: string) => (row ? `${column} · ${row}` : column),
    boardRanking: 'Most voted',
    boardMoreNotes: (n: number) => `and ${n} more`,
    boardMoreInCell: (n: number) => `and ${n} more ${n === 1 ? 'note' : 'notes'}`,
    boardTopOf: (shown: number, total: number) => `The first ${shown} of ${total}`,
  },
});
