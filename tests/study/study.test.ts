import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '@/lib/dataset';
import { BUNDLED } from '@/lib/dataset/bundled';
import { checkDataset } from '@/lib/dataset/check';
import type { Observation } from '@/lib/history/observation';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import {
  type GapEntry,
  type ParticipationEntry,
  type PlatformsEntry,
  STUDY_FINDINGS,
  type StudyEntry,
  studyToday,
  type VideoEntry,
} from '@/lib/study';
import { tinyDataset } from '../helpers/tiny-dataset';
import { account, studyDataset } from './fixtures';

const NOW = '2026-12-01T08:00:00Z';

function entry<T extends StudyEntry>(dataset: Dataset, id: T['id'], observations: Observation[] = []): T {
  const found = studyToday(dataset, observations, NOW).entries.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found as T;
}

const tally = (e: PlatformsEntry | VideoEntry, group: string, platform: string) =>
  e.now.byGroup.find((g) => g.group === group)?.platforms.find((p) => p.platform === platform);

describe('studyToday: shape', () => {
  it('has one entry per finding, in order, each with id, groups, then, now, dates and sources', () => {
    const report = studyToday(studyDataset(), [], NOW);
    expect(report.entries.map((e) => e.id)).toEqual([...STUDY_FINDINGS]);
    for (const e of report.entries) {
      expect(Object.keys(e).sort()).toEqual(['dates', 'finding', 'groups', 'id', 'now', 'sources', 'then'].sort());
      expect(e.sources).toContain('study-2012');
    }
    expect(report).toMatchObject({
      datasetEdition: { id: 'study-test', date: '2026-11-28' },
      methodVersion: '2',
      studyMeasuresVersion: '1',
      now: NOW,
      study: { id: 'da12-2012', date: '2012-07', source: 'study-2012' },
    });
  });

  it('`then` carries the study’s own figures', () => {
    const report = studyToday(BUNDLED, [], NOW);
    const byId = Object.fromEntries(report.entries.map((e) => [e.id, e.then]));
    expect(byId.gap).toMatchObject({
      high: { entity: 'city-59350', name: 'Lille', value: 75000 },
      low: { entity: 'city-31555', name: 'Toulouse', value: 6500 },
      platform: 'facebook',
      date: '2012-07',
    });
    expect(byId.participation).toMatchObject({
      count: 2,
      of: 10,
      entities: ['city-34172', 'city-33063'],
      names: ['Montpellier', 'Bordeaux'],
    });
    expect(byId.platforms).toMatchObject({ leader: 'x', leaderName: 'Twitter' });
    expect(byId.video).toMatchObject({ first: 'dailymotion' });
  });

  it('the bundled study record agrees with the constants (figures2012, finding order)', () => {
    const figures = BUNDLED.study?.figures2012 ?? [];
    expect(figures.find((f) => f.entity === 'city-59350')).toMatchObject({ value: 75000, platform: 'facebook' });
    expect(figures.find((f) => f.entity === 'city-31555')).toMatchObject({ value: 6500, platform: 'facebook' });
    const fr = (BUNDLED.study?.findings ?? []).map((f) => f.text.fr);
    expect(fr).toHaveLength(STUDY_FINDINGS.length);
    const expected = [/Twitter/, /Dailymotion/, /blog/, /75 000/, /Montpellier et Bordeaux/, /descendante/];
    fr.forEach((text, i) => {
      expect(text).toMatch(expected[i] as RegExp);
    });
    for (const id of ['city-34172', 'city-33063'])
      expect(BUNDLED.entities.find((e) => e.id === id)?.participation?.[0]?.sources).toContain('study-2012');
  });

  it('the hand-made dataset is a valid dataset apart from its small cohort', () => {
    // checkDataset wants ten cities flagged; everything else must pass, so the fixtures stay honest.
    const problems = checkDataset(
      JSON.parse(
        JSON.stringify({
          ...studyDataset(),
          entities: studyDataset().entities.map(
            ({ checkedAbsent: _, ...e }: Entity & { checkedAbsent?: unknown }) => e,
          ),
        }),
      ),
    );
    expect(problems.filter((p) => !/cohort2012/.test(p.message))).toEqual([]);
  });
});

