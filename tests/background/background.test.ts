import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background/start';
import { getTabState } from '@/lib/background/tab-state';
import type { PageReport } from '@/lib/content/messages';
import { indexDataset } from '@/lib/dataset';
import { loadObservations } from '@/lib/history/store';
import { cohortPreference } from '@/lib/settings/preferences';
import { badgePreference, historyLimitPreference, languagePreference } from '@/lib/settings/settings';
import { tinyDataset } from '../helpers/tiny-dataset';

type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

const report = (over: Partial<PageReport>): PageReport => ({
  type: 'civiscope:page',
  url: 'https://x.com/Paris',
  account: { platform: 'x', page: 'profile', key: 'paris' },
  ...over,
});

async function send(tabId: number, message: unknown) {
  await fakeBrowser.runtime.onMessage.trigger(message, { tab: { id: tabId } } as Sender, () => {});
}

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    startBackground(
      async () => indexDataset(tinyDataset()),
      'fr',
      () => new Date('2026-11-28T12:00:00Z'),
    );
  });

  it('badges a listed account with its group code and remembers the tab', async () => {
    await send(1, report({}));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE');
    expect((await getTabState(1))?.entityId).toBe('city-75056');
  });

  it('shows the rank once the account has peers with a figure, and follows the cohort choice', async () => {
    fakeBrowser.reset();
    const dataset = tinyDataset();
    dataset.entities.push({
      id: 'city-69123',
      group: 'city',
      name: { fr: 'Lyon' },
      accounts: [
        {
          platform: 'x',
          key: 'villedelyon',
          url: 'https://x.com/villedelyon',
          status: 'active',
          confidence: 'confirmed',
          sources: ['src-official'],
          figures: [
            { metric: 'followers', value: 3_000_000, date: '2025-01-01', precision: 'exact', source: 'src-press' },
          ],
        },
      ],
    });
    startBackground(
      async () => indexDataset(dataset),
      'fr',
      () => new Date('2026-11-28T12:00:00Z'),
    );
    await send(1, report({}));
    // Lyon is not in the 2012 cohort: among the study's cities Paris is alone, so no rank.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE');
    await cohortPreference.setValue('all');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('#2'));
    // The page now shows more followers than Lyon has: the live figure moves Paris up.
    const reading = { metric: 'followers' as const, value: 3_500_000, precision: 'exact' as const, problems: [] };
    await send(1, report({ reading, readAt: Date.UTC(2026, 10, 28) }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('#1');
    expect(await fakeBrowser.action.getTitle({ tabId: 1 })).toBe('Paris — 1re sur 2 villes sur X');
  });

  it('shows no badge for an account that is not listed, and clears a previous one', async () => {
    await send(1, report({}));
    await send(1, report({ url: 'https://x.com/nobody', account: { platform: 'x', page: 'profile', key: 'nobody' } }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
    expect((await getTabState(1))?.entityId).toBeUndefined();
  });

  it('clears the badge when the page is not an account', async () => {
    await send(1, report({}));
    await send(1, report({ url: 'https://x.com/explore', account: null }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
  });

  it('ignores messages that are not page reports and messages without a tab', async () => {
    await send(1, { type: 'something-else' });
    await fakeBrowser.runtime.onMessage.trigger(report({}), {}, () => {});
    expect(await getTabState(1)).toBeNull();
  });

  it('records a reading of a listed account, not of an unlisted one', async () => {
    const reading = {
      metric: 'followers' as const,
      value: 1234,
      precision: 'exact' as const,
      source: 'json-ld' as const,
      problems: [],
    };
    await send(1, report({ reading, readAt: Date.UTC(2026, 10, 28) }));
    await send(
      2,
      report({ url: 'https://x.com/nobody', account: { platform: 'x', page: 'profile', key: 'nobody' }, reading }),
    );
    const { entries } = await loadObservations();
    expect(entries).toEqual([
      expect.objectContaining({
        entityId: 'city-75056',
        key: 'paris',
        value: 1234,
        at: '2026-11-28T00:00:00.000Z',
        origin: 'visit',
      }),
    ]);
  });

  it('does not record a failed reading', async () => {
    await send(1, report({ reading: { problems: ['no figure'] }, readAt: Date.now() }));
    expect((await loadObservations()).entries).toEqual([]);
  });

  it('honours the badge setting: no badge when it is off, the badge again when it is back on', async () => {
    await badgePreference.setValue(false);
    await send(1, report({}));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
    // The tooltip still says in words what the badge would have said.
    expect(await fakeBrowser.action.getTitle({ tabId: 1 })).toContain('Paris');
    await badgePreference.setValue(true);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE'));
  });

  it('speaks the interface language set in the dashboard, whatever the browser’s', async () => {
    await send(1, report({}));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE');
    await languagePreference.setValue('en');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('CITY'));
    await languagePreference.setValue('auto');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE'));
  });

  it('keeps at most the history limit the user set, per account', async () => {
    await historyLimitPreference.setValue(10);
    const reading = {
      metric: 'followers' as const,
      precision: 'exact' as const,
      source: 'json-ld' as const,
      problems: [],
    };
    for (let day = 1; day <= 12; day++) {
      await send(1, report({ reading: { ...reading, value: 1000 + day }, readAt: Date.UTC(2026, 9, day) }));
    }
    const { entries } = await loadObservations();
    expect(entries).toHaveLength(10);
    expect(entries[0]?.value).toBe(1003);
  });

  it('forgets a tab when it is closed', async () => {
    await send(1, report({}));
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(await getTabState(1)).toBeNull();
  });

  it('a group refresh’s tab is the job’s: its reading is kept as re-read with the job id, never as a visit, and badges follow', async () => {
    fakeBrowser.reset();
    // The user's tab: an id the fake browser will not give the refresh tab.
    const USER_TAB = 1000;
    const dataset = tinyDataset();
    dataset.entities.push({
      id: 'city-69123',
      group: 'city',
      name: { fr: 'Lyon' },
      accounts: [
        {
          platform: 'x',
          key: 'villedelyon',
          url: 'https://x.com/villedelyon',
          status: 'active',
          confidence: 'confirmed',
          sources: ['src-official'],
        },
      ],
    });
    startBackground(
      async () => indexDataset(dataset),
      'fr',
      () => new Date('2026-11-28T12:00:00Z'),
    );
    await cohortPreference.setValue('all');
    const reading = (value: number) => ({
      metric: 'followers' as const,
      value,
      precision: 'exact' as const,
      problems: [],
    });
    await send(USER_TAB, report({ reading: reading(1_000_000), readAt: Date.UTC(2026, 10, 28, 11) }));
    // Lyon has no figure yet: Paris is ranked alone.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: USER_TAB })).toBe('VILLE'));
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'civiscope:refresh-start', entityId: 'city-75056', platform: 'x', key: 'paris', cohort: 'all' },
      {} as Sender,
      () => {},
    );
    const job = (await fakeBrowser.storage.session.get('refresh-job'))['refresh-job'] as { id: string; tabId: number };
    expect(job.tabId).toEqual(expect.any(Number));
    await send(
      job.tabId,
      report({
        url: 'https://x.com/villedelyon',
        account: { platform: 'x', page: 'profile', key: 'villedelyon' },
        reading: reading(2_000_000),
        readAt: Date.UTC(2026, 10, 28, 12),
      }),
    );
    const { entries } = await loadObservations();
    expect(entries.find((o) => o.key === 'villedelyon')).toMatchObject({
      origin: 'refreshed',
      jobId: job.id,
      value: 2_000_000,
    });
    // The job's tab is not one of the user's: no tab state, no badge of its own.
    expect(await getTabState(job.tabId)).toBeNull();
    // The user's tab now ranks Paris among the re-read figure.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: USER_TAB })).toBe('#2'));
  });
});
