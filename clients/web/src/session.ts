import { useEffect, useMemo, useState } from 'preact/hooks';
import { BellScheduler, type RingOptions } from './bell';
import type { Role } from './gen/campana/v1/common_enums';
import { Clock } from './net/clock';
import { Connection } from './net/connection';
import { WorkshopStorage } from './net/storage';
import { View } from './state/view';

export interface Session {
  code: string;
  view: View;
  clock: Clock;
  connection: Connection;
  flashing: boolean;
}

// Everything one page needs for one workshop, started on mount and stopped on unmount.
// facilitatorKey (the console) and projectorKey (the projector) come from the page's URL
// fragment, which the browser never sends to a server: they leave the device only in Hello.
export function useSession(
  code: string,
  role: Role,
  ring: Omit<RingOptions, 'onRing'>,
  keys: { facilitatorKey?: string; projectorKey?: string } = {},
): Session {
  const [flashing, setFlashing] = useState(false);
  const [, setTick] = useState(0);
  const parts = useMemo(() => {
    const view = new View();
    const clock = new Clock();
    const connection = new Connection({ code, role, ...keys, view, clock, storage: new WorkshopStorage(code) });
    const bells = new BellScheduler(view, clock, {
      ...ring,
      onRing: () => {
        setFlashing(true);
        window.setTimeout(() => setFlashing(false), 900);
      },
    });
    return { view, clock, connection, bells };
    // One session per page load: the arguments do not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, role]);
  useEffect(() => {
    const off = parts.connection.onChange(() => setTick((n) => n + 1));
    parts.connection.start();
    parts.bells.start();
    return () => {
      off();
      parts.bells.stop();
      parts.connection.stop();
    };
  }, [parts]);
  return { code, view: parts.view, clock: parts.clock, connection: parts.connection, flashing };
}
