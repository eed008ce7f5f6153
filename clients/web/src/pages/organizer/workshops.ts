import type { WorkshopSummary } from '../../gen/campana/v1/organizer_pb';
import type { Language } from '../../i18n/i18n';

// Newest first, though the server lists the oldest first: the workshop just created (or
// duplicated) appears at the top, beside the form that made it, and the organizer's current
// workshops stay in view however many old ones the server keeps. Equal times keep the
// server's order, reversed.
export function newestFirst(workshops: readonly WorkshopSummary[]): WorkshopSummary[] {
  return [...workshops]
    .reverse()
    .sort((a, b) => (a.createdAtMs < b.createdAtMs ? 1 : a.createdAtMs > b.createdAtMs ? -1 : 0));
}

// The server's longest title (server/domain/text.h, kMaxTitleCodePoints).
export const maxTitle = 80;

const formats = new Map<Language, Intl.DateTimeFormat>();

// When a workshop was created, in the page's language ("2 dic 2026, 10:05").
export function createdText(language: Language, createdAtMs: bigint): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(language, format);
  }
  return createdAtMs > 0n ? format.format(new Date(Number(createdAtMs))) : '—';
}

// Whether what the organizer typed names the workshop to delete: its title exactly, apart from
// spaces at either end. The server checks it again (confirmTitle).
export function titleMatches(typed: string, title: string): boolean {
  return title.length > 0 && typed.trim() === title.trim();
}

// The workshop's addresses: the console, the projector and the report with their keys in the
// fragment, the phones' without any.
export function workshopLinks(origin: string, code: string, facilitatorKey: string, projectorKey: string) {
  const c = encodeURIComponent(code);
  return {
    console: `${origin}/console/${c}#key=${encodeURIComponent(facilitatorKey)}`,
    projector: `${origin}/screen/${c}${projectorKey ? `#key=${encodeURIComponent(projectorKey)}` : ''}`,
    phones: `${origin}/j/${c}`,
    report: `${origin}/report/${c}#key=${encodeURIComponent(facilitatorKey)}`,
  };
}

// Where a workshop stands in its series (NextWorkshopRequest): the series' code (its first
// workshop's) and its session number among the series' workshops listed, oldest first.
// undefined for a workshop in no series (a first workshop is in one once another follows it).
export function seriesPlace(
  workshops: readonly WorkshopSummary[],
  workshop: WorkshopSummary,
): { series: string; session: number } | undefined {
  const series = workshop.series || (workshops.some((w) => w.series === workshop.code) ? workshop.code : '');
  if (!series) return undefined;
  const members = newestFirst(workshops.filter((w) => w.code === series || w.series === series)).reverse();
  return { series, session: members.findIndex((w) => w.code === workshop.code) + 1 };
}
