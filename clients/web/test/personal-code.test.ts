import { describe, expect, it } from 'vitest';
import { formatPersonalCode, isPersonalCode, normalizePersonalCode } from '../src/ui/personalCode';

describe('personal codes', () => {
  it('are read as the server reads them: any case, with or without the dash or spaces', () => {
    expect(normalizePersonalCode('K7M4-QP2X')).toBe('K7M4QP2X');
    expect(normalizePersonalCode(' k7m4 qp2x ')).toBe('K7M4QP2X');
    expect(normalizePersonalCode('k7m4—qp2x')).toBe('K7M4—QP2X'); // not a dash the server skips
  });

  it('have 8 characters of the alphabet without look-alikes', () => {
    expect(isPersonalCode('K7M4-QP2X')).toBe(true);
    expect(isPersonalCode('k7m4qp2x')).toBe(true);
    expect(isPersonalCode('K7M4 QP2')).toBe(false); // 7
    expect(isPersonalCode('K7M4QP2XA')).toBe(false); // 9
    // No 0, 1, I or O: a code that has one was mistyped.
    for (const c of ['0', '1', 'I', 'O']) expect(isPersonalCode(`K7M4QP2${c}`)).toBe(false);
    expect(isPersonalCode('')).toBe(false);
  });

  it('are shown as two groups of four', () => {
    expect(formatPersonalCode('K7M4QP2X')).toBe('K7M4-QP2X');
    expect(formatPersonalCode('k7m4-qp2x')).toBe('K7M4-QP2X');
    // Anything else as it came (a code of another length is the server's to name).
    expect(formatPersonalCode('ABC')).toBe('ABC');
    expect(formatPersonalCode('')).toBe('');
  });
});
