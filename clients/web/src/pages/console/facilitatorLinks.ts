import type { ConsolesOnline, FacilitatorLink } from '../../gen/campana/v1/docs_pb';
import { cleanText } from '../../ui/text';

// A facilitator link opens the console like the workshop's own key: /console/CODE#key=KEY. The
// key is in the fragment, which the browser never sends to a server or puts in a Referer.
export function facilitatorLink(origin: string, code: string, key: string): string {
  return `${origin}/console/${encodeURIComponent(code)}#key=${encodeURIComponent(key)}`;
}

// Why the server would refuse InviteFacilitator (server/domain/facilitators.cc), or undefined:
// a name of 1 to 40 characters (code points, as the server counts them, after the same
// cleaning), and at most 50 links, revoked ones included.
export type InviteBlock = 'noName' | 'tooLong' | 'tooMany';
export const maxFacilitatorLinks = 50;
export const maxNameLength = 40;

export function inviteBlock(name: string, links: readonly FacilitatorLink[]): InviteBlock | undefined {
  if (links.length >= maxFacilitatorLinks) return 'tooMany';
  const clean = cleanText(name);
  if (clean === '') return 'noName';
  if ([...clean].length > maxNameLength) return 'tooLong';
  return undefined;
}

// The links as listed: the ones that still open the console first, newest first (a link just
// made is at the top), then the revoked ones.
export function sortedLinks(links: readonly FacilitatorLink[]): FacilitatorLink[] {
  return [...links].sort((a, b) => Number(a.revoked) - Number(b.revoked) || b.linkId - a.linkId);
}

// The consoles open now (Access.consoles_online), by the link they came in with: the workshop's
// own (link 0, `name` undefined) first, then the facilitators' in the order they were invited,
// by name. The total counts this console too.
export function consolesOpen(
  online: readonly ConsolesOnline[],
  links: readonly FacilitatorLink[],
): { open: { linkId: number; name: string | undefined; count: number }[]; total: number } {
  const names = new Map(links.map((l) => [l.linkId, l.name]));
  const open = online
    .filter((c) => c.count > 0)
    .sort((a, b) => a.linkId - b.linkId)
    .map((c) => ({
      linkId: c.linkId,
      name: c.linkId === 0 ? undefined : (names.get(c.linkId) ?? `#${c.linkId}`),
      count: c.count,
    }));
  return { open, total: open.reduce((sum, c) => sum + c.count, 0) };
}
