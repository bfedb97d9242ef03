import type { Account, Dataset, Entity } from '@/lib/dataset';
import type { PlatformId } from '@/lib/platforms/types';

/** Hand-made datasets for the study measures: small enough to count by hand. */

const URLS: Partial<Record<PlatformId, (key: string) => string>> = {
  x: (k) => `https://x.com/${k}`,
  facebook: (k) => `https://www.facebook.com/${k}`,
  youtube: (k) => `https://www.youtube.com/${k}`,
  dailymotion: (k) => `https://www.dailymotion.com/${k}`,
  instagram: (k) => `https://www.instagram.com/${k}/`,
};

export function account(platform: PlatformId, key: string, extra: Partial<Account> = {}): Account {
  return {
    platform,
    key,
    url: (URLS[platform] as (k: string) => string)(key),
    status: 'active',
    confidence: 'confirmed',
    sources: ['src-a'],
    ...extra,
  };
}

function city(code: string, name: string, accounts: Account[], extra: Partial<Entity> = {}): Entity {
  return {
    id: `city-${code}`,
    group: 'city',
    name: { fr: name },
    population: { value: 100000, vintage: '2023', source: 'src-pop' },
    accounts,
    ...extra,
  };
}

/**
 * Three of the study's cities (Lille, Toulouse, Paris) flagged cohort2012, plus Rennes (not in the
 * ten), two ministries, two ministers in office and one former minister.
 */
export function studyDataset(): Dataset {
  return {
    edition: { id: 'study-test', date: '2026-11-28' },
    sources: {
      'src-a': { title: 'Source A', date: '2024-03-01', kind: 'official' },
      'src-b': { title: 'Source B', url: 'https://example.org/b', date: '2025-06', kind: 'press' },
      'src-pop': { title: 'INSEE', kind: 'reference' },
      'src-undated': { title: 'Undated list', kind: 'third-party' },
      'study-2012': { title: 'The 2012 study', date: '2012-07', kind: 'study' },
    },
    study: {
      id: 'da12-2012',
      title: { fr: 'Étude 2012', en: '2012 study' },
      date: '2012-07',
      source: 'study-2012',
      groups: ['ministry', 'minister', 'region', 'city'],
      findings: [
        { groups: ['ministry', 'minister', 'region', 'city'], text: { fr: 'Twitter en tête.', en: 'Twitter first.' } },
        { groups: ['ministry', 'minister'], text: { fr: 'Dailymotion.', en: 'Dailymotion.' } },
        { groups: ['minister'], text: { fr: 'Blogs.', en: 'Blogs.' } },
        { groups: ['city'], text: { fr: 'Lille 75 000, Toulouse 6 500.', en: 'Lille 75,000, Toulouse 6,500.' } },
        { groups: ['city'], text: { fr: 'Montpellier et Bordeaux.', en: 'Montpellier and Bordeaux.' } },
        { groups: ['ministry', 'minister', 'region', 'city'], text: { fr: 'Push.', en: 'Push.' } },
      ],
      figures2012: [
        {
          entity: 'city-59350',
          platform: 'facebook',
          metric: 'page-likes',
          value: 75000,
          date: '2012-07',
          onOrBefore: true,
          precision: 'rounded',
          source: 'study-2012',
        },
      ],
    },
    entities: [
      city(
        '59350',
        'Lille',
        [
          account('facebook', 'villedelille', {
            sources: ['src-b'],
            figures: [
              { metric: 'followers', value: 200000, date: '2025-06-01', precision: 'exact', source: 'src-b' },
              // A 2012 figure is history: never today's figure.
              {
                metric: 'followers',
                value: 999999,
                date: '2012-07',
                precision: 'rounded',
                source: 'study-2012',
                edition: '2012',
              },
            ],
          }),
          account('x', 'lille'),
        ],
        {
          cohort2012: true,
          participation: [
            { url: 'https://participez.lille.fr', since: '2020-01', confidence: 'confirmed', sources: ['src-b'] },
          ],
        },
      ),
      city(
        '31555',
        'Toulouse',
        [
          account('facebook', 'toulouse', {
            sources: ['src-undated'],
            figures: [{ metric: 'followers', value: 50000, date: '2025-01-01', precision: 'rounded', source: 'src-b' }],
          }),
          account('x', 'toulouse', { status: 'unused', statusSince: '2025-01-20' }),
        ],
        { cohort2012: true },
      ),
      city(
        '75056',
        'Paris',
        [
          account('facebook', 'paris', {
            figures: [{ metric: 'followers', value: 800000, date: '2024-11-15', precision: 'exact', source: 'src-a' }],
          }),
        ],
        {
          cohort2012: true,
          checkedAbsent: [{ platform: 'x', url: 'https://www.paris.fr', date: '2026-11-01', source: 'src-a' }],
        } as Partial<Entity>,
      ),
      // Not one of the study's ten: never counted.
      city('35238', 'Rennes', [account('x', 'rennes'), account('youtube', '@rennes')], {
        participation: [{ url: 'https://fabriquecitoyenne.rennes.fr', confidence: 'confirmed', sources: ['src-a'] }],
      }),
      {
        id: 'ministry-interieur',
        group: 'ministry',
        name: { fr: 'Intérieur' },
        accounts: [account('x', 'interieur_gouv'), account('youtube', '@interieur')],
        checkedAbsent: [{ platform: 'dailymotion', date: '2026-10-02', source: 'src-a' }],
      } as Entity,
      {
        id: 'ministry-culture',
        group: 'ministry',
        name: { fr: 'Culture' },
        accounts: [account('x', 'culture_gouv'), account('dailymotion', 'culture')],
      },
      {
        id: 'minister-a',
        group: 'minister',
        name: { fr: 'Ministre A' },
        validFrom: '2025-10-12',
        accounts: [account('x', 'ministre_a')],
      },
      { id: 'minister-b', group: 'minister', name: { fr: 'Ministre B' }, validFrom: '2025-10-12', accounts: [] },
      {
        id: 'minister-former',
        group: 'minister',
        name: { fr: 'Ancien ministre' },
        validFrom: '2020',
        validTo: '2024-01-01',
        accounts: [account('dailymotion', 'ancien'), account('youtube', '@ancien')],
      },
    ],
  };
}
