import { useEffect, useState } from 'preact/hooks';
import { RejectionCode } from '../gen/campana/v1/wire_enums';
import { en } from './en';
import { es, type Messages } from './es';

export type Language = 'es' | 'en';
const catalogs: Record<Language, Messages> = { es, en };
const storageKey = 'campana:language';
const listeners = new Set<() => void>();

// The person's own choice first, then the browser's language, then Spanish.
function initialLanguage(): Language {
  const chosen = localStorage.getItem(storageKey);
  if (chosen === 'es' || chosen === 'en') return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (tag.toLowerCase().startsWith('es')) return 'es';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'es';
}

let current: Language = initialLanguage();
document.documentElement.lang = current;

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

// The page shows this language without making it the person's choice (the report is in the
// workshop's language, whatever the facilitator's console is in).
export function showIn(next: Language): void {
  current = next;
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function messages(): Messages {
  return catalogs[current];
}

// The page's language; re-renders the component when it changes.
export function useLanguage(): Language {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return current;
}

// The shared texts, in the page's language.
export function useMessages(): Messages {
  return catalogs[useLanguage()];
}

// The shared texts' names, which an activity's own texts may not take.
type NoClash<T> = { [K in keyof T & keyof Messages]: never };

// An activity's own texts, in Spanish and English, merged with the shared ones: the hook it
// returns gives the activity both, in the page's language. Only `es` decides which texts
// there are (NoInfer), so an English text missing, or one Spanish does not have, fails the
// type check; so does a name the shared texts already use. Its `in(language)` gives the texts of
// a language outside a component (the console's zip is written in the workshop's language).
export function defineMessages<T extends object>(own: {
  es: T & NoClash<T>;
  en: NoInfer<T>;
}): (() => Messages & T) & { in: (language: Language) => Messages & T } {
  const merged: Record<Language, Messages & T> = { es: { ...es, ...own.es }, en: { ...en, ...own.en } };
  return Object.assign(() => merged[useLanguage()], { in: (language: Language) => merged[language] });
}

export function rejectionText(m: Messages, code: RejectionCode | 'unsent'): string {
  switch (code) {
    case 'unsent':
      return m.rejection.unsent;
    case RejectionCode.INVALID_MESSAGE:
      return m.rejection.invalidMessage;
    case RejectionCode.UNKNOWN_WORKSHOP:
      return m.rejection.unknownWorkshop;
    case RejectionCode.INVALID_NAME:
      return m.rejection.invalidName;
    case RejectionCode.NAME_TAKEN:
      return m.rejection.nameTaken;
    case RejectionCode.PERMISSION_DENIED:
      return m.rejection.permissionDenied;
    case RejectionCode.NOT_JOINED:
      return m.rejection.notJoined;
    case RejectionCode.INVALID_ARGUMENT:
      return m.rejection.invalidArgument;
    case RejectionCode.FAILED_PRECONDITION:
      return m.rejection.failedPrecondition;
    case RejectionCode.NOT_FOUND:
      return m.rejection.notFound;
    case RejectionCode.UNKNOWN_TOKEN:
      return m.rejection.unknownToken;
    case RejectionCode.ALREADY_JOINED:
      return m.rejection.alreadyJoined;
    case RejectionCode.BUSY:
      return m.rejection.busy;
    case RejectionCode.REMOVED:
      return m.rejection.removed;
    case RejectionCode.CONFLICT:
      return m.rejection.conflict;
    case RejectionCode.CLOSED:
      return m.rejection.closed;
    default:
      return m.rejection.invalidMessage;
  }
}