describe('most used platform per group', () => {
  const e = entry<PlatformsEntry>(studyDataset(), 'platforms');

  it.each([
    // group, platform, present, inactive, absent, known, unknown, share
    ['city', 'facebook', 3, 0, 0, 3, 0, 1],
    ['city', 'x', 1, 1, 1, 3, 0, 1 / 3], // Toulouse unused, Paris checked absent
    ['city', 'youtube', 0, 0, 0, 0, 3, null], // Rennes (outside the ten) is not counted
    ['ministry', 'x', 2, 0, 0, 2, 0, 1],
    ['ministry', 'dailymotion', 1, 0, 1, 2, 0, 0.5], // Intérieur checked absent
    ['ministry', 'youtube', 1, 0, 0, 1, 1, 1],
    ['minister', 'x', 1, 0, 0, 1, 1, 1], // the former minister is not counted
    ['minister', 'dailymotion', 0, 0, 0, 0, 2, null],
  ] as const)(
    '%s on %s: present %i, inactive %i, absent %i, known %i, unknown %i',
    (g, p, present, inactive, absent, known, unknown, share) => {
      expect(tally(e, g, p)).toMatchObject({ present, inactive, absent, known, unknown, share });
    },
  );

  it('names the leader, over how many, and whether unknowns could change it', () => {
    const city = e.now.byGroup.find((g) => g.group === 'city');
    expect(city).toMatchObject({ members: 3, memberRule: 'study-2012', leaders: ['facebook'], leaderPresent: 3 });
    // Three cities have no known YouTube presence: they could tie Facebook.
    expect(city?.leaderCertain).toBe(false);
    expect(e.now.byGroup.find((g) => g.group === 'minister')).toMatchObject({
      members: 2,
      memberRule: 'current',
      leaders: ['x'],
    });
    expect(e.now.byGroup.find((g) => g.group === 'region')).toMatchObject({
      members: 0,
      leaders: [],
      leaderCertain: false,
    });
    expect(e.now.status).toBe('measured');
  });

  it('is certain only when every other platform is known', () => {
    const d = studyDataset();
    d.entities.push({
      id: 'region-11',
      group: 'region',
      name: { fr: 'Île-de-France' },
      cohort2012: true,
      accounts: [account('x', 'iledefrance')],
      checkedAbsent: PLATFORM_IDS.filter((p) => p !== 'x').map((platform) => ({ platform, date: '2026-11-01' })),
    } as Dataset['entities'][number]);
    const region = entry<PlatformsEntry>(d, 'platforms').now.byGroup.find((g) => g.group === 'region');
    expect(region).toMatchObject({ members: 1, leaders: ['x'], leaderCertain: true });
    expect(region?.platforms.find((p) => p.platform === 'youtube')).toMatchObject({ absent: 1, known: 1, share: 0 });
  });

  it('says when and on what sources it rests', () => {
    expect(e.dates).toMatchObject({ from: '2024-03-01', to: '2026-11-01' });
    expect(e.sources).toEqual(['src-a', 'src-b', 'src-undated', 'study-2012']);
  });

  it('a dataset without any account is unknown, never zero', () => {
    const empty: Dataset = { ...studyDataset(), entities: [] };
    const p = entry<PlatformsEntry>(empty, 'platforms');
    expect(p.now.status).toBe('unknown');
    expect(p.now.reason).toBe('no-presence-known');
    expect(p.dates).toBeNull();
  });
});

describe('video: Dailymotion vs YouTube', () => {
  it('counts ministries and ministers in office on both', () => {
    const e = entry<VideoEntry>(studyDataset(), 'video');
    expect(e.groups).toEqual(['ministry', 'minister']);
    expect(e.now.byGroup.map((g) => g.platforms.map((p) => p.platform))).toEqual([
      ['dailymotion', 'youtube'],
      ['dailymotion', 'youtube'],
    ]);
    expect(tally(e, 'ministry', 'dailymotion')).toMatchObject({ present: 1, absent: 1, known: 2 });
    expect(tally(e, 'ministry', 'youtube')).toMatchObject({ present: 1, known: 1, unknown: 1 });
    expect(tally(e, 'minister', 'youtube')).toMatchObject({ present: 0, known: 0, unknown: 2, share: null });
  });
});

describe('blogs and push: said plainly to be not measured', () => {
  it.each(['blogs', 'push'] as const)('%s', (id) => {
    const e = entry(studyDataset(), id);
    expect(e.now.status).toBe('not-measured');
    expect(e.dates).toBeNull();
    expect(e.sources).toEqual(['study-2012']);
  });
});

