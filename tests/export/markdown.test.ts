import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { comparisonToMarkdown, escapeMarkdown } from '@/lib/export/markdown';
import { acct, dataset, ent, fig } from '../compare/fixtures';
import { citiesDataset, compareLille, hostileDataset, NOW } from './fixtures';

// ICU versions differ on which no-break space French groups digits with: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('comparisonToMarkdown', () => {
  it('renders the French table: headline, ranking with the account on screen in bold, sources, method', () => {
    const d = citiesDataset();
    expect(plain(comparisonToMarkdown(compareLille(d), d, 'fr'))).toBe(
      [
        'Lille : 2e sur 3 villes sur X, 1 × la médiane (2 villes sans chiffre).',
        '',
        '| rang | institution | valeur (abonnés) | date | origine | précision | pour 1 000 habitants |',
        '| ---: | :--- | ---: | :--- | :--- | :--- | ---: |',
        '| 1 | Nantes | 9 000 | 2026-05 | jeu de données | arrondi | 30,00 |',
        '| 2 | **Lille** | **5 000** | 2026-06-01 | jeu de données | exact | 25,00 |',
        '| 3 | Rennes | 2 500 | au plus tard le 2026-06-10 | jeu de données | exact | 10,00 |',
        '| — | Brest | pas de compte connu |  |  |  |  |',
        '| — | Tours | compte fermé, non classé |  |  |  |  |',
        '',
        'Sources : Test source ; Test population ; [La Voix du Nord \\| article](https://www.example.org/lille%20%28x%29) (2026-06-02).',
        '',
        'Civiscope, méthode v2, jeu de données test-edition (2026-06-01), comparaison au 2026-06-15.',
        '',
      ].join('\n'),
    );
  });

  it('renders the English table', () => {
    const d = citiesDataset();
    expect(comparisonToMarkdown(compareLille(d), d, 'en')).toBe(
      [
        'Lille: 2nd of 3 cities on X, 1 × the median (2 cities without a figure).',
        '',
        '| rank | institution | value (followers) | date | origin | precision | per 1,000 inhabitants |',
        '| ---: | :--- | ---: | :--- | :--- | :--- | ---: |',
        '| 1 | Nantes | 9,000 | 2026-05 | dataset | rounded | 30.00 |',
        '| 2 | **Lille** | **5,000** | 2026-06-01 | dataset | exact | 25.00 |',
        '| 3 | Rennes | 2,500 | on or before 2026-06-10 | dataset | exact | 10.00 |',
        '| — | Brest | no known account |  |  |  |  |',
        '| — | Tours | closed account, not ranked |  |  |  |  |',
        '',
        'Sources: Test source; Test population; [La Voix du Nord \\| article](https://www.example.org/lille%20%28x%29) (2026-06-02).',
        '',
        'Civiscope, method v2, dataset test-edition (2026-06-01), compared as of 2026-06-15.',
        '',
      ].join('\n'),
    );
  });

  it('leaves the per-inhabitant column out for ministries, and says when a reading comes from the page', () => {
    const d = dataset([
      ent('ministry-interieur', { accounts: [acct('x', [fig(300)])] }),
      ent('ministry-culture', { accounts: [acct('x', [fig(100, null)])] }),
    ]);
    const c = compareAccount({
      dataset: d,
      entityId: 'ministry-culture',
      platform: 'x',
      now: NOW,
      live: { value: 500, metric: 'followers', precision: 'exact', readAt: '2026-06-15T10:00:00Z' },
    });
    const md = comparisonToMarkdown(c, d, 'en').split('\n');
    expect(md[0]).toBe('Culture: 1st of 2 ministries on X, 1.3 × the median.');
    expect(md[2]).toBe('| rank | institution | value (followers) | date | origin | precision |');
    expect(md[4]).toBe('| 1 | **Culture** | **500** | 2026-06-15 | page on screen | exact |');
    expect(md[5]).toBe('| 2 | Interieur | 300 | 2026-06-01 | dataset | exact |');
    expect(md[7]).toBe('Sources: Test source.');
  });

  it('says when no dataset source is used', () => {
    const d = dataset([ent('ministry-culture', { accounts: [acct('x')] })]);
    const c = compareAccount({ dataset: d, entityId: 'ministry-culture', platform: 'x', now: NOW });
    const md = comparisonToMarkdown(c, d, 'fr');
    expect(md).toContain('| — | **Culture** | pas de chiffre |');
    expect(md).toContain('Sources : aucune source du jeu de données.');
    expect(md.startsWith('Culture : Pas de chiffre pour ce compte sur X.')).toBe(true);
  });

  it('keeps hostile names inside their cell', () => {
    const d = hostileDataset();
    const c = compareAccount({ dataset: d, entityId: 'city-h11', platform: 'x', now: NOW });
    const md = comparisonToMarkdown(c, d, 'fr');
    const table = md.split('\n').filter((line) => line.startsWith('| '));
    // header, alignment and one row per member: no name broke a line or added a column.
    expect(table).toHaveLength(2 + c.cohort.length);
    for (const row of table) expect(row.split(/(?<!\\)\|/)).toHaveLength(9);
    expect(md).toContain('**Pipe \\| et \\*gras\\* \\_souligné\\_ \\[lien\\](x) \\<b\\>**');
    expect(md).toContain('| Ligne suivante |');
    expect(md.startsWith('Pipe \\| et')).toBe(true);
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['Saint-Étienne', 'Saint-Étienne'],
    ['a|b', 'a\\|b'],
    ['*x* _y_ `z`', '\\*x\\* \\_y\\_ \\`z\\`'],
    ['[a](b)', '\\[a\\](b)'],
    ['<script>', '\\<script\\>'],
    ['# title', '\\# title'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['C:\\path', 'C:\\\\path'],
    ['R&D', 'R&D'],
    ['&amp;', '\\&amp;'],
    ['line\nbreak\r\nhere', 'line break here'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
