import { type FunctionComponent, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// A view whose code is its own chunk, fetched the first time it is shown (or ahead, with
// preload()). Each activity's phone, projector and console views are lazy: a phone downloads
// the phone's views, not the console's. Until the chunk has arrived the view renders nothing;
// a failed fetch (offline) is tried again a few times while it is shown, and the next time it
// is shown.
export type LazyView<P> = FunctionComponent<P> & { preload(): Promise<void> };

const retryDelaysMs = [1000, 3000, 10_000, 30_000];

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
    const rendered = loaded;
    useEffect(() => {
      // The chunk may have arrived (preloaded) between this render and this effect: render
      // again, or the view would stay empty until something else re-renders its parent.
      if (loaded) {
        if (!rendered) setReady(true);
        return;
      }
      // A failed fetch (the Wi-Fi dropped for a moment) is tried again a few times while the
      // view is on, so that a panel does not stay empty until the page is reloaded.
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stale = false; // unmounted, or rendered since with the view
      const attempt = (tries: number) => {
        preload().then(
          () => !stale && setReady(true),
          (error: unknown) => {
            console.warn('a view could not be loaded', error);
            if (!stale && tries < retryDelaysMs.length)
              timer = setTimeout(() => attempt(tries + 1), retryDelaysMs[tries]);
          },
        );
      };
      attempt(0);
      return () => {
        stale = true;
        clearTimeout(timer);
      };
    }, [rendered]);
    return rendered ? h(rendered, props) : null;
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