describe('the gap inside a group (Facebook, the ten cities)', () => {
  it('gives Lille’s and Toulouse’s newest figures and the group’s max, median and min', () => {
    const e = entry<GapEntry>(studyDataset(), 'gap');
    expect(e.now.status).toBe('measured');
    expect(e.now.high.figure).toMatchObject({
      value: 200000,
      metric: 'followers',
      date: '2025-06-01',
      origin: 'dataset',
      source: 'src-b',
      ranked: true,
    });
    // The 2012 edition figure (999 999) is history, never today's.
    expect(e.now.low.figure).toMatchObject({ value: 50000, precision: 'rounded', date: '2025-01-01' });
    expect(e.now.ratio).toBe(4);
    expect(e.now.group).toEqual({
      metric: 'followers',
      members: 3,
      ranked: 3,
      max: { value: 800000, entities: ['city-75056'] },
      median: 200000,
      min: { value: 50000, entities: ['city-31555'] },
      ratio: 16,
    });
    expect(e.dates).toEqual({ from: '2024-11-15', to: '2025-06-01', undated: 0 });
    expect(e.sources).toEqual(['src-a', 'src-b', 'study-2012']);
  });

  it('uses a newer reading made in this browser, as the popup would', () => {
    const reading: Observation = {
      entityId: 'city-31555',
      platform: 'facebook',
      key: 'toulouse',
      metric: 'followers',
      value: 62500,
      precision: 'exact',
      at: '2026-11-20T09:00:00Z',
      url: 'https://www.facebook.com/toulouse',
    };
    const e = entry<GapEntry>(studyDataset(), 'gap', [reading]);
    expect(e.now.low.figure).toMatchObject({ value: 62500, origin: 'observed', source: null, date: '2026-11-20' });
    expect(e.now.ratio).toBeCloseTo(3.2);
    expect(e.dates?.to).toBe('2026-11-20');
  });

  it('a figure in another metric is shown but kept out of the ratio', () => {
    const d = studyDataset();
    const toulouse = d.entities.find((x) => x.id === 'city-31555');
    const fb = toulouse?.accounts.find((a) => a.platform === 'facebook');
    if (fb) fb.figures = [{ metric: 'page-likes', value: 90000, date: '2014', precision: 'exact', source: 'src-a' }];
    const e = entry<GapEntry>(d, 'gap');
    expect(e.now.low.figure).toMatchObject({ value: 90000, metric: 'page-likes', ranked: false });
    expect(e.now.ratio).toBeNull();
    expect(e.now.group).toMatchObject({ ranked: 2, min: { value: 200000 } });
  });

  it('missing data → unknown, with the reason, never a guess', () => {
    const e = entry<GapEntry>(tinyDataset(), 'gap');
    expect(e.now.status).toBe('unknown');
    expect(e.now.high).toMatchObject({ entity: 'city-59350', figure: null, reason: 'no-entity' });
    expect(e.now.low).toMatchObject({ figure: null, reason: 'no-entity' });
    expect(e.now.ratio).toBeNull();
    expect(e.then.high.value).toBe(75000);

    // Cities present, accounts without figures.
    const d = studyDataset();
    for (const c of d.entities) for (const a of c.accounts) delete a.figures;
    const none = entry<GapEntry>(d, 'gap');
    expect(none.now.status).toBe('unknown');
    expect(none.now.high).toMatchObject({ figure: null, reason: 'no-figure' });
    expect(none.now.group).toMatchObject({ ranked: 0, max: null, median: null, min: null, ratio: null });
    expect(none.dates).toBeNull();

    // No Facebook account listed at all: said so.
    const noAccount = studyDataset();
    const lille = noAccount.entities.find((x) => x.id === 'city-59350');
    if (lille) lille.accounts = lille.accounts.filter((a) => a.platform !== 'facebook');
    expect(entry<GapEntry>(noAccount, 'gap').now.high).toMatchObject({ figure: null, reason: 'no-account' });
  });
});

describe('participatory platforms among the ten cities', () => {
  it('counts and names the cities of the ten with one listed (a lower bound)', () => {
    const e = entry<ParticipationEntry>(studyDataset(), 'participation');
    expect(e.now).toMatchObject({ status: 'measured', count: 1, of: 3, lowerBound: true });
    expect(e.now.cities).toEqual([
      { entity: 'city-59350', name: { fr: 'Lille' }, urls: ['https://participez.lille.fr'], since: '2020-01' },
    ]);
    expect(e.sources).toEqual(['src-b', 'study-2012']);
  });

  it('on the bundled dataset, names every city found and keeps the study’s two', () => {
    const e = entry<ParticipationEntry>(BUNDLED, 'participation');
    expect(e.now.of).toBe(10);
    const ids = e.now.cities.map((c) => c.entity);
    expect(ids).toEqual(expect.arrayContaining(['city-34172', 'city-33063']));
    expect(e.now.count).toBe(ids.length);
  });

  it('without the study’s flag nobody can tell the ten: unknown', () => {
    const d = studyDataset();
    for (const c of d.entities) delete c.cohort2012;
    const e = entry<ParticipationEntry>(d, 'participation');
    expect(e.now).toMatchObject({ status: 'unknown', reason: 'no-study-cohort', count: 0, of: 0, cities: [] });
  });
});

describe('a dataset without the study record', () => {
  it('keeps the study’s own figures and cites its usual source id', () => {
    const { study: _, ...rest } = studyDataset();
    const report = studyToday(rest as Dataset, [], NOW);
    expect(report.study).toBeNull();
    for (const e of report.entries) {
      expect(e.finding).toBeNull();
      expect(e.sources).toContain('study-2012');
    }
  });
});
