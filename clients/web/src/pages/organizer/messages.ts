import { defineMessages } from '../../i18n/i18n';

// The organizer page's own texts, in both languages. They are here, not in i18n/es.ts and en.ts,
// so that a phone's first load does not carry them (as the console's, pages/console/messages.ts);
// the one the join page shows when the organizer's key is refused is there (organizerKeyRefused).
export const useOrganizerMessages = defineMessages({
  es: {
    organizer: 'Organización de talleres',
    loading: 'Cargando…',

    createHeading: 'Crear un taller',
    template: 'Plantilla',
    templateOption: (title: string, language: string, name: string, items: number) =>
      `${title} · ${language} · ${items} ${items === 1 ? 'actividad' : 'actividades'} (${name})`,
    noTemplates: 'El servidor no tiene plantillas: sube una abajo.',
    titleOptional: 'Título (opcional)',
    titleHint: 'Si lo dejas vacío, el taller lleva el título de la plantilla.',
    create: 'Crear',

    uploadHeading: 'Crear desde un archivo de plantilla',
    uploadHint:
      'Un archivo JSON como los de deploy/templates (docs/templates.md). Primero se revisa; si no tiene problemas, se crea el taller.',
    templateFile: 'Archivo de plantilla (JSON)',
    checkAndCreate: 'Revisar y crear',
    chooseFile: 'Primero elige un archivo.',
    notJson: 'Ese archivo no es JSON: elige una plantilla como las de deploy/templates.',
    problemsHeading: (n: number) =>
      n === 1
        ? 'La plantilla tiene 1 problema; no se creó nada:'
        : `La plantilla tiene ${n} problemas; no se creó nada:`,

    workshopsHeading: 'Talleres',
    newestFirst: 'Los más recientes primero.',
    noWorkshops: 'Todavía no hay talleres.',
    code: 'Código',
    createdAt: 'Creado',
    status: 'Estado',
    statusOpen: 'Abierto',
    statusClosed: 'Cerrado',
    agendaItems: 'Actividades',

    links: 'Enlaces',
    linksOf: (title: string) => `Enlaces de ${title}`,
    linksHeading: (title: string) => `Enlaces de «${title}»`,
    linksHint:
      'Los enlaces de la consola, del proyector y del informe llevan su clave: compártelos solo con quien facilita.',
    consoleLink: 'Consola de facilitación',
    projectorLink: 'Proyector',
    phonesLink: 'Teléfonos (para unirse)',
    reportLink: 'Informe',

    duplicate: 'Duplicar',
    duplicateWho: (title: string) => `Duplicar ${title}`,
    closeWorkshop: 'Cerrar',
    closeWho: (title: string) => `Cerrar ${title}`,
    confirmClose: (title: string) => `¿Cerrar «${title}»? Nadie más podrá unirse; el informe se conserva.`,
    closeYes: 'Cerrar el taller',
    alreadyClosed: 'Ya está cerrado.',

    nextSession: 'Siguiente sesión',
    nextSessionOf: (title: string) => `Siguiente sesión de ${title}`,
    nextHeading: (title: string) => `Siguiente sesión de «${title}»`,
    nextHint:
      'Empieza con las mismas personas, con su mismo código personal: sus teléfonos entran solos, como la misma persona.',
    nextAgenda: 'Agenda',
    sameAgenda: (title: string) => `La misma agenda otra vez («${title}»)`,
    keepGroups: 'Mantener los grupos',
    createNext: 'Crear la siguiente sesión',

    series: 'Serie',
    seriesPlace: (series: string, session: number) => `${series} · sesión ${session}`,
    seriesAttendance: 'Asistencia de la serie',
    seriesAttendanceOf: (title: string) => `Asistencia de la serie de ${title}`,
    attendanceCaption: (series: string) => `Asistencia de la serie ${series}`,
    person: 'Persona',
    sessionNumber: (n: number) => `Sesión ${n}`,
    dayNumber: (n: number) => `Día ${n}`,
    present: 'presente',
    absent: 'ausente',
    totalPresent: 'Presentes',
    attendanceLegend: '✓: vino. —: estaba en la lista y no vino. Vacío: no estaba en esa sesión.',
    nobodyInSeries: 'Todavía no hay nadie en esta serie.',
    deleteWorkshop: 'Eliminar',
    deleteWho: (title: string) => `Eliminar ${title}`,
    deleteHeading: (title: string) => `¿Eliminar «${title}»?`,
    deleteWarning:
      'Esto no se puede deshacer: se borran el taller, sus participantes, sus respuestas y su informe. Descarga antes lo que quieras conservar (desde la consola).',
    typeTitle: 'Para confirmar, escribe el título del taller',
    deleteForGood: 'Eliminar para siempre',
    titleMismatch: 'Ese no es el título del taller: no se eliminó nada.',

    createdNotice: (title: string, code: string) => `Taller creado: «${title}» (${code}).`,
    closedNotice: (title: string) => `Se cerró «${title}».`,
    deletedNotice: (title: string) => `Se eliminó «${title}».`,

    apiError: {
      network: 'Sin conexión con el servidor. Inténtalo de nuevo.',
      refusedKey: 'La clave de organización no es válida.',
      notFound: 'Ese taller ya no existe.',
      badRequest: 'El servidor no entendió la petición: revisa los datos.',
      conflict: 'No se pudo: el taller cambió o la confirmación no coincide.',
      invalidTemplate: 'La plantilla tiene problemas; no se creó nada.',
      tooLarge: 'El archivo es demasiado grande.',
      methodNotAllowed: 'Este servidor no ofrece esa operación.',
      badReply: 'El servidor respondió algo que esta página no entiende. ¿Está actualizado?',
      unknown: (status: number) => `Algo falló en el servidor (HTTP ${status}). Inténtalo de nuevo.`,
    },
  },
  en: {
    organizer: 'Workshop organizer',
    loading: 'Loading…',

    createHeading: 'Create a workshop',
    template: 'Template',
    templateOption: (title: string, language: string, name: string, items: number) =>
      `${title} · ${language} · ${items} ${items === 1 ? 'item' : 'items'} (${name})`,
    noTemplates: 'The server has no templates: upload one below.',
    titleOptional: 'Title (optional)',
    titleHint: 'Leave it empty to use the template’s title.',
    create: 'Create',

    uploadHeading: 'Create from a template file',
    uploadHint:
      'A JSON file like those in deploy/templates (docs/templates.md). It is checked first; if it has no problems, the workshop is created.',
    templateFile: 'Template file (JSON)',
    checkAndCreate: 'Check and create',
    chooseFile: 'Choose a file first.',
    notJson: 'That file is not JSON: choose a template like those in deploy/templates.',
    problemsHeading: (n: number) =>
      n === 1
        ? 'The template has 1 problem; nothing was created:'
        : `The template has ${n} problems; nothing was created:`,

    workshopsHeading: 'Workshops',
    newestFirst: 'Newest first.',
    noWorkshops: 'No workshops yet.',
    code: 'Code',
    createdAt: 'Created',
    status: 'Status',
    statusOpen: 'Open',
    statusClosed: 'Closed',
    agendaItems: 'Agenda items',

    links: 'Links',
    linksOf: (title: string) => `Links for ${title}`,
    linksHeading: (title: string) => `Links for “${title}”`,
    linksHint: 'The console, projector and report links carry their key: share them with facilitators only.',
    consoleLink: 'Facilitator console',
    projectorLink: 'Projector',
    phonesLink: 'Phones (to join)',
    reportLink: 'Report',

    duplicate: 'Duplicate',
    duplicateWho: (title: string) => `Duplicate ${title}`,
    closeWorkshop: 'Close',
    closeWho: (title: string) => `Close ${title}`,
    confirmClose: (title: string) => `Close “${title}”? Nobody else will be able to join; the report stays.`,
    closeYes: 'Close the workshop',
    alreadyClosed: 'Already closed.',

    nextSession: 'Next session',
    nextSessionOf: (title: string) => `Next session of ${title}`,
    nextHeading: (title: string) => `Next session of “${title}”`,
    nextHint:
      'It starts with the same people, with the same personal codes: their phones come in by themselves, as the same person.',
    nextAgenda: 'Agenda',
    sameAgenda: (title: string) => `The same agenda again (“${title}”)`,
    keepGroups: 'Keep the groups',
    createNext: 'Create the next session',

    series: 'Series',
    seriesPlace: (series: string, session: number) => `${series} · session ${session}`,
    seriesAttendance: 'Series attendance',
    seriesAttendanceOf: (title: string) => `Series attendance of ${title}`,
    attendanceCaption: (series: string) => `Attendance over the series ${series}`,
    person: 'Person',
    sessionNumber: (n: number) => `Session ${n}`,
    dayNumber: (n: number) => `Day ${n}`,
    present: 'present',
    absent: 'absent',
    totalPresent: 'Present',
    attendanceLegend: '✓: came. —: on the list, did not come. Blank: not in that session.',
    nobodyInSeries: 'Nobody in this series yet.',
    deleteWorkshop: 'Delete',
    deleteWho: (title: string) => `Delete ${title}`,
    deleteHeading: (title: string) => `Delete “${title}”?`,
    deleteWarning:
      'This cannot be undone: the workshop, its participants, their answers and its report are erased. Download what you want to keep first (from the console).',
    typeTitle: 'To confirm, type the workshop’s title',
    deleteForGood: 'Delete for good',
    titleMismatch: 'That is not the workshop’s title: nothing was deleted.',

    createdNotice: (title: string, code: string) => `Workshop created: “${title}” (${code}).`,
    closedNotice: (title: string) => `“${title}” is closed.`,
    deletedNotice: (title: string) => `“${title}” was deleted.`,

    apiError: {
      network: 'No connection to the server. Try again.',
      refusedKey: 'The organizer key is not valid.',
      notFound: 'That workshop no longer exists.',
      badRequest: 'The server did not understand the request: check the values.',
      conflict: 'Not done: the workshop changed or the confirmation does not match.',
      invalidTemplate: 'The template has problems; nothing was created.',
      tooLarge: 'The file is too large.',
      methodNotAllowed: 'This server does not offer that.',
      badReply: 'The server answered something this page does not understand. Is it up to date?',
      unknown: (status: number) => `Something failed on the server (HTTP ${status}). Try again.`,
    },
  },
});

export type OrganizerMessages = ReturnType<typeof useOrganizerMessages>;
