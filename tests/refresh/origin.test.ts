import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { describeOrigin, memberFigure } from '@/lib/compare/describe';
import { BUNDLED } from '@/lib/dataset/bundled';
import { comparisonToCsv } from '@/lib/export/csv';
import { comparisonToMarkdown } from '@/lib/export/markdown';
import type { Observation } from '@/lib/history/observation';
import { translator } from '@/lib/i18n';
import { describeDuration, describeSummary } from '@/lib/refresh/describe';
import type { JobSummary } from '@/lib/refresh/summary';

const observation = (entityId: string, key: string, value: number, over: Partial<Observation>): Observation => ({
  entityId,
  platform: 'x',
  key,
  metric: 'followers',
  value,
  precision: 'exact',
  at: '2026-12-01T09:00:00.000Z',
  url: `https://x.com/${key}`,
  ...over,
});

const comparison = () =>
  compareAccount({
    dataset: BUNDLED,
    entityId: 'ministry-culture',
    platform: 'x',
    accountKey: 'ministerecc',
    observations: [
      observation('ministry-education', 'educationfrance', 90_123, { origin: 'refreshed', jobId: 'job-1' }),
      observation('ministry-meae', 'francediplo', 61_234, { origin: 'visit' }),
      observation('ministry-justice', 'justice_gouv', 40_000, {}),
    ],
    now: '2026-12-01',
    cohort: 'all',
  });

describe('a figure re-read by a group refresh', () => {
  it.each([
    [
      'ministry-education',
      'refreshed',
      're-read in this browser on 1 December 2026',
      'relu dans ce navigateur le 1 décembre 2026',
    ],
    ['ministry-meae', 'observed', 'seen by you on 1 December 2026', 'relevé par vous le 1 décembre 2026'],
    ['ministry-justice', 'observed', 'seen by you on 1 December 2026', 'relevé par vous le 1 décembre 2026'],
  ])('%s: origin %s, said as “%s” / « %s »', (entity, origin, en, fr) => {
    const member = comparison().cohort.find((m) => m.entity === entity);
    expect(member?.origin).toBe(origin);
    expect(member?.date).toBe('2026-12-01');
    const figure = memberFigure(member as NonNullable<typeof member>);
    expect(describeOrigin(figure as NonNullable<typeof figure>, translator('en'), 'en')).toBe(en);
    expect(describeOrigin(figure as NonNullable<typeof figure>, translator('fr'), 'fr')).toBe(fr);
  });

  it('is labelled as re-read in the CSV and Markdown exports', () => {
    const c = comparison();
    const csv = comparisonToCsv(c, BUNDLED, { lang: 'fr', dialect: 'fr' }).split('\n');
    expect(csv.find((row) => row.includes('90123'))).toContain('relu dans ce navigateur (actualisation du groupe)');
    expect(csv.find((row) => row.includes('61234'))).toContain('relevé précédent de ce navigateur');
    const md = comparisonToMarkdown(c, BUNDLED, 'en');
    expect(md.split('\n').find((line) => line.includes('90,123'))).toContain('re-read in this browser (group refresh)');
  });
});

const summary = (over: Partial<JobSummary>): JobSummary => ({
  pages: 0,
  done: 0,
  read: 0,
  unreadable: {},
  unreadableTotal: 0,
  otherAccount: 0,
  noAccount: 0,
  closed: 0,
  notLoaded: 0,
  currentEntity: null,
  ...over,
});

describe('describeSummary', () => {
  it.each<[Partial<JobSummary>, string]>([
    [
      { pages: 15, done: 15, read: 14, unreadable: { 'login-wall': 1 }, unreadableTotal: 1, noAccount: 1 },
      '14 chiffres relus, 1 page illisible (connexion demandée), 1 sans compte connu',
    ],
    [
      { pages: 4, done: 4, read: 1, unreadable: { timeout: 1, unavailable: 2 }, unreadableTotal: 3 },
      '1 chiffre relu, 3 pages illisibles (compte suspendu ou introuvable : 2, rien lu en 20 s : 1)',
    ],
    [{ pages: 3, done: 1, read: 1, notLoaded: 2 }, '1 chiffre relu, 2 pages non chargées'],
    [{ closed: 1 }, '1 compte fermé'],
    [{}, 'aucune page relue'],
  ])('%o → %s', (over, text) => {
    expect(describeSummary(summary(over), translator('fr'))).toBe(text);
  });
});

describe('describeDuration', () => {
  it.each([
    [14, 2500, '50 s'],
    [10, 2500, '35 s'],
    [1, 2500, '5 s'],
    [60, 2500, '4 min'],
  ])('%i pages, %i ms apart → about %s', (pages, delay, text) => {
    expect(describeDuration(pages, delay, translator('fr'))).toBe(text);
  });
});
