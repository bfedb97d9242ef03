import { describe, expect, it } from 'vitest';
import { BUNDLED } from '@/lib/dataset/bundled';
import { checkDataset, compareLooseDates, isRealDate } from '@/lib/dataset/check';
import type { Dataset } from '@/lib/dataset/schema';

/** A small valid dataset; each broken example changes one thing in a copy. */
function valid(): Dataset {
  const city = (code: string, cohort: boolean) => ({
    id: `city-${code}`,
    group: 'city' as const,
    name: { fr: `Ville ${code}` },
    population: { value: 100000, vintage: '2023', source: 'insee' },
    ...(cohort ? { cohort2012: true } : {}),
    accounts: [],
  });
  const region = (code: string) => ({
    id: `region-${code}`,
    group: 'region' as const,
    name: { fr: `Région ${code}` },
    cohort2012: true,
    accounts: [],
  });
  const cities = Array.from({ length: 11 }, (_, i) => city(String(10000 + i), i < 10));
  const regions = Array.from({ length: 10 }, (_, i) => region(String(10 + i)));
  return {
    edition: { id: 'test', date: '2026-11-28', ministersAsOf: '2025-10-12', ministersSource: 'press' },
    sources: {
      insee: { title: 'INSEE', kind: 'reference' },
      press: { title: 'A newspaper', date: '2025-01-16', kind: 'press' },
    },
    study: {
      id: 'da12-2012',
      title: { fr: 'Étude' },
      date: '2012-07',
      source: 'press',
      groups: ['city'],
      findings: [],
      figures2012: [
        {
          entity: 'city-10000',
          platform: 'facebook',
          metric: 'page-likes',
          value: 75000,
          precision: 'rounded',
          source: 'press',
        },
      ],
    },
    entities: [
      ...cities,
      ...regions,
      {
        id: 'ministry-mer',
        group: 'ministry',
        name: { fr: 'Ministère de la Mer' },
        validFrom: '2020',
        validTo: '2024',
        related: [{ entity: 'minister-x', relation: 'has-minister' }],
        accounts: [
          {
            platform: 'x',
            key: 'mergouv',
            url: 'https://x.com/MerGouv',
            status: 'active',
            confidence: 'third-party',
            sources: ['press'],
            figures: [{ metric: 'followers', value: 10, date: '2024-02-29', precision: 'exact', source: 'press' }],
          },
        ],
      },
      {
        id: 'minister-x',
        group: 'minister',
        name: { fr: 'X' },
        related: [{ entity: 'ministry-mer', relation: 'minister-of' }],
        accounts: [],
      },
    ],
  };
}

const mer = (d: Dataset) => {
  const e = d.entities.find((x) => x.id === 'ministry-mer');
  if (!e) throw new Error('fixture');
  return e;
};
const account = (d: Dataset) => {
  const a = mer(d).accounts[0];
  if (!a) throw new Error('fixture');
  return a;
};

