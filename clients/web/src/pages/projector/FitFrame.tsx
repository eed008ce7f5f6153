import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useProjectorMessages } from './messages';

// Type sizes, in hundredths of the screen's height (vh), so that 1920x1080 and 1280x720 look
// alike: a scene's body text starts at bodyVh and shrinks at most to floorVh, 28 px at 1080p.
export const bodyVh = 3.6;
export const floorVh = 2.6;
const scales = [1, 0.9, 0.8, floorVh / bodyVh];
const secondsPerPage = 8;

// Where each list's pages start (item indexes), and how many pages the frame has.
interface Layout {
  starts: number[][];
  pages: number;
}

// A scene's frame: whatever the scene holds is made to fit the frame without scrolling. Long
// lists flow into columns (the scene's CSS grids do that), then the type shrinks down to the
// floor, then the lists page by themselves, one page every few seconds, with a page indicator.
// A list that may page is an element with `data-fit-list`; its children are the items, each
// shown whole or not at all. Give such a list a bounded height (flex: 1 and min-height: 0 in a
// column that fills the frame): its items then fill it top to bottom, or column by column, and
// the first that lands outside it ends a page. Everything is measured in the DOM after each render and when the
// frame changes size: nothing here guesses how tall a line is.
export function FitFrame({ children }: { children: ComponentChildren }) {
  const m = useProjectorMessages();
  const frame = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(1);
  const [page, setPage] = useState(0);
  const [resized, setResized] = useState(0);

  // Whenever the scene renders anew (its content may have changed), the frame's size changes,
  // or the page turns. (A ticking clock re-renders only itself, not the scene.)
  useLayoutEffect(() => {
    const box = content.current;
    if (!box) return;
    const layout = fit(box);
    const current = page % layout.pages;
    show(box, layout, current);
    setPages(layout.pages);
    if (current !== page) setPage(current);
  }, [children, page, resized]);

  useEffect(() => {
    const box = frame.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setResized((n) => n + 1));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (pages < 2) return;
    const id = window.setInterval(() => setPage((p) => (p + 1) % pages), secondsPerPage * 1000);
    return () => window.clearInterval(id);
  }, [pages]);

  return (
    <div class="fit-frame" ref={frame}>
      <div class="fit-content" ref={content}>
        {children}
      </div>
      {pages > 1 && <p class="fit-pages">{m.pageOf(page + 1, pages)}</p>}
    </div>
  );
}

function listsIn(box: HTMLElement): HTMLElement[] {
  return Array.from(box.querySelectorAll<HTMLElement>('[data-fit-list]'));
}

function itemsOf(list: HTMLElement): HTMLElement[] {
  return Array.from(list.children) as HTMLElement[];
}

function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}

function fits(box: HTMLElement, lists: HTMLElement[]): boolean {
  return !overflows(box) && !lists.some(overflows);
}

// Largest type that fits; failing that, the floor and pages.
function fit(box: HTMLElement): Layout {
  const lists = listsIn(box);
  for (const list of lists) for (const item of itemsOf(list)) item.hidden = false;
  delete box.dataset.paged;
  for (const scale of scales) {
    box.style.fontSize = `${(bodyVh * scale).toFixed(3)}vh`;
    if (fits(box, lists)) return { starts: lists.map(() => [0]), pages: 1 };
  }
  // Room for the page indicator, below the lists.
  box.dataset.paged = '';
  const starts: number[][] = [];
  for (const list of lists) {
    const listStarts = pageStarts(box, list);
    starts.push(listStarts);
    // The next list is measured beside this one's first page, as it will be shown.
    showPage(list, listStarts, 0);
  }
  return { starts, pages: Math.max(1, ...starts.map((s) => s.length)) };
}

// Where each page of one list starts: the list is shown from an item on, and the page ends at
// the first item that is not wholly inside both the list and the frame.
function pageStarts(box: HTMLElement, list: HTMLElement): number[] {
  const items = itemsOf(list);
  const starts: number[] = [];
  for (let start = 0; start < items.length;) {
    starts.push(start);
    items.forEach((item, i) => (item.hidden = i < start));
    const outer = box.getBoundingClientRect();
    const inner = list.getBoundingClientRect();
    const bottom = Math.min(outer.bottom - parseFloat(getComputedStyle(box).paddingBottom), inner.bottom) + 0.5;
    const right = Math.min(outer.right, inner.right) + 0.5;
    let end = start;
    for (; end < items.length; end++) {
      const r = items[end]!.getBoundingClientRect();
      if (r.bottom > bottom || r.right > right) break;
    }
    // An item too big for a page of its own is shown alone (its text is clamped).
    start = Math.max(end, start + 1);
  }
  return starts;
}

function showPage(list: HTMLElement, starts: number[], page: number): void {
  const items = itemsOf(list);
  if (starts.length === 0) return;
  const k = page % starts.length;
  const from = starts[k]!;
  const to = starts[k + 1] ?? items.length;
  items.forEach((item, i) => (item.hidden = i < from || i >= to));
}

function show(box: HTMLElement, layout: Layout, page: number): void {
  listsIn(box).forEach((list, j) => showPage(list, layout.starts[j] ?? [0], page));
}
