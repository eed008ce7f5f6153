import { defineMessages } from '../../i18n/i18n';

// The phone shell's own texts, in both languages (see defineMessages).
export const usePhoneMessages = defineMessages({
  es: {
    now: 'Ahora',
    aboutMe: 'Tu lugar en el taller',
    openMenu: 'Tu grupo, idioma y ayuda',
    notesTitle: 'Notas de este momento',
    nothingToDo: 'Por ahora no hay nada que hacer en el teléfono: escucha a la facilitación.',
    nextUp: (title: string) => `Después: ${title}`,
    lastItem: 'Es el último momento del taller.',
    firstUp: (title: string) => `Empezamos con: ${title}`,
    waitStart: 'La facilitación abrirá el primer momento. Deja esta página abierta.',
    yourMates: (n: number) => (n === 1 ? 'Con 1 persona más' : `Con ${n} personas más`),
    aloneInGroup: 'Por ahora no hay nadie más en tu grupo.',
    noGroupMates: 'Cuando haya grupos, aquí verás a tu grupo.',
    help: 'Ayuda',
    helpText:
      'Lo que pasa ahora está siempre arriba. Cuando se acaba un tiempo, la pantalla parpadea y, si el teléfono lo permite, suena y vibra. Si pierdes la conexión, tus respuestas esperan en el teléfono y se envían solas.',
    keepAwakeOff: 'Este teléfono no permite que la página lo mantenga encendido: toca la pantalla de vez en cuando.',
    soundNeedsTap:
      'Toca el botón para que la campana también suene y vibre en este teléfono (la pantalla parpadea de todos modos).',
    enableBell: 'Activar sonido y vibración',
    soundReady: 'Sonido activado.',
    alreadyIn: '¿Ya participas desde otro teléfono?',
    joinWithName: 'Unirme con mi nombre',
    yourCode: 'Tu código personal',
    yourCodeHint: 'Está en tu otro teléfono, en «Mi código personal», o te lo da la facilitación.',
    joinWithCode: 'Entrar con mi código',
    codeShape: 'Un código personal tiene 8 letras y números, como K7M4-QP2X.',
    codeNobodys: 'Ese código no es de nadie en este taller.',
    myCode: 'Mi código personal',
    myCodeText:
      'Si cambias de teléfono, toca «¿Ya participas desde otro teléfono?» en el nuevo y escribe este código para seguir siendo tú.',
  },
  en: {
    now: 'Now',
    aboutMe: 'Your place in the workshop',
    openMenu: 'Your group, language and help',
    notesTitle: 'Notes for this moment',
    nothingToDo: 'Nothing to do on your phone for now: listen to the facilitator.',
    nextUp: (title: string) => `Next: ${title}`,
    lastItem: 'This is the last moment of the workshop.',
    firstUp: (title: string) => `We start with: ${title}`,
    waitStart: 'The facilitator will open the first moment. Keep this page open.',
    yourMates: (n: number) => (n === 1 ? 'With 1 other person' : `With ${n} other people`),
    aloneInGroup: 'Nobody else is in your group yet.',
    noGroupMates: 'Once there are groups, your group shows here.',
    help: 'Help',
    helpText:
      'What is happening now is always at the top. When a time is up, the screen flashes and, where the phone allows it, it rings and vibrates. If you lose the connection, your answers wait on the phone and are sent by themselves.',
    keepAwakeOff: 'This phone does not let the page keep the screen on: touch the screen now and then.',
    soundNeedsTap:
      'Tap the button so the bell can also ring and vibrate on this phone (the screen flashes either way).',
    enableBell: 'Turn on sound and vibration',
    soundReady: 'Sound is on.',
    alreadyIn: 'Already in from another phone?',
    joinWithName: 'Join with my name',
    yourCode: 'Your personal code',
    yourCodeHint: 'It is on your other phone, under “My personal code”, or the facilitator gives it to you.',
    joinWithCode: 'Come in with my code',
    codeShape: 'A personal code has 8 letters and digits, like K7M4-QP2X.',
    codeNobodys: 'That code is nobody’s in this workshop.',
    myCode: 'My personal code',
    myCodeText:
      'If you change phones, tap “Already in from another phone?” on the new one and type this code to keep being you.',
  },
});