describe('checkDataset', () => {
  it('accepts the valid fixture and the bundled dataset', () => {
    expect(checkDataset(valid())).toEqual([]);
    expect(checkDataset(JSON.parse(JSON.stringify(BUNDLED)))).toEqual([]);
  });

  const cases: [string, (d: Dataset) => void, string, string][] = [
    [
      'schema: bad platform, with record id and field in the path',
      (d) => {
        (account(d) as { platform: string }).platform = 'myspace';
      },
      'entities[21] (ministry-mer).accounts[0] (myspace:mergouv).platform',
      'Invalid',
    ],
    [
      'schema: account without a source',
      (d) => {
        account(d).sources = [];
      },
      'entities[21] (ministry-mer).accounts[0] (x:mergouv).sources',
      'every account needs a source',
    ],
    [
      'schema: figure without a source',
      (d) => {
        const f = account(d).figures?.[0] as { source?: string } | undefined;
        if (f) delete f.source;
      },
      'entities[21] (ministry-mer).accounts[0] (x:mergouv).figures[0].source',
      'Invalid key',
    ],
    [
      'duplicate id',
      (d) => {
        d.entities.push({ ...mer(d), accounts: [] });
      },
      'entities[23] (ministry-mer).id',
      'duplicate id (also entities[21])',
    ],
    [
      'unknown source',
      (d) => {
        account(d).sources = ['nowhere'];
      },
      'entities[21] (ministry-mer).accounts[0] (x:mergouv).sources',
      'unknown source "nowhere" (not in sources)',
    ],
    [
      'unknown source of an entity (role and validity)',
      (d) => {
        mer(d).sources = ['press', 'decree'];
      },
      'entities[21] (ministry-mer).sources',
      'unknown source "decree" (not in sources)',
    ],
    [
      'unknown figure source',
      (d) => {
        const f = account(d).figures?.[0];
        if (f) f.source = 'gone';
      },
      'entities[21] (ministry-mer).accounts[0] (x:mergouv).figures[0].source',
      'unknown source "gone"',
    ],
    [
      'date that is not in the calendar',
      (d) => {
        const f = account(d).figures?.[0];
        if (f) f.date = '2025-02-30';
      },
      'entities[21] (ministry-mer).accounts[0] (x:mergouv).figures[0].date',
      '"2025-02-30" is not a calendar date',
    ],
    [
      'validTo before validFrom',
      (d) => {
        mer(d).validTo = '2019-12';
      },
      'entities[21] (ministry-mer).validTo',
      'validTo 2019-12 is before validFrom 2020',
    ],
    [
      'related entity missing',
      (d) => {
        mer(d).related = [{ entity: 'minister-nobody', relation: 'has-minister' }];
      },
      'entities[21] (ministry-mer).related[0].entity',
      'unknown entity "minister-nobody"',
    ],
    [
      'same account under two entities',
      (d) => {
        const m = d.entities.find((e) => e.id === 'minister-x');
        if (m) m.accounts.push({ ...account(d) });
      },
      'entities[22] (minister-x).accounts[0] (x:mergouv)',
      'also listed under ministry-mer',
    ],
    [
      'cohort count',
      (d) => {
        const c = d.entities.find((e) => e.id === 'city-10010');
        if (c) c.cohort2012 = true;
      },
      'entities',
      '11 city entities flagged cohort2012, expected 10',
    ],
    [
      'study figure on an unknown entity',
      (d) => {
        const f = d.study?.figures2012?.[0];
        if (f) f.entity = 'city-00000';
      },
      'study.figures2012[0].entity',
      'unknown entity "city-00000"',
    ],
    [
      'id not matching its group',
      (d) => {
        mer(d).group = 'minister';
      },
      'entities[21] (ministry-mer).group',
      'id does not start with "minister-"',
    ],
    // Checked-absent facts (issue 10): a dated, sourced reading of the official site.
    [
      'checked absent where the entity lists a live account',
      (d) => {
        mer(d).checkedAbsent = [
          { platform: 'x', date: '2026-11-30', url: 'https://www.mer.gouv.fr/', source: 'press' },
        ];
      },
      'entities[21] (ministry-mer).checkedAbsent[0] (x)',
      'x is checked absent but the entity lists x:mergouv',
    ],
    [
      'checked absent with an unknown source',
      (d) => {
        mer(d).checkedAbsent = [
          { platform: 'tiktok', date: '2026-11-30', url: 'https://www.mer.gouv.fr/', source: 'nope' },
        ];
      },
      'entities[21] (ministry-mer).checkedAbsent[0] (tiktok).source',
      'unknown source "nope"',
    ],
    [
      'checked absent on a date that does not exist',
      (d) => {
        mer(d).checkedAbsent = [
          { platform: 'tiktok', date: '2026-02-30', url: 'https://www.mer.gouv.fr/', source: 'press' },
        ];
      },
      'entities[21] (ministry-mer).checkedAbsent[0] (tiktok).date',
      'not a calendar date',
    ],
    [
      'checked absent twice on one platform',
      (d) => {
        const check = {
          platform: 'tiktok' as const,
          date: '2026-11-30',
          url: 'https://www.mer.gouv.fr/',
          source: 'press',
        };
        mer(d).checkedAbsent = [check, { ...check, date: '2026-10-01' }];
      },
      'entities[21] (ministry-mer).checkedAbsent[1] (tiktok)',
      'checked absent twice',
    ],
    [
      'schema: checked absent without the page read',
      (d) => {
        mer(d).checkedAbsent = [{ platform: 'tiktok', date: '2026-11-30', url: 'www.mer.gouv.fr', source: 'press' }];
      },
      'entities[21] (ministry-mer).checkedAbsent[0].url',
      'must be an absolute URL',
    ],
  ];

  it('accepts a checked-absent fact on a platform without a live account', () => {
    const d = valid();
    mer(d).checkedAbsent = [
      { platform: 'tiktok', date: '2026-11-30', url: 'https://www.mer.gouv.fr/', source: 'press' },
    ];
    expect(checkDataset(JSON.parse(JSON.stringify(d)))).toEqual([]);
  });

  it.each(cases)('reports %s', (_name, breakIt, path, message) => {
    const d = valid();
    breakIt(d);
    const problems = checkDataset(JSON.parse(JSON.stringify(d)));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('never throws on junk', () => {
    for (const junk of [null, 42, 'x', [], {}, { entities: 'no' }])
      expect(checkDataset(junk).length).toBeGreaterThan(0);
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13', false],
    ['2012-07', true],
    ['2012', true],
    ['12-07-2012', false],
  ])('isRealDate(%s) = %s', (s, ok) => expect(isRealDate(s)).toBe(ok));

  it('compares dates on their common precision', () => {
    expect(compareLooseDates('2024', '2024-05')).toBe(0);
    expect(compareLooseDates('2020', '2019-12')).toBe(1);
    expect(compareLooseDates('2025-01-18', '2025-01-20')).toBe(-1);
  });
});
