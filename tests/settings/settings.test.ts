import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_PER_ACCOUNT } from '@/lib/history/observations';
import { chooseLang } from '@/lib/i18n';
import {
  getBadgeEnabled,
  getHistoryLimit,
  getLanguageChoice,
  getRefreshDelaySeconds,
  HISTORY_LIMIT,
  REFRESH_DELAY,
  sanitizeNumber,
} from '@/lib/settings/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings read from damaged storage', () => {
  it.each([
    // [stored value, language, badge, history limit, refresh delay]
    [undefined, 'auto', true, 400, 2.5],
    ['garbage', 'auto', true, 400, 2.5],
    [null, 'auto', true, 400, 2.5],
    [{ nested: 1 }, 'auto', true, 400, 2.5],
    [Number.NaN, 'auto', true, 400, 2.5],
    [-5, 'auto', true, 10, 1],
    [1e9, 'auto', true, 5000, 60],
    ['250', 'auto', true, 250, 60],
    [0, 'auto', true, 10, 1],
  ])('stored %j → defaults or nearest bound', async (stored, language, badge, limit, delay) => {
    await fakeBrowser.storage.local.set({
      language: stored,
      badge: stored,
      historyLimit: stored,
      refreshDelay: stored,
    });
    expect(await getLanguageChoice()).toBe(language);
    expect(await getBadgeEnabled()).toBe(badge);
    expect(await getHistoryLimit()).toBe(limit);
    expect(await getRefreshDelaySeconds()).toBe(delay);
  });

  it('reads well-formed values as they are', async () => {
    await fakeBrowser.storage.local.set({ language: 'en', badge: false, historyLimit: 120, refreshDelay: 5.5 });
    expect(await getLanguageChoice()).toBe('en');
    expect(await getBadgeEnabled()).toBe(false);
    expect(await getHistoryLimit()).toBe(120);
    expect(await getRefreshDelaySeconds()).toBe(5.5);
  });

  it('rounds a fractional history limit but keeps a fractional delay', () => {
    expect(sanitizeNumber(12.6, HISTORY_LIMIT, true)).toBe(13);
    expect(sanitizeNumber(3.25, REFRESH_DELAY)).toBe(3.25);
  });

  it('defaults the history limit to lib/history’s, and the refresh delay to 2.5 s', () => {
    expect(HISTORY_LIMIT.default).toBe(MAX_PER_ACCOUNT);
    expect(REFRESH_DELAY.default).toBe(2.5);
  });

  it.each([
    ['auto', 'fr-FR', 'fr'],
    ['auto', 'de-DE', 'en'],
    ['auto', undefined, 'en'],
    ['en', 'fr-FR', 'en'],
    ['fr', 'en-US', 'fr'],
  ] as const)('language %s with browser %s → %s', (choice, locale, lang) => {
    expect(chooseLang(choice, locale)).toBe(lang);
  });
});
