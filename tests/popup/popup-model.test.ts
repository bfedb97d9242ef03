import { describe, expect, it } from 'vitest';
import type { TabState } from '@/lib/background/tab-state';
import { indexDataset } from '@/lib/dataset';
import { detectAccount } from '@/lib/platforms/registry';
import { resolvePopupModel } from '@/lib/popup/popup-model';
import { tinyDataset } from '../helpers/tiny-dataset';

const index = indexDataset(tinyDataset());
const state = (url: string, over: Partial<TabState['report']> = {}): TabState => ({
  url,
  report: { type: 'civiscope:page', url, account: { platform: 'x', page: 'profile', key: 'paris' }, ...over },
});

describe('resolvePopupModel', () => {
  it.each([
    [
      'listed account from the last page report',
      'https://x.com/Paris',
      state('https://x.com/Paris'),
      'listed',
      'city-75056',
    ],
    [
      'listed account parsed from the URL when no report exists',
      'https://x.com/Paris/media',
      null,
      'listed',
      'city-75056',
    ],
    ['listed account, case and tab do not matter', 'https://twitter.com/PARIS/followers', null, 'listed', 'city-75056'],
    ['post of a listed account', 'https://x.com/Interieur_Gouv/status/1', null, 'listed', 'ministry-interieur'],
    ['unlisted account', 'https://x.com/nobody', null, 'unlisted', undefined],
    ['official website', 'https://www.paris.fr/pages/culture', null, 'website', 'city-75056'],
    ['official website without www', 'https://paris.fr/', null, 'website', 'city-75056'],
    [
      'blog under a path of a site',
      'https://www.interieur.gouv.fr/blog/un-billet',
      null,
      'website',
      'ministry-interieur',
    ],
    ['another path of that site is not the blog', 'https://www.interieur.gouv.fr/actualites', null, 'other', undefined],
    ['a look-alike host is not the site', 'https://paris.fr.example.com/', null, 'other', undefined],
    ['a page of the platform that is not an account', 'https://x.com/explore', null, 'other', undefined],
    ['a browser page', 'chrome://extensions/', null, 'other', undefined],
    ['no URL (no permission)', undefined, null, 'other', undefined],
  ])('%s', (_what, url, tabState, kind, entity) => {
    const model = resolvePopupModel(index, url, tabState, detectAccount);
    expect(model.kind).toBe(kind);
    expect('entity' in model ? model.entity.id : undefined).toBe(entity);
  });

  it('ignores a report about another URL than the one the tab shows now', () => {
    const stale = state('https://x.com/Paris', {
      reading: { value: 5, metric: 'followers', precision: 'exact', problems: [] },
    });
    const model = resolvePopupModel(index, 'https://x.com/nobody', stale, detectAccount);
    expect(model.kind).toBe('unlisted');
    expect('reading' in model ? model.reading : undefined).toBeUndefined();
  });

  it('carries the reading of the page on screen', () => {
    const reading = { value: 5, metric: 'followers' as const, precision: 'exact' as const, problems: [] };
    const model = resolvePopupModel(index, 'https://x.com/Paris', state('https://x.com/Paris', { reading, readAt: 1 }));
    expect(model).toMatchObject({ kind: 'listed', reading, readAt: 1 });
  });
});
