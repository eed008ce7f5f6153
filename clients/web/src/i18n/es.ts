// Spanish: the language the first workshop ran in. Every string the pages share is here and in
// en.ts, which must have the same keys (the type checker enforces it). Each activity keeps its
// own texts beside it, in src/activities/<name>/messages.ts (see defineMessages in i18n.ts), and
// the console keeps those only it uses in src/pages/console/messages.ts, so a phone never loads them.
export const es = {
  appName: 'Campana',
  language: 'Idioma',
  languageSpanish: 'Español',
  languageEnglish: 'English',
  connecting: 'Conectando…',
  reconnecting: 'Sin conexión. Reintentando…',
  online: 'Conectado',
  unknownWorkshop: 'No hay ningún taller con ese código.',
  wrongKey: 'La clave de facilitación no es válida para este taller.',
  codeLabel: 'Código del taller',
  codeHint: 'Está en la pantalla de la sala',
  close: 'Cerrar',
  enter: 'Entrar',
  organizerKeyRefused:
    'La clave de organización no es válida (o ya no lo es). Para entrar a un taller, escribe su código.',

  // Phone
  yourName: 'Tu nombre',
  whereAreYou: '¿Dónde estás?',
  inRoom: 'En la sala',
  remote: 'En línea',
  join: 'Unirme',
  joining: 'Uniéndome…',
  group: (n: number) => `Grupo ${n}`,
  team: (name: string) => `Equipo ${name}`,
  teams: 'Equipos',
  noGroupYet: 'Todavía sin grupo',
  yourGroup: 'Tu grupo',
  chooseGroup: 'Elige tu grupo',
  chooseThisGroup: (n: number) => `Unirme al grupo ${n}`,
  removed: 'La facilitación te quitó del taller. Puedes volver a unirte.',
  keptOutTitle: 'No puedes volver a entrar por ahora',
  keptOutText:
    'La facilitación te quitó de este taller y pidió que este dispositivo no vuelva a entrar. Si crees que es un error, habla con la persona que facilita.',
  tryAgain: 'Intentar de nuevo',
  notStarted: 'El taller aún no ha comenzado.',
  yourAnswer: 'Tu respuesta',
  send: 'Enviar',
  pendingAnswers: (n: number) => `${n} por enviar: se enviarán al reconectar`,
  pendingBusy: (n: number) => `${n} por enviar: el servidor está muy ocupado; seguimos intentando`,
  answerRefused: 'Una respuesta no se guardó.',
  stillJoining: 'Mucha gente está entrando a la vez. Seguimos intentando…',
  yourAnswers: 'Tus respuestas',
  enableSound: 'Activar sonido',

  // Timers
  timers: 'Temporizadores',
  timeUp: '¡Tiempo!',
  paused: 'En pausa',
  ready: 'Listo',

  // Projector
  joinAt: 'Únete en',
  orScan: 'o escanea el código',
  peopleHere: (n: number) => `${n} ${n === 1 ? 'persona' : 'personas'}`,
  inRoomCount: (n: number) => `${n} en la sala`,
  remoteCount: (n: number) => `${n} en línea`,
  answers: 'Respuestas',
  anonymous: 'Anónimo',
  qrAlt: (url: string) => `Código QR para unirse: ${url}`,
  publicScreen: 'Vista pública: sin nombres. Para ver a las personas, abre el enlace del proyector que da la consola.',

  // The console, the projector and src/ui/
  people: 'Participantes',
  cancel: 'Cancelar',
  noAnswers: 'Aún no hay respuestas.',
  showAll: 'Ver completa',
  showLess: 'Ver menos',

  // Rejections, by code
  rejection: {
    invalidMessage: 'El servidor no entendió el mensaje.',
    unknownWorkshop: 'No hay ningún taller con ese código.',
    invalidName:
      'Ese nombre no sirve: usa de 1 a 40 caracteres, con alguna letra o número, sin montones de acentos sobre una letra y que no sea el de un rol (como «Facilitador»).',
    nameTaken: 'Alguien de este taller ya tiene ese nombre: agrega una inicial o tu apellido.',
    permissionDenied: 'No tienes permiso para hacer eso.',
    notJoined: 'Primero únete al taller.',
    invalidArgument: 'Revisa los datos: algún valor no es válido.',
    failedPrecondition: 'Eso no se puede hacer ahora.',
    notFound: 'Ya no existe.',
    unknownToken: 'Tu lugar en el taller ya no existe; únete de nuevo.',
    alreadyJoined: 'Este dispositivo ya se unió.',
    busy: 'Demasiadas acciones seguidas; espera un momento.',
    removed: 'La facilitación no permite que este dispositivo vuelva a entrar.',
    conflict: 'Otra persona lo cambió primero: no se guardó nada. Revisa su versión.',
    closed: 'Este taller ya terminó: no se puede entrar.',
    unsent: 'Sin conexión: no se envió. Inténtalo de nuevo.',
  },
};

export type Messages = typeof es;
