import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDelayMs } from '@/lib/refresh/store';

beforeEach(() => fakeBrowser.reset());

describe('the refresh delay is the dashboard setting (local:refreshDelay, seconds)', () => {
  it.each<[string, unknown, number]>([
    ['nothing stored → the default 2.5 s', undefined, 2_500],
    ['4.5 s', 4.5, 4_500],
    ['below 1 s → 1 s', 0.2, 1_000],
    ['above a minute → 60 s', 600, 60_000],
    ['not a number → the default', 'soon', 2_500],
  ])('%s', async (_name, stored, ms) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ refreshDelay: stored });
    expect(await getDelayMs()).toBe(ms);
  });

  it('ignores the old key the refresh used to read', async () => {
    await fakeBrowser.storage.local.set({ 'refresh-delay-ms': 200, refreshDelay: 3 });
    expect(await getDelayMs()).toBe(3_000);
  });
});
