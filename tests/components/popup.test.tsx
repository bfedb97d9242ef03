import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/components/App';
import type { TabState } from '@/lib/background/tab-state';
import { compareAccount } from '@/lib/compare';
import { BUNDLED, bundledIndex } from '@/lib/dataset/bundled';
import type { Lang } from '@/lib/i18n';
import { detectAccount } from '@/lib/platforms/registry';
import type { PopupData } from '@/lib/popup/popup-data';
import { resolvePopupModel } from '@/lib/popup/popup-model';
import { cohortPreference } from '@/lib/settings/preferences';

const NOW = new Date('2026-11-28T14:32:00Z');
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s/g, ' ');

function data(url: string, state: TabState | null = null): PopupData {
  return {
    index: bundledIndex(),
    tabId: 1,
    model: resolvePopupModel(bundledIndex(), url, state, detectAccount),
    observations: [],
    skippedObservations: 0,
    cohort: 'study',
    now: NOW,
  };
}

function reported(url: string, reading: TabState['report']['reading']): TabState {
  const base = resolvePopupModel(bundledIndex(), url, null, detectAccount);
  const account = 'account' in base ? base.account : null;
  return { url, report: { type: 'civiscope:page', url, account, reading, readAt: NOW.getTime() } };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe.each<Lang>(['fr', 'en'])('popup states (%s)', (lang) => {
  it('listed account with a live figure: header, figure on screen, headline and chart match the engine', () => {
    const state = reported('https://x.com/Paris', {
      metric: 'followers',
      value: 1_234_567,
      precision: 'exact',
      source: 'json-ld',
      problems: [],
    });
    render(<App data={data('https://x.com/Paris', state)} lang={lang} />);
    expect(screen.getByTestId('state-listed')).toBeTruthy();
    expect(text(screen.getByTestId('entity-name'))).toContain('Paris');
    expect(text(screen.getByTestId('live-value')).replace(/\D/g, '')).toBe('1234567');
    const expected = compareAccount({
      dataset: BUNDLED,
      entityId: 'city-75056',
      platform: 'x',
      accountKey: 'paris',
      live: { value: 1_234_567, metric: 'followers', precision: 'exact', readAt: NOW.toISOString() },
      now: NOW.toISOString(),
    });
    const bars = [...screen.getByTestId('cohort-bars').querySelectorAll('li')].map((li) =>
      li.getAttribute('data-entity'),
    );
    expect(bars).toEqual(expected.cohort.filter((m) => m.value !== null).map((m) => m.entity));
    expect(text(screen.getByTestId('headline-rank'))).toMatch(
      lang === 'fr' ? /sur .* villes sur X/ : /of .* cities on X/,
    );
    expect(screen.getByTestId('presence').querySelectorAll('tbody tr')).toHaveLength(11);
    expect(screen.getByTestId('participation')).toBeTruthy();
    expect(screen.getByTestId('method').querySelectorAll('li').length).toBeGreaterThan(3);
  });

  it('listed account whose figure could not be read: says so and falls back to the dataset figure with its date', () => {
    const state = reported('https://x.com/Paris', { problems: ['no follower count found'] });
    render(<App data={data('https://x.com/Paris', state)} lang={lang} />);
    expect(screen.getByTestId('live-unread')).toBeTruthy();
    expect(screen.queryByTestId('live-value')).toBeNull();
    const bundled = text(screen.getByTestId('bundled-figure'));
    expect(bundled.replace(/\D/g, '')).toContain('2200000');
    expect(bundled).toContain(lang === 'fr' ? '16 janvier 2025' : '16 January 2025');
    // …and with its source.
    expect(text(screen.getByTestId('bundled-source'))).toMatch(/AFP/);
  });

  it('listed account with no figure at all: no rank, no invented number', () => {
    render(<App data={data('https://x.com/strasbourg')} lang={lang} />);
    expect(text(screen.getByTestId('headline-rank'))).toMatch(lang === 'fr' ? /Pas de chiffre/ : /No figure/);
    expect(text(screen.getByTestId('no-figure'))).not.toBe('');
    expect(screen.queryByTestId('bundled-figure')).toBeNull();
  });

  it('switching to the whole group widens the cohort and is remembered for the badge', async () => {
    render(<App data={data('https://x.com/Paris')} lang={lang} />);
    const before = screen.getByTestId('without-figure').textContent ?? '';
    fireEvent.click(screen.getByTestId('cohort-all'));
    const after = screen.getByTestId('without-figure').textContent ?? '';
    expect(after.length).toBeGreaterThan(before.length);
    await expect.poll(() => cohortPreference.getValue()).toBe('all');
  });

  it('the per-inhabitant view shows figures per 1,000 inhabitants', () => {
    render(<App data={data('https://x.com/Paris')} lang={lang} />);
    fireEvent.click(screen.getByTestId('view-per-thousand'));
    const paris = screen.getByTestId('cohort-bars').querySelector('[data-entity="city-75056"]');
    expect(Number(paris?.getAttribute('data-value'))).toBeCloseTo((2_200_000 / 2_103_778) * 1000, 3);
  });

  it('focusing a bar names the peer with its figure and origin', () => {
    render(<App data={data('https://x.com/Paris')} lang={lang} />);
    const toulouse = screen.getByTestId('cohort-bars').querySelector('[data-entity="city-31555"] button');
    fireEvent.focus(toulouse as Element);
    expect(text(screen.getByTestId('bar-details'))).toMatch(/Toulouse.*124.000/);
  });

  it('account not in the benchmark: neutral, and names the listed account it resembles', () => {
    render(<App data={data('https://x.com/paris_officiel')} lang={lang} />);
    expect(text(screen.getByTestId('unlisted-body'))).toContain('paris_officiel');
    expect(text(screen.getByTestId('resemblance-looks-like'))).toContain('paris');
  });

  it('official website of a listed institution', () => {
    render(<App data={data('https://www.paris.fr/pages/agenda')} lang={lang} />);
    expect(screen.getByTestId('state-website')).toBeTruthy();
    expect(text(screen.getByTestId('entity-name'))).toContain('Paris');
  });

  it('any other page: what Civiscope does', () => {
    render(<App data={data('https://example.org/')} lang={lang} />);
    expect(text(screen.getByTestId('about-body'))).toContain('Civiscope');
  });
});

describe('popup diagnostics: refused page reports', () => {
  it.each<[Lang, number, string | null]>([
    ['fr', 3, '3 rapports de page refusés'],
    ['en', 2, '2 page reports refused'],
    ['en', 0, null],
  ])('%s, %i refused → %s', (lang, dropped, expected) => {
    render(<App data={{ ...data('https://x.com/Paris'), droppedReports: dropped }} lang={lang} />);
    const line = screen.queryByTestId('dropped-reports');
    if (expected === null) expect(line).toBeNull();
    else expect(text(line)).toContain(expected);
  });
});
