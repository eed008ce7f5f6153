import { defineMessages } from '../../i18n/i18n';

// "Ana, Beto y Carla": the last two joined by the language's "and".
const joinNames = (names: string[], and: string) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;

// Speed dating's texts in the report.
export const useDatingReportMessages = defineMessages({
  es: {
    datingReportTitle: 'Citas rápidas',
    datingReportRounds: (n: number) => `${n} ${n === 1 ? 'cita' : 'citas'}`,
    datingReportRound: (n: number) => `Cita ${n}`,
    datingReportWho: 'Quiénes se encontraron',
    datingReportWhere: 'Dónde',
    datingReportNames: (names: string[]) => joinNames(names, 'y'),
    datingReportSomeone: 'alguien que ya dejó el taller',
    datingReportCall: 'Videollamada',
    datingReportTable: (n: number) => `Mesa ${n}`,
    datingReportNotes: 'Notas compartidas',
    datingReportSharing: (n: number) =>
      n === 0
        ? 'Nadie compartió sus notas con la facilitación.'
        : `${n} ${n === 1 ? 'participante compartió' : 'participantes compartieron'} sus notas con la facilitación; aquí aparecen sin su autor.`,
  },
  en: {
    datingReportTitle: 'Speed dating',
    datingReportRounds: (n: number) => `${n} ${n === 1 ? 'date' : 'dates'}`,
    datingReportRound: (n: number) => `Date ${n}`,
    datingReportWho: 'Who met',
    datingReportWhere: 'Where',
    datingReportNames: (names: string[]) => joinNames(names, 'and'),
    datingReportSomeone: 'someone who has left the workshop',
    datingReportCall: 'Video call',
    datingReportTable: (n: number) => `Table ${n}`,
    datingReportNotes: 'Shared notes',
    datingReportSharing: (n: number) =>
      n === 0
        ? 'Nobody shared their notes with the facilitators.'
        : `${n} ${n === 1 ? 'participant' : 'participants'} shared their notes with the facilitators; they appear here without their writers.`,
  },
});
