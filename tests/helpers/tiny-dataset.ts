import type { Dataset } from '@/lib/dataset';

/** A small hand-made dataset for tests that must not change when the bundled data grows. */
export function tinyDataset(): Dataset {
  return {
    edition: { id: 'test', date: '2026-11-28' },
    sources: {
      'src-official': {
        title: 'Official site footer',
        url: 'https://www.paris.fr',
        date: '2025-11-27',
        kind: 'official',
      },
      'src-press': { title: 'A press article', date: '2025-01-16', kind: 'press' },
    },
    entities: [
      {
        id: 'city-75056',
        group: 'city',
        name: { fr: 'Paris' },
        code: { scheme: 'insee-commune', value: '75056' },
        population: { value: 2103778, vintage: '2023', source: 'src-official' },
        cohort2012: true,
        websites: [{ url: 'https://www.paris.fr', confidence: 'confirmed', sources: ['src-official'] }],
        accounts: [
          {
            platform: 'x',
            key: 'paris',
            url: 'https://x.com/Paris',
            status: 'unused',
            statusSince: '2025-01-20',
            confidence: 'confirmed',
            sources: ['src-official', 'src-press'],
            figures: [
              { metric: 'followers', value: 2200000, date: '2025-01-16', precision: 'rounded', source: 'src-press' },
            ],
          },
        ],
      },
      {
        id: 'ministry-interieur',
        group: 'ministry',
        name: { fr: 'Ministère de l’Intérieur', en: 'Ministry of the Interior' },
        websites: [{ url: 'https://www.interieur.gouv.fr/blog', confidence: 'confirmed', sources: ['src-official'] }],
        accounts: [
          {
            platform: 'x',
            key: 'interieur_gouv',
            url: 'https://x.com/Interieur_Gouv',
            status: 'active',
            confidence: 'third-party',
            sources: ['src-press'],
          },
        ],
      },
    ],
  };
}
