import { describe, expect, it, vi } from 'vitest';
import type { FunctionComponent } from 'preact';
import { lazyView } from '../src/ui/lazyView';

const View: FunctionComponent<{ name: string }> = ({ name }) => name;

describe('lazyView', () => {
  it('fetches its chunk once, however often it is asked for', async () => {
    const load = vi.fn(() => Promise.resolve(View));
    const lazy = lazyView(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([lazy.preload(), lazy.preload()]);
    await lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed fetch (the phone was offline)', async () => {
    const load = vi
      .fn<() => Promise<FunctionComponent<{ name: string }>>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(View);
    const lazy = lazyView(load);
    await expect(lazy.preload()).rejects.toThrow('offline');
    await expect(lazy.preload()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
