import { defineMessages } from '../../i18n/i18n';

// The race's texts in the report.
export const useRaceReportMessages = defineMessages({
  es: {
    raceReportTitle: 'Carrera por equipos',
    raceReportCaption: 'Tiempos de cada equipo',
    raceReportTeam: 'Equipo',
    raceReportUnnamed: 'sin nombre',
    raceReportRuns: 'Intentos',
    raceReportBest: 'Mejor tiempo',
    raceReportVoided: 'anulado (se cayó la pelota)',
    raceReportLate: 'fuera de plazo, no cuenta',
    raceReportNoTime: 'sin tiempo válido',
    raceReportWinner: (team: string, time: string) => `Ganó el equipo ${team}, con ${time}.`,
    raceReportNoWinner: 'Ningún equipo completó un intento válido: no hay ganador.',
    raceReportUnfinished: 'La carrera no había terminado al generar el informe: los tiempos son los de ese momento.',
  },
  en: {
    raceReportTitle: 'Team race',
    raceReportCaption: "Each team's times",
    raceReportTeam: 'Team',
    raceReportUnnamed: 'unnamed',
    raceReportRuns: 'Runs',
    raceReportBest: 'Best time',
    raceReportVoided: 'void (the ball fell)',
    raceReportLate: 'after the window, not counted',
    raceReportNoTime: 'no valid time',
    raceReportWinner: (team: string, time: string) => `Team ${team} won, in ${time}.`,
    raceReportNoWinner: 'No team completed a valid run: there is no winner.',
    raceReportUnfinished: 'The race had not finished when the report was made: the times are those of that moment.',
  },
});
