import { describe, expect, it } from 'vitest';
import { compareAccount, headline } from '@/lib/compare';
import { acct, dataset, ent, fig, NOW, xCity } from './fixtures';

// ICU versions differ on which no-break space French uses before "%": compare with plain spaces.
const text = (h: ReturnType<typeof headline>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v?.replace(/[\u00a0\u202f]/g, ' ') ?? null]));

function tenCities(selfValue: number) {
  // Nine peers 100, 200 … 900, plus the entity with the given value: ten cities.
  const peers = [100, 200, 300, 400, 500, 600, 700, 800, 900].map((v, i) => xCity(`p${i}`, v));
  return compareAccount({
    dataset: dataset([...peers, xCity('self', selfValue)]),
    entityId: 'city-self',
    platform: 'x',
    now: NOW,
  });
}

describe('headline', () => {
  it('says rank, top share and ratio to the median in French and English', () => {
    const c = tenCities(1395);
    // ranked: 100…900 and 1395 → rank 1; median (500 + 600) / 2 = 550; 1395 / 550 = 2.536…
    expect(text(headline(c, 'fr'))).toEqual({
      rank: '1re sur 10 villes sur X',
      top: 'top 10 %',
      ratio: '2,5 × la médiane',
      missing: null,
    });
    expect(headline(c, 'en')).toEqual({
      rank: '1st of 10 cities on X',
      top: 'top 10%',
      ratio: '2.5 × the median',
      missing: null,
    });
  });

  it('uses ordinals, ties and the top share', () => {
    const c = tenCities(800);
    expect(c.headline).toMatchObject({ rank: 2, of: 10, tied: true, topPercent: 20 });
    expect(headline(c, 'fr').rank).toBe('2e ex aequo sur 10 villes sur X');
    expect(headline(c, 'en').rank).toBe('joint 2nd of 10 cities on X');
    expect(text(headline(c, 'fr')).top).toBe('top 20 %');
    expect(headline(tenCities(250), 'en')).toMatchObject({ rank: '8th of 10 cities on X', top: null });
    expect(headline(tenCities(650), 'en').rank).toBe('4th of 10 cities on X');
  });

  it('uses masculine ordinals for ministries and two significant digits for small ratios', () => {
    const c = compareAccount({
      dataset: dataset([
        ent('ministry-a', { accounts: [acct('youtube', [fig(5000, '2026-06-01', { metric: 'subscribers' })])] }),
        ent('ministry-b', { accounts: [acct('youtube', [fig(40, '2026-06-01', { metric: 'subscribers' })])] }),
        ent('ministry-c', { accounts: [acct('youtube', [fig(1000, '2026-06-01', { metric: 'subscribers' })])] }),
      ]),
      entityId: 'ministry-a',
      platform: 'youtube',
      now: NOW,
    });
    expect(headline(c, 'fr')).toMatchObject({ rank: '1er sur 3 ministères sur YouTube', ratio: '5 × la médiane' });
    const small = compareAccount({
      dataset: dataset([
        ent('ministry-a', { accounts: [acct('youtube', [fig(5000, '2026-06-01', { metric: 'subscribers' })])] }),
        ent('ministry-b', { accounts: [acct('youtube', [fig(40, '2026-06-01', { metric: 'subscribers' })])] }),
        ent('ministry-c', { accounts: [acct('youtube', [fig(1000, '2026-06-01', { metric: 'subscribers' })])] }),
      ]),
      entityId: 'ministry-b',
      platform: 'youtube',
      now: NOW,
    });
    expect(headline(small, 'en').ratio).toBe('0.04 × the median');
  });

  it('says why there is no rank, and how many peers have no figure', () => {
    const none = compareAccount({
      dataset: dataset([xCity('a', 10), xCity('b', null, { accounts: [acct('x')] }), xCity('c', null)]),
      entityId: 'city-b',
      platform: 'x',
      now: NOW,
    });
    expect(headline(none, 'fr')).toEqual({
      rank: 'Pas de chiffre pour ce compte sur X',
      top: null,
      ratio: null,
      missing: '1 ville sans chiffre',
    });
    const closed = compareAccount({
      dataset: dataset([
        xCity('a', 10),
        ent('city-gone', { study: true, accounts: [acct('x', [fig(5)], { status: 'closed' })] }),
      ]),
      entityId: 'city-gone',
      platform: 'x',
      now: NOW,
    });
    expect(headline(closed, 'en').rank).toBe('Closed account on X: not ranked');
  });

  it('says "of 1" in the singular and gives no ratio without peers', () => {
    const alone = compareAccount({ dataset: dataset([xCity('a', 10)]), entityId: 'city-a', platform: 'x', now: NOW });
    expect(headline(alone, 'fr')).toEqual({ rank: '1re sur 1 ville sur X', top: null, ratio: null, missing: null });
    expect(headline(alone, 'en').rank).toBe('1st of 1 city on X');
  });
});
