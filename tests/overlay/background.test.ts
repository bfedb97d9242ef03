import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background/start';
import { getTabState } from '@/lib/background/tab-state';
import type { InPageAnswer } from '@/lib/content/in-page';
import { indexDataset } from '@/lib/dataset';
import { loadObservations } from '@/lib/history/store';
import { overlayIndexLoader } from '@/lib/overlay/merged';
import { deleteAccount, storeAccounts } from '@/lib/overlay/store';
import { fakePages } from '../helpers/fake-pages';
import { tinyDataset } from '../helpers/tiny-dataset';

const INSTAGRAM = 'https://www.instagram.com/parisjetaime/';
// What the page shows, read within a minute of the background's clock (an older reading is refused).
const SHOWN: InPageAnswer = {
  reading: { metric: 'followers', value: 5000, precision: 'exact', problems: [] },
  readAt: Date.UTC(2026, 10, 30, 11, 59, 30),
  signals: {},
};
const ADDED = {
  entityId: 'city-75056',
  platform: 'instagram' as const,
  key: 'parisjetaime',
  url: 'https://www.instagram.com/parisjetaime/',
  confidence: 'confirmed' as const,
  source: { kind: 'official-site' as const, url: 'https://www.paris.fr/', readAt: '2026-11-30T08:00:00.000Z' },
};

const { readPage, visit } = fakePages();

describe('background with the overlay', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    const index = overlayIndexLoader('fr', async () => indexDataset(tinyDataset()));
    startBackground(index.load, 'fr', () => new Date('2026-11-30T12:00:00Z'), index.onChange, readPage);
  });

  it('an account added while its tab is open is badged at once, and no longer once removed', async () => {
    await visit(1, INSTAGRAM, SHOWN);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
    await storeAccounts([ADDED]);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE'));
    expect((await getTabState(1))?.entityId).toBe('city-75056');
    await deleteAccount(ADDED);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe(''));
    expect((await getTabState(1))?.entityId).toBeUndefined();
  });

  it('records the figures read on an added account in the history, like a listed one', async () => {
    await storeAccounts([ADDED]);
    await visit(2, INSTAGRAM, SHOWN);
    expect((await loadObservations()).entries).toMatchObject([
      { entityId: 'city-75056', platform: 'instagram', key: 'parisjetaime', value: 5000 },
    ]);
  });
});
