import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import type { CompareInput } from '@/lib/compare/types';
import { acct, dataset, ent, fig, NOW, xCity } from './fixtures';

const run = (
  entities: Parameters<typeof dataset>[0],
  entityId: string,
  extra: Partial<CompareInput> = {},
  study?: Record<string, unknown>,
) => compareAccount({ dataset: dataset(entities, study), entityId, platform: 'x', now: NOW, ...extra });

describe('compareAccount: cohorts', () => {
  const cities = [
    xCity('a', 400),
    xCity('b', 300),
    xCity('c', 200),
    xCity('small', 350, { study: false }),
    ent('region-r', { accounts: [acct('x', [fig(1_000_000)])] }),
  ];

  it('uses the 2012 study cohort by default for cities, and the whole group on request', () => {
    const study = run(cities, 'city-b');
    expect(study.cohortRule).toBe('study-2012');
    expect(study.cohort.map((m) => m.entity)).toEqual(['city-a', 'city-b', 'city-c']);
    expect(study.rank).toBe(2);
    expect(study.cohortNotes).toEqual([]);
    const all = run(cities, 'city-b', { cohort: 'all' });
    expect(all.cohortRule).toBe('all');
    expect(all.cohort.map((m) => m.entity)).toEqual(['city-a', 'city-small', 'city-b', 'city-c']);
    expect(all.rank).toBe(3);
  });

  it('adds an entity outside the study cohort to it and says so', () => {
    const c = run(cities, 'city-small');
    expect(c.cohortRule).toBe('study-2012');
    expect(c.cohortNotes).toEqual([{ code: 'outside-study' }]);
    expect(c.groupSize).toBe(4);
    expect(c.rank).toBe(2);
  });

  it('falls back to the whole group when no entity carries the study flag', () => {
    const c = run([ent('city-x', { accounts: [acct('x', [fig(1)])] }), ent('city-y')], 'city-x');
    expect(c.cohortRule).toBe('all');
    expect(c.cohortNotes).toEqual([{ code: 'no-study-cohort' }]);
    expect(c.groupSize).toBe(2);
  });

  it('keeps only ministers in office on `now`, and adds a former one on screen with a note', () => {
    const ministers = [
      ent('minister-current', { validFrom: '2025-10-12', accounts: [acct('x', [fig(100)])] }),
      ent('minister-leaving-this-month', { validTo: '2026-06', accounts: [acct('x', [fig(50)])] }),
      ent('minister-former', { validTo: '2025-10-05', accounts: [acct('x', [fig(9000)])] }),
      ent('minister-future', { validFrom: '2026-07-01', accounts: [acct('x', [fig(8000)])] }),
    ];
    const c = run(ministers, 'minister-current');
    expect(c.cohortRule).toBe('all');
    expect(c.cohort.map((m) => m.entity)).toEqual(['minister-current', 'minister-leaving-this-month']);
    expect(c.rank).toBe(1);
    expect(c.perInhabitant).toBeNull();
    expect(c.participation).toBeNull();
    const former = run(ministers, 'minister-former');
    expect(former.cohortNotes).toEqual([{ code: 'not-current', validFrom: null, validTo: '2025-10-05' }]);
    expect(former.rank).toBe(1);
    expect(former.groupSize).toBe(3);
  });

  it('ignores the study option for ministries: current ones only', () => {
    const ministries = [
      ent('ministry-a', { study: true, accounts: [acct('x', [fig(10)])] }),
      ent('ministry-b', { accounts: [acct('x', [fig(20)])] }),
      ent('ministry-old', { validTo: '2020', accounts: [acct('x', [fig(30)])] }),
    ];
    const c = run(ministries, 'ministry-a', { cohort: 'study' });
    expect(c.cohortRule).toBe('all');
    expect(c.cohort.map((m) => m.entity)).toEqual(['ministry-b', 'ministry-a']);
  });
});

describe('compareAccount: per inhabitant', () => {
  // Raw: big 1000 > mid 600 > tiny 100. Per 1,000 inhabitants: tiny 10 > mid 6 > big 2.
  const cities = [
    xCity('big', 1000, { pop: 500_000 }),
    xCity('mid', 600, { pop: 100_000 }),
    xCity('tiny', 100, { pop: 10_000 }),
    xCity('nopop', 50),
  ];

  it('ranks per 1,000 inhabitants separately from the raw figure', () => {
    const c = run(cities, 'city-tiny');
    expect(c.rank).toBe(3);
    expect(c.perInhabitant).toEqual({
      value: 10,
      rank: 1,
      ranked: 3,
      median: 6,
      ratioToMedian: 10 / 6,
      population: { value: 10_000, vintage: '2023', source: 'test-population' },
      withoutPopulation: ['city-nopop'],
      vintages: ['2023'],
    });
    const big = run(cities, 'city-big');
    expect(big.rank).toBe(1);
    expect(big.perInhabitant?.rank).toBe(3);
    expect(big.perInhabitant?.value).toBe(2);
    expect(big.cohort.find((m) => m.entity === 'city-mid')).toMatchObject({ perThousand: 6, perThousandRank: 2 });
  });

  it('has no per-inhabitant value without a population, and flags mixed vintages', () => {
    const c = run(cities, 'city-nopop');
    expect(c.perInhabitant).toMatchObject({ value: null, rank: null, ranked: 3, median: 6 });
    const mixed = run([xCity('a', 10, { pop: 1000 }), xCity('b', 10, { pop: 1000, vintage: '2021' })], 'city-a');
    expect(mixed.flags).toContainEqual({ code: 'population-vintages-differ', vintages: ['2021', '2023'] });
  });
});

