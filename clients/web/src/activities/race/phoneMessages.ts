import { defineMessages } from '../../i18n/i18n';

// Texts only the race's phone view uses (the shared race texts are in messages.ts).
export const usePhoneRaceMessages = defineMessages({
  es: {
    teamTime: (team: string) => `Tiempo del equipo ${team}`,
    lastRun: 'Último recorrido',
    lastRunVoided: 'Último recorrido: anulado',
    runsSoFar: (n: number) => (n === 1 ? '1 recorrido' : `${n} recorridos`),
    noTeamYet: 'Todavía no estás en un equipo: la facilitación los formará.',
    waitCaptain: 'Tu capitán controla el cronómetro.',
  },
  en: {
    teamTime: (team: string) => `Team ${team}'s time`,
    lastRun: 'Last run',
    lastRunVoided: 'Last run: void',
    runsSoFar: (n: number) => (n === 1 ? '1 run' : `${n} runs`),
    noTeamYet: 'You are not in a team yet: the facilitator will make them.',
    waitCaptain: 'Your captain runs the stopwatch.',
  },
});
