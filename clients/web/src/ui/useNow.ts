import { useEffect, useState } from 'preact/hooks';

// The current time, refreshed every `everyMs` while the component is shown.
export function useNow(everyMs = 200): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}
