import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDroppedReports } from '@/lib/background/dropped-reports';
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

const NOW = new Date('2026-11-28T12:00:00Z');

/** What the browser says of one of our content scripts in tab `tabId`, showing `url`. */
const contentScript = (tabId: number, url: string): Sender =>
  ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, url } }) as Sender;

async function send(tabId: number, message: unknown, sender?: Sender) {
  const url = (message as { url?: unknown }).url;
  const from = sender ?? contentScript(tabId, typeof url === 'string' ? url : 'https://x.com/');
  await fakeBrowser.runtime.onMessage.trigger(message, from, () => {});
}

describe('background', () => {
  // The background's clock; a test may move it (a report's readAt must be within a minute of it).
  let now = NOW;
  beforeEach(() => {
    fakeBrowser.reset();
    now = NOW;
    startBackground(
      async () => indexDataset(tinyDataset()),
      'fr',
      () => now,
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
      () => NOW,
    );
    await send(1, report({}));
    // Lyon is not in the 2012 cohort: among the study's cities Paris is alone, so no rank.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('VILLE');
    await cohortPreference.setValue('all');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('#2'));
    // The page now shows more followers than Lyon has: the live figure moves Paris up.
    const reading = { metric: 'followers' as const, value: 3_500_000, precision: 'exact' as const, problems: [] };
    await send(1, report({ reading, readAt: NOW.getTime() }));
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

  // Content scripts send nothing on pages that are not accounts: the browser's URL tells.
  it.each<[string, string, string, string]>([
    ['to a page that is not an account: cleared', 'https://x.com/explore', 'https://x.com/explore', ''],
    ['to a login wall: cleared', 'https://x.com/i/flow/login', 'https://x.com/i/flow/login', ''],
    ['to another account: kept until its report', 'https://x.com/Lyon', 'https://x.com/Lyon', 'VILLE'],
    ['to the same page with a fragment: kept', 'https://x.com/Paris#top', 'https://x.com/Paris#top', 'VILLE'],
    [
      'to a page that is not an account, already left for an account',
      'https://x.com/explore',
      'https://x.com/Lyon',
      'VILLE',
    ],
  ])('in-app navigation %s', async (_name, changedTo, tabNow, badge) => {
    await send(1, report({}));
    await fakeBrowser.tabs.create({ url: tabNow });
    const [tab] = await fakeBrowser.tabs.query({ url: tabNow });
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...(tab as object), id: 1, url: tabNow } as never);
    await fakeBrowser.tabs.onUpdated.trigger(1, { url: changedTo }, { id: 1, url: changedTo } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe(badge));
    // Give a wrong clear the time to happen before the verdict.
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe(badge);
    expect((await getTabState(1)) === null).toBe(badge === '');
  });

  it('ignores messages that are not page reports and messages without a tab', async () => {
    await send(1, { type: 'something-else' });
    await fakeBrowser.runtime.onMessage.trigger(report({}), {}, () => {});
    expect(await getTabState(1)).toBeNull();
    // Another kind of message is not ours to count; a page report without a tab is.
    expect((await getDroppedReports()).count).toBe(1);
  });

  it('records a reading of a listed account, not of an unlisted one', async () => {
    const reading = {
      metric: 'followers' as const,
      value: 1234,
      precision: 'exact' as const,
      source: 'json-ld' as const,
      problems: [],
    };
    await send(1, report({ reading, readAt: NOW.getTime() - 1000 }));
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
        at: '2026-11-28T11:59:59.000Z',
        origin: 'visit',
      }),
    ]);
  });

  it('does not record a failed reading', async () => {
    await send(1, report({ reading: { problems: ['no figure'] }, readAt: NOW.getTime() }));
    expect((await getTabState(1))?.report.reading).toEqual({ problems: ['no figure'] });
    expect((await loadObservations()).entries).toEqual([]);
  });

  it('takes an in-app navigation report once the tab shows its URL, not before', async () => {
    // The content script reports the new page before the browser commits its URL: the sender
    // still shows the previous page, and only the tab's URL asked a moment later matches.
    const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/explore' });
    const stale = contentScript(tab.id ?? -1, 'https://x.com/explore');
    const arrived = send(tab.id ?? -1, report({}), stale);
    await fakeBrowser.tabs.update(tab.id, { url: 'https://x.com/Paris' });
    await arrived;
    expect((await getTabState(tab.id ?? -1))?.entityId).toBe('city-75056');
    // A tab that never shows the reported page: dropped.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const other = await fakeBrowser.tabs.create({ url: 'https://x.com/explore' });
    await send(other.id ?? -1, report({}), contentScript(other.id ?? -1, 'https://x.com/explore'));
    expect(await getTabState(other.id ?? -1)).toBeNull();
    expect((await getDroppedReports()).count).toBe(1);
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
      now = new Date(Date.UTC(2026, 9, day));
      await send(1, report({ reading: { ...reading, value: 1000 + day }, readAt: now.getTime() }));
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
    await send(USER_TAB, report({ reading: reading(1_000_000), readAt: Date.UTC(2026, 10, 28, 11, 59, 30) }));
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

describe('background: forged and malformed reports change nothing', () => {
  const HUGE = 'x'.repeat(10 * 1024 * 1024);
  const reading = { metric: 'followers', value: 1234, precision: 'exact', source: 'json-ld', problems: [] };
  const paris = (over: Record<string, unknown>) => ({ ...report({}), reading, readAt: NOW.getTime(), ...over });
  const lyonTab = (tabId: number) => contentScript(tabId, 'https://x.com/Lyon');

  // [name, message, sender (default: our content script on the report's URL)]
  const FORGED: [string, unknown, ((tabId: number) => Sender)?][] = [
    ['wrong account for the URL', paris({ account: { platform: 'x', page: 'profile', key: 'nobody' } })],
    ['a listed account claimed from another account’s page', paris({}), lyonTab],
    ['another platform’s URL', paris({}), (tabId) => contentScript(tabId, 'https://www.facebook.com/paris')],
    ['the platform named wrongly', paris({ account: { platform: 'facebook', page: 'profile', key: 'paris' } })],
    ['NaN', paris({ reading: { ...reading, value: Number.NaN } })],
    ['a negative value', paris({ reading: { ...reading, value: -5 } })],
    ['1e12', paris({ reading: { ...reading, value: 1e12 } })],
    ['a value as a string', paris({ reading: { ...reading, value: '1234' } })],
    ['a metric that does not exist', paris({ reading: { ...reading, metric: 'views' } })],
    ['a reading without problems', paris({ reading: { metric: 'followers', value: 1, precision: 'exact' } })],
    ['a report without url', { type: 'civiscope:page', account: { platform: 'x', page: 'profile', key: 'paris' } }],
    ['a report without account', { type: 'civiscope:page', url: 'https://x.com/Paris' }],
    ['a reading from last week', paris({ readAt: NOW.getTime() - 7 * 86_400_000 })],
    ['a 10 MB display name', paris({ reading: { ...reading, displayName: HUGE } })],
    ['a 10 MB URL', paris({ url: `https://x.com/Paris?${HUGE}` })],
    ['a 10 MB problem', paris({ reading: { ...reading, problems: [HUGE] } })],
    ['another extension', paris({}), (tabId) => ({ ...contentScript(tabId, 'https://x.com/Paris'), id: 'evil' })],
    ['no tab', paris({}), () => ({ id: fakeBrowser.runtime.id, url: 'https://x.com/Paris' }) as Sender],
  ];

  beforeEach(() => {
    fakeBrowser.reset();
    startBackground(
      async () => indexDataset(tinyDataset()),
      'fr',
      () => NOW,
    );
  });

  it.each(FORGED)('%s: nothing stored, no badge, counted', async (_name, message, from) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await send(3, message, from?.(3));
    expect(await getTabState(3)).toBeNull();
    expect((await loadObservations()).entries).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
    expect((await getDroppedReports()).count).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('page report dropped'));
  });

  it('a forged report after a good one leaves the tab as it was', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await send(4, paris({}));
    const before = await getTabState(4);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('VILLE');
    for (const [, message, from] of FORGED) await send(4, message, from?.(4));
    expect(await getTabState(4)).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('VILLE');
    expect((await loadObservations()).entries).toHaveLength(1);
    expect((await getDroppedReports()).count).toBe(FORGED.length);
  });
});
