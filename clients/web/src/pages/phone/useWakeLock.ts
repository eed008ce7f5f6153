import { useEffect, useState } from 'preact/hooks';

// 'held': the screen stays on; 'unavailable': this browser has no Screen Wake Lock (an older
// phone, or a page not served over HTTPS); 'refused': it has one and said no (battery saver).
export type WakeLockState = 'pending' | 'held' | 'unavailable' | 'refused';

// Keeps the screen on while `wanted`: a phone lying on the table must not go dark in the
// middle of a race. The browser drops the lock whenever the page is hidden, so it is asked
// again each time the page comes back.
export function useWakeLock(wanted: boolean): WakeLockState {
  const [state, setState] = useState<WakeLockState>('pending');
  useEffect(() => {
    if (!wanted) return;
    if (!('wakeLock' in navigator)) {
      setState('unavailable');
      return;
    }
    let sentinel: WakeLockSentinel | undefined;
    let stopped = false;
    const request = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const next = await navigator.wakeLock.request('screen');
        if (stopped) void next.release();
        else {
          sentinel = next;
          setState('held');
        }
      } catch {
        if (!stopped) setState('refused');
      }
    };
    const onVisibility = () => void request();
    document.addEventListener('visibilitychange', onVisibility);
    void request();
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release();
    };
  }, [wanted]);
  return state;
}
