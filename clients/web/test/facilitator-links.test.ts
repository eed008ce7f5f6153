import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { ConsolesOnlineSchema, FacilitatorLinkSchema } from '../src/gen/campana/v1/docs_pb';
import {
  consolesOpen,
  facilitatorLink,
  inviteBlock,
  maxFacilitatorLinks,
  sortedLinks,
} from '../src/pages/console/facilitatorLinks';

const link = (linkId: number, revoked = false) =>
  create(FacilitatorLinkSchema, { linkId, name: `P${linkId}`, key: `k${linkId}`, revoked });

describe('facilitator links', () => {
  it('opens the console with the key in the fragment', () => {
    expect(facilitatorLink('https://campana.example', 'ABC123', 'f00d')).toBe(
      'https://campana.example/console/ABC123#key=f00d',
    );
    expect(facilitatorLink('http://192.168.1.5:8080', 'ABC123', 'a+b/c=')).toBe(
      'http://192.168.1.5:8080/console/ABC123#key=a%2Bb%2Fc%3D',
    );
  });

  it('asks for a name of 1 to 40 characters, as the server counts them', () => {
    expect(inviteBlock('', [])).toBe('noName');
    expect(inviteBlock('  \u202e ', [])).toBe('noName');
    expect(inviteBlock('Marta', [])).toBeUndefined();
    expect(inviteBlock('x'.repeat(40), [])).toBeUndefined();
    expect(inviteBlock(` ${'x'.repeat(40)} `, [])).toBeUndefined();
    expect(inviteBlock('x'.repeat(41), [])).toBe('tooLong');
    // Forty emoji are 80 UTF-16 units but 40 characters.
    expect(inviteBlock('🔔'.repeat(40), [])).toBeUndefined();
  });

  it('stops at 50 links, revoked ones included', () => {
    const links = Array.from({ length: maxFacilitatorLinks }, (_, i) => link(i, i % 2 === 0));
    expect(inviteBlock('Marta', links.slice(1))).toBeUndefined();
    expect(inviteBlock('Marta', links)).toBe('tooMany');
  });

  it('lists the working links newest first, then the revoked ones', () => {
    const ids = sortedLinks([link(0, true), link(1), link(2), link(3, true)]).map((l) => l.linkId);
    expect(ids).toEqual([2, 1, 3, 0]);
  });

  it("names the consoles open by their link: the workshop's own first, then by invitation", () => {
    const online = (linkId: number, count: number) => create(ConsolesOnlineSchema, { linkId, count });
    const { open, total } = consolesOpen([online(2, 2), online(0, 1), online(1, 0), online(9, 1)], [link(1), link(2)]);
    expect(open).toEqual([
      { linkId: 0, name: undefined, count: 1 },
      { linkId: 2, name: 'P2', count: 2 },
      { linkId: 9, name: '#9', count: 1 }, // a link the list does not (yet) have
    ]);
    expect(total).toBe(4);
    expect(consolesOpen([], [link(1)])).toEqual({ open: [], total: 0 });
  });
});
