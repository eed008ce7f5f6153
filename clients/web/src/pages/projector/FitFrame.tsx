import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useProjectorMessages } from './messages';

// Type sizes, in hundredths of the screen's height (vh), so that 1920x1080 and 1280x720 look
// alike: a scene's body text starts at bodyVh and shrinks at most to floorVh, 28 px at 1080p.
export const bodyVh = 3.6;
export const floorVh = 2.6;
const floorScale = floorVh / bodyVh;
const betweenScales = [0.9, 0.8];
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
  // The last measurement, and what it was made for: turning a page measures nothing again.
  const measured = useRef<{ layout: Layout; children: ComponentChildren; resized: number }>();

  // Whenever the scene renders anew (its content may have changed), the frame's size changes,
  // or the page turns. (A ticking clock re-renders only itself, not the scene.)
  useLayoutEffect(() => {
    const box = content.current;
    if (!box) return;
    let last = measured.current;
    if (last === undefined || last.children !== children || last.resized !== resized) {
      last = { layout: fit(box), children, resized };
      measured.current = last;
    }
    const { layout } = last;
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

// Each call lays the scene out again: with hundreds of items that is the costly part, so as
// few as possible (two, usually: the full size, then the floor).
function fitsAt(box: HTMLElement, lists: HTMLElement[], scale: number): boolean {
  box.style.fontSize = `${(bodyVh * scale).toFixed(3)}vh`;
  return !overflows(box) && !lists.some(overflows);
}

// The largest type that fits; failing that, the floor and pages.
function fit(box: HTMLElement): Layout {
  const lists = listsIn(box);
  for (const list of lists) for (const item of itemsOf(list)) item.hidden = false;
  delete box.dataset.paged;
  const single = { starts: lists.map(() => [0]), pages: 1 };
  if (fitsAt(box, lists, 1)) return single;
  if (fitsAt(box, lists, floorScale)) {
    for (const scale of betweenScales) if (fitsAt(box, lists, scale)) return single;
    fitsAt(box, lists, floorScale);
    return single;
  }
  // Room for the page indicator, below the lists; then every list measured as it lies.
  box.dataset.paged = '';
  const starts = lists.map((list) => pageStarts(box, list));
  return { starts, pages: Math.max(1, ...starts.map((s) => s.length)) };
}

// Where each page of a list starts, from one layout of all its items. Items past the room flow
// on (down in a grid, to the right in newspaper columns), so page k is a stretch of items that
// starts a row (or a column) and fits the room once moved back to where the list starts.
function pageStarts(box: HTMLElement, list: HTMLElement): number[] {
  const rects = itemsOf(list).map((item) => item.getBoundingClientRect());
  const first = rects[0];
  if (!first) return [];
  const outer = box.getBoundingClientRect();
  const inner = list.getBoundingClientRect();
  const bottom = Math.min(outer.bottom - parseFloat(getComputedStyle(box).paddingBottom), inner.bottom) + 0.5;
  const right = Math.min(outer.right, inner.right) + 0.5;
  const style = getComputedStyle(list);
  const inColumns = style.columnWidth !== 'auto' || style.columnCount !== 'auto';
  const starts = [0];
  let origin = first;
  for (let i = 1; i < rects.length; i++) {
    const r = rects[i]!;
    const dx = origin.left - first.left;
    const dy = origin.top - first.top;
    if (r.bottom - dy <= bottom && r.right - dx <= right) continue;
    // The page ends before the row (or column) this item is in, unless that row is the page.
    const pageStart = starts[starts.length - 1]!;
    let next = i;
    for (let k = pageStart + 1; k < i; k++) {
      const same = inColumns ? Math.abs(rects[k]!.left - r.left) < 1 : Math.abs(rects[k]!.top - r.top) < 1;
      if (same) {
        next = k;
        break;
      }
    }
    starts.push(next);
    origin = rects[next]!;
    i = next;
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