describe('compareAccount: presence and participation', () => {
  const cities = [
    ent('city-self', {
      study: true,
      participation: ['https://participer.example.org'],
      accounts: [
        acct('x', [fig(10)]),
        acct('facebook', [], { status: 'unused' }),
        acct('instagram', [], { status: 'closed' }),
      ],
    }),
    ent('city-p1', { study: true, participation: ['https://p1.example.org'], accounts: [acct('x'), acct('youtube')] }),
    ent('city-p2', { study: true, accounts: [acct('x', [], { status: 'closed' }), acct('facebook')] }),
    ent('city-p3', { study: true, accounts: [acct('x'), acct('facebook'), acct('youtube'), acct('instagram')] }),
    ent('city-p4', { study: true, accounts: [] }),
  ];
  const c = run(cities, 'city-self');
  const on = (platform: string) => c.presence.platforms.find((p) => p.platform === platform);

  it('counts active and unused accounts as present, closed ones as absent, the rest as unknown', () => {
    expect(c.presence.platforms).toHaveLength(11);
    // x: p1 and p3 present, p2 closed (absent), p4 unknown → 2 of 3 known peers.
    expect(on('x')).toMatchObject({
      state: 'present',
      has: true,
      status: 'active',
      peersWith: 2,
      peersKnown: 3,
      peers: 4,
    });
    expect(on('x')?.share).toBeCloseTo(2 / 3);
    expect(on('facebook')).toMatchObject({ state: 'present', status: 'unused', peersWith: 2, peersKnown: 2, share: 1 });
    expect(on('instagram')).toMatchObject({
      state: 'absent',
      has: false,
      status: 'closed',
      absence: {
        reason: 'closed',
        date: null,
        url: 'https://example.org/instagram/instagram-account',
        source: 'test-source',
      },
      peersWith: 1,
      peersKnown: 1,
    });
    expect(on('youtube')).toMatchObject({ state: 'unknown', has: false, status: null, url: null, absence: null });
    // Nobody is known on Flickr: no share at all, rather than "0 of 4".
    expect(on('flickr')).toMatchObject({ state: 'unknown', peersWith: 0, peersKnown: 0, peers: 4, share: null });
  });

  it('has no median of platforms used while no member is known on every platform', () => {
    expect(c.presence).toMatchObject({ used: 2, known: 3, cohortMedian: null, membersKnown: 0, members: 5 });
  });

  it('computes shares and the median over the members whose state is known', () => {
    const all = [
      'x',
      'facebook',
      'youtube',
      'dailymotion',
      'instagram',
      'linkedin',
      'tiktok',
      'threads',
      'bluesky',
      'mastodon',
      'flickr',
    ] as const;
    const except = (...present: string[]) => all.filter((p) => !present.includes(p));
    const known = [
      // Self: X and Facebook, the rest checked absent on its site → known on all 11, uses 2.
      ent('city-self', {
        study: true,
        accounts: [acct('x', [fig(10)]), acct('facebook')],
        checkedAbsent: except('x', 'facebook'),
      }),
      // Known on all 11: uses 4.
      ent('city-k1', {
        study: true,
        accounts: [acct('x'), acct('facebook'), acct('youtube'), acct('instagram')],
        checkedAbsent: except('x', 'facebook', 'youtube', 'instagram'),
      }),
      // Known on all 11: uses 1 (its Instagram is closed).
      ent('city-k2', {
        study: true,
        accounts: [acct('x'), acct('instagram', [], { status: 'closed' })],
        checkedAbsent: except('x', 'instagram'),
      }),
      // YouTube checked absent, everything else unknown.
      ent('city-u1', { study: true, accounts: [acct('x')], checkedAbsent: ['youtube'] }),
      // Nothing known at all.
      ent('city-u2', { study: true }),
    ];
    const k = run(known, 'city-self');
    const at = (platform: string) => k.presence.platforms.find((p) => p.platform === platform);
    expect(at('youtube')).toMatchObject({
      state: 'absent',
      absence: { reason: 'checked', date: '2026-05-01', url: 'https://www.self.example.fr/', source: 'test-source' },
      peersWith: 1,
      peersKnown: 3,
      peers: 4,
    });
    expect(at('youtube')?.share).toBeCloseTo(1 / 3);
    expect(at('x')).toMatchObject({ peersWith: 3, peersKnown: 3, share: 1 });
    // Median of 2 (self), 4 (k1), 1 (k2): 2, over 3 of the 5 members.
    expect(k.presence).toMatchObject({ used: 2, known: 11, cohortMedian: 2, membersKnown: 3, members: 5 });
  });

  it('a live account wins over an older check of the same platform', () => {
    const later = [ent('city-self', { study: true, accounts: [acct('x', [fig(10)])], checkedAbsent: ['x'] })];
    expect(run(later, 'city-self').presence.platforms[0]).toMatchObject({
      platform: 'x',
      state: 'present',
      absence: null,
    });
  });

  it('reports participatory platforms and the share of peers with one', () => {
    expect(c.participation).toEqual({
      has: true,
      urls: ['https://participer.example.org'],
      peersWith: 1,
      peers: 4,
      share: 0.25,
    });
    expect(run(cities, 'city-p4').participation).toMatchObject({ has: false, urls: [], peersWith: 2, share: 0.5 });
  });
});

