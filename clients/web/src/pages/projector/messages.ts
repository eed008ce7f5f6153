import { defineMessages } from '../../i18n/i18n';

// The projector's own texts, in both languages (see defineMessages).
export const useProjectorMessages = defineMessages({
  es: {
    pageOf: (page: number, pages: number) => `Página ${page} de ${pages}`,
    soundHint: 'Haz clic aquí una vez para oír la campana (el navegador lo exige)',
    soundReady: 'Sonido de la campana activado',
    groupsAndTeams: 'Grupos y equipos',
    noGroupsYet: 'Todavía no hay grupos.',
    groupSize: (n: number) => `${n} ${n === 1 ? 'persona' : 'personas'}`,
    teamOf: (groups: string) => `grupos ${groups}`,
    noTimers: 'No hay temporizadores.',
    welcome: 'Bienvenida',
    notStartedYet: 'El taller comenzará en un momento.',
    comingNext: (title: string) => `A continuación: ${title}`,
    scanToJoin: 'Escanea para unirte',
    joinCorner: 'Código para unirse',
  },
  en: {
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    soundHint: 'Click here once to hear the bell (the browser requires it)',
    soundReady: 'Bell sound on',
    groupsAndTeams: 'Groups and teams',
    noGroupsYet: 'No groups yet.',
    groupSize: (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`,
    teamOf: (groups: string) => `groups ${groups}`,
    noTimers: 'No timers.',
    welcome: 'Welcome',
    notStartedYet: 'The workshop will begin in a moment.',
    comingNext: (title: string) => `Next: ${title}`,
    scanToJoin: 'Scan to join',
    joinCorner: 'Code to join',
  },
});
