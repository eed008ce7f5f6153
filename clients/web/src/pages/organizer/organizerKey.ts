// The organizer's key: it arrives once in the address's fragment (/#key=...), which browsers
// never send to a server or put in a Referer, and is kept in localStorage so that `/` opens the
// organizer page again. main.tsx reads it before choosing a page, so this module is small and
// imports nothing: a phone's first load carries it, not the organizer page.

export const organizerKeyName = 'campana:organizer:key';

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Where the key is read from and kept: the browser's, or a test's fakes.
export interface KeyPlace {
  hash: string; // location.hash, with its '#'
  storage: KeyStorage;
  dropFragment: () => void; // takes the fragment out of the address bar
}

function browserPlace(): KeyPlace {
  return {
    hash: location.hash,
    storage: localStorage,
    dropFragment: () => history.replaceState(history.state, '', location.pathname + location.search),
  };
}

// The key in a fragment such as '#key=abc'; '' when there is none. undefined: the fragment does
// not name a key at all (it is left where it is).
export function keyInFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has('key') ? (params.get('key') ?? '').trim() : undefined;
}

// The key to use: a fresh one from the fragment (kept, and taken out of the address bar, where
// it would stay in view and in the history), else the one kept earlier; '' when there is none.
export function takeOrganizerKey(place: KeyPlace = browserPlace()): string {
  const fresh = keyInFragment(place.hash);
  if (fresh !== undefined) place.dropFragment();
  try {
    if (fresh) place.storage.setItem(organizerKeyName, fresh);
    return fresh || (place.storage.getItem(organizerKeyName) ?? '');
  } catch {
    // Storage is off (a private window may refuse it): the key works until the page reloads.
    return fresh ?? '';
  }
}

// A key the server refused (401, 403) is forgotten: `/` is the join page again.
export function forgetOrganizerKey(storage: KeyStorage = localStorage): void {
  try {
    storage.removeItem(organizerKeyName);
  } catch {
    // Nothing was kept.
  }
}
