import { describe, expect, it } from 'vitest';
import { catalog, pickLang, translator } from '@/lib/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  const fr = catalog('fr');
  const en = catalog('en');
  it.each(Object.keys(fr))('%s exists in both languages with the same placeholders', (key) => {
    const k = key as keyof typeof fr;
    expect(fr[k].trim()).not.toBe('');
    expect(en[k].trim()).not.toBe('');
    expect(placeholders(en[k])).toEqual(placeholders(fr[k]));
  });
  it('has no key in English that French lacks', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-fr', 'fr'],
    ['en-US', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
  ])('picks %s → %s', (locale, lang) => {
    expect(pickLang(locale)).toBe(lang);
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('status.since', { status: 'closed', date: '20 January 2025' })).toBe('closed since 20 January 2025');
    expect(t('status.since', { status: 'closed' })).toBe('closed since {date}');
  });
});
