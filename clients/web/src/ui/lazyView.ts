import { type FunctionComponent, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// A view whose code is its own chunk, fetched the first time it is shown (or ahead, with
// preload()). Each activity's phone, projector and console views are lazy: a phone downloads
// the phone's views, not the console's. Until the chunk has arrived the view renders nothing;
// a failed fetch (offline) is tried again the next time the view is shown.
export type LazyView<P> = FunctionComponent<P> & { preload(): Promise<void> };

export function lazyView<P extends object>(load: () => Promise<FunctionComponent<P>>): LazyView<P> {
  let loaded: FunctionComponent<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!loaded) preload().then(() => setReady(true), console.warn);
    }, []);
    return loaded ? h(loaded, props) : null;
  }
  return Object.assign(Lazy, { preload });
}

// Fetches the given views now; resolves when all have arrived or failed.
export async function loadViews(views: readonly unknown[]): Promise<void> {
  const loads: Promise<void>[] = [];
  for (const view of views) {
    const preload = (view as Partial<LazyView<object>> | undefined)?.preload;
    if (preload) loads.push(preload());
  }
  await Promise.allSettled(loads);
}

// Fetches the given views ahead of need, once the page is idle.
export function preloadViews(views: readonly unknown[]): void {
  const start = () => void loadViews(views);
  if ('requestIdleCallback' in window) requestIdleCallback(start);
  else setTimeout(start, 0);
}