describe('compareAccount: the 2012 study', () => {
  const study = {
    id: 'da12-2012',
    title: { fr: 'Étude DA12', en: 'DA12 study' },
    date: '2012-07',
    source: 'test-source',
    groups: ['ministry', 'minister', 'region', 'city'],
    findings: [
      { groups: ['city', 'region'], text: { fr: 'Villes : X domine.', en: 'Cities: X leads.' } },
      { groups: ['ministry'], text: { fr: 'Ministères : vidéo.', en: 'Ministries: video.' } },
    ],
    figures2012: [
      {
        entity: 'city-lille',
        platform: 'facebook',
        metric: 'page-likes',
        value: 75000,
        date: '2012-07',
        onOrBefore: true,
        precision: 'rounded',
        source: 'test-source',
        note: 'may concern another page',
      },
      { entity: 'city-toulouse', platform: 'facebook', metric: 'page-likes', value: 6500, date: '2012-07' },
      { entity: 'city-broken', platform: 'nowhere', value: 1 },
      'garbage',
    ],
  };
  const fb = (slug: string, figures: ReturnType<typeof fig>[]) =>
    ent(`city-${slug}`, { study: true, accounts: [acct('facebook', figures)] });
  const runFb = (entities: Parameters<typeof dataset>[0], entityId: string) =>
    compareAccount({ dataset: dataset(entities, study), entityId, platform: 'facebook', now: NOW });

  it('gives the findings about the group and the change since the 2012 figure', () => {
    const c = runFb(
      [fb('lille', [fig(150000, '2026-06-01', { metric: 'page-likes' })]), fb('toulouse', [])],
      'city-lille',
    );
    expect(c.study2012.study).toBe('da12-2012');
    expect(c.study2012.findings).toEqual([{ fr: 'Villes : X domine.', en: 'Cities: X leads.' }]);
    expect(c.study2012.figure).toMatchObject({ value: 75000, onOrBefore: true, note: 'may concern another page' });
    expect(c.study2012.change).toEqual({ from: 75000, to: 150000, absolute: 75000, factor: 2, metricsDiffer: false });
    expect(c.study2012.cohortFigures.map((f) => f.entity)).toEqual(['city-lille', 'city-toulouse']);
    // The 2012 figure is history: it never enters the ranking.
    expect(c.cohort.find((m) => m.entity === 'city-toulouse')?.standing).toBe('no-figure');
  });

  it('flags a change computed across different metrics', () => {
    const c = runFb([fb('toulouse', [fig(13000)])], 'city-toulouse');
    expect(c.study2012.change).toMatchObject({ from: 6500, to: 13000, factor: 2, metricsDiffer: true });
    expect(c.flags).toContainEqual({ code: 'study2012-metric-differs', from: 'page-likes', to: 'followers' });
  });

  it('reads 2012-edition figures stored on accounts too, and gives no change without a current figure', () => {
    const nantes = fb('nantes', [fig(4000, '2012-07', { edition: '2012', metric: 'page-likes' })]);
    const c = runFb([nantes], 'city-nantes');
    expect(c.study2012.figure).toMatchObject({ entity: 'city-nantes', value: 4000, metric: 'page-likes' });
    expect(c.study2012.change).toBeNull();
  });

  it('works without any study in the dataset', () => {
    const c = run([xCity('a', 1)], 'city-a');
    expect(c.study2012).toEqual({
      study: null,
      title: null,
      date: null,
      findings: [],
      figure: null,
      change: null,
      cohortFigures: [],
    });
  });
});
