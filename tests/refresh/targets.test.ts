import { describe, expect, it } from 'vitest';
import { compareAccountOnScreen } from '@/lib/compare/account';
import type { Dataset } from '@/lib/dataset';
import { BUNDLED } from '@/lib/dataset/bundled';
import { isRefreshStart } from '@/lib/refresh/messages';
import { pageCount, refreshTargets } from '@/lib/refresh/targets';

const NOW = new Date('2026-12-01T10:00:00Z');

function comparison(entityId: string, key: string, cohort: 'study' | 'all', dataset: Dataset = BUNDLED) {
  const c = compareAccountOnScreen({
    dataset,
    entityId,
    account: { platform: 'x', page: 'profile', key },
    observations: [],
    cohort,
    now: NOW,
  });
  if (!c) throw new Error(`no comparison for ${entityId}`);
  return c;
}

/** The bundled dataset with the justice ministry's X account closed. */
function withJusticeClosed(): Dataset {
  const dataset = structuredClone(BUNDLED) as Dataset;
  const justice = dataset.entities.find((e) => e.id === 'ministry-justice');
  const account = justice?.accounts.find((a) => a.platform === 'x');
  if (!account) throw new Error('ministry-justice has no X account');
  account.status = 'closed';
  return dataset;
}

describe('the peers a group refresh loads', () => {
  // [where, entity, key, cohort, withSelf, dataset, peers, pages]
  it.each<[string, string, string, 'study' | 'all', boolean, Dataset, number, number]>([
    // The popup on the culture ministry's page: that page was just read, the 15 others are the job's
    // (the overseas ministry has no X account: 14 pages).
    ['popup', 'ministry-culture', 'ministerecc', 'all', false, BUNDLED, 15, 14],
    // The dashboard anchors the ministries' cohort on the first one with an X account (agriculture);
    // no page of it is open, so it is re-read too: 16 ministries, 15 pages.
    ['dashboard', 'ministry-agriculture', 'agri_gouv', 'study', true, BUNDLED, 16, 15],
    ['popup', 'city-75056', 'paris', 'study', false, BUNDLED, 9, 7],
    ['dashboard', 'city-75056', 'paris', 'study', true, BUNDLED, 10, 8],
    ['dashboard', 'city-75056', 'paris', 'all', true, BUNDLED, 42, 11],
    // A closed account is a peer, never a page.
    ['dashboard', 'ministry-agriculture', 'agri_gouv', 'study', true, withJusticeClosed(), 16, 14],
  ])('%s, around %s (%s, cohort %s, withSelf %s)', (_where, entity, key, cohort, withSelf, dataset, peers, pages) => {
    const targets = refreshTargets(comparison(entity, key, cohort, dataset), withSelf);
    expect(targets).toHaveLength(peers);
    expect(pageCount(targets)).toBe(pages);
    expect(targets.some((p) => p.entity === entity)).toBe(withSelf);
    // Each member of the cohort at most once, in the comparison's order.
    expect(new Set(targets.map((p) => p.entity)).size).toBe(peers);
  });

  it('with its own account, the dashboard’s job is the whole cohort, its anchor in its place', () => {
    const c = comparison('ministry-agriculture', 'agri_gouv', 'study');
    const targets = refreshTargets(c, true);
    expect(targets.map((p) => p.entity)).toEqual(c.cohort.map((m) => m.entity));
    expect(targets.find((p) => p.entity === 'ministry-agriculture')).toEqual({
      entity: 'ministry-agriculture',
      key: 'agri_gouv',
      url: expect.stringMatching(/^https:\/\/x\.com\//i),
      status: 'active',
    });
  });
});

describe('a start message', () => {
  const popup = { type: 'civiscope:refresh-start', entityId: 'city-75056', platform: 'x', key: 'paris', cohort: 'all' };
  it.each<[string, unknown, boolean]>([
    ['from the popup (no withSelf)', popup, true],
    ['from the dashboard (withSelf)', { ...popup, withSelf: true }, true],
    ['withSelf false', { ...popup, withSelf: false }, true],
    ['withSelf not a boolean', { ...popup, withSelf: 'yes' }, false],
    ['an unknown cohort', { ...popup, cohort: 'some' }, false],
  ])('%s: accepted %s', (_what, message, ok) => {
    expect(isRefreshStart(message)).toBe(ok);
  });
});
