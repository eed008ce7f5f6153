import { describe, expect, it, vi } from 'vitest';
import {
  forgetOrganizerKey,
  keyInFragment,
  type KeyPlace,
  organizerKeyName,
  takeOrganizerKey,
} from '../src/pages/organizer/organizerKey';

// The organizer's key as main.tsx takes it: from the fragment once, then from localStorage.
function place(hash: string, kept: Record<string, string> = {}) {
  const items = new Map(Object.entries(kept));
  const dropFragment = vi.fn();
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
  return { hash, storage, dropFragment, items } satisfies KeyPlace & { items: Map<string, string> };
}

describe('keyInFragment', () => {
  it('reads the key, and tells no key from an empty one', () => {
    expect(keyInFragment('#key=abc123')).toBe('abc123');
    expect(keyInFragment('#key=a%2Bb')).toBe('a+b');
    expect(keyInFragment('#other=1&key=k')).toBe('k');
    expect(keyInFragment('#key=')).toBe('');
    expect(keyInFragment('')).toBeUndefined();
    expect(keyInFragment('#section')).toBeUndefined();
  });
});

describe('takeOrganizerKey', () => {
  it('keeps a key from the fragment and takes it out of the address bar', () => {
    const p = place('#key=fresh');
    expect(takeOrganizerKey(p)).toBe('fresh');
    expect(p.items.get(organizerKeyName)).toBe('fresh');
    expect(p.dropFragment).toHaveBeenCalledOnce();
  });

  it('prefers a fresh key to the one kept', () => {
    const p = place('#key=new', { [organizerKeyName]: 'old' });
    expect(takeOrganizerKey(p)).toBe('new');
    expect(p.items.get(organizerKeyName)).toBe('new');
  });

  it('uses the kept key when the address has none, and leaves the address alone', () => {
    const p = place('', { [organizerKeyName]: 'kept' });
    expect(takeOrganizerKey(p)).toBe('kept');
    expect(p.dropFragment).not.toHaveBeenCalled();
  });

  it('gives no key to a phone that never had one (the join page)', () => {
    expect(takeOrganizerKey(place(''))).toBe('');
    const empty = place('#key=');
    expect(takeOrganizerKey(empty)).toBe('');
    expect(empty.dropFragment).toHaveBeenCalledOnce();
    expect(empty.items.size).toBe(0);
  });

  it('works for this page when storage refuses (a private window)', () => {
    const p = place('#key=fresh');
    p.storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(takeOrganizerKey(p)).toBe('fresh');
    p.hash = '';
    p.storage.getItem = () => {
      throw new Error('SecurityError');
    };
    expect(takeOrganizerKey(p)).toBe('');
  });

  it('forgets a refused key', () => {
    const p = place('', { [organizerKeyName]: 'wrong', 'campana:language': 'es' });
    forgetOrganizerKey(p.storage);
    expect(takeOrganizerKey(p)).toBe('');
    expect(p.items.get('campana:language')).toBe('es');
  });
});
