import { describe, expect, it } from 'vitest';
import { BUNDLED } from '@/lib/dataset/bundled';
import { fold, searchInstitutions } from '@/lib/overlay/search';

const ids = (query: string, limit?: number) => searchInstitutions(BUNDLED.entities, query, limit).map((e) => e.id);

describe('fold', () => {
  it.each([
    ['Saint-Étienne', 'saint etienne'],
    ['  AUVERGNE–Rhône-Alpes ', 'auvergne rhone alpes'],
    ['Ministère de l’Intérieur', 'ministere de l interieur'],
  ])('%s → %s', (input, expected) => expect(fold(input)).toBe(expected));
});

describe('searchInstitutions (bundled dataset)', () => {
  it.each([
    ['a name, with accents and case ignored', 'saint-etienne', 'city-42218'],
    ['a name typed in capitals without accents', 'SAINT ETIENNE', 'city-42218'],
    ['an INSEE commune code', '44109', 'city-44109'],
    ['an INSEE region code', '84', 'region-84'],
    ['a region by a part of its name', 'rhone alpes', 'region-84'],
    ['a word of the group and a name', 'ville nantes', 'city-44109'],
    ['a group word in English', 'city nantes', 'city-44109'],
    ['the start of a word', 'nant', 'city-44109'],
  ])('finds by %s (%s)', (_what, query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });
  it('finds nothing for an empty query or a word no institution has', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('zzzqx')).toEqual([]);
  });
  it('lists every institution a word starts, by name', () => {
    expect(ids('nan')).toEqual(['city-54395', 'city-44109']);
  });
  it('needs every word to match', () => {
    expect(ids('nantes region')).toEqual([]);
  });
  it('lists several institutions for a group word, capped', () => {
    const found = ids('ville', 5);
    expect(found).toHaveLength(5);
    expect(found.every((id) => id.startsWith('city-'))).toBe(true);
  });
});
