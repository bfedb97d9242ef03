import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/lib/cli/civiscope';
import type { Dataset } from '@/lib/dataset';
import { BUNDLED } from '@/lib/dataset/bundled';
import { checkDataset } from '@/lib/dataset/check';
import type { Observation } from '@/lib/history/observation';
import { addObservation } from '@/lib/history/observations';
import { EMPTY_OVERLAY } from '@/lib/overlay/overlay';
import type { Overlay, OverlayAbsence, OverlayAccount } from '@/lib/overlay/types';
import {
  applyImport,
  type CurrentUserData,
  exportUserData,
  type ImportPlan,
  importSizeProblem,
  MAX_IMPORT_BYTES,
  pageLabel,
  parseImport,
  scanJson,
} from '@/lib/userdata';
import { LILLE_PARTICIPEZ, RENNES_FABRIQUE } from '../helpers/participation';

const NOW = '2026-12-01T06:00:00.000Z';
const EMPTY: CurrentUserData = { overlay: EMPTY_OVERLAY, observations: [] };

const found: OverlayAccount = {
  entityId: 'city-59350',
  platform: 'facebook',
  key: 'villedelille',
  url: 'https://www.facebook.com/villedelille',
  confidence: 'confirmed',
  source: { kind: 'official-site', url: 'https://www.lille.fr/', readAt: '2026-11-30T10:11:12.000Z' },
};
const byHand: OverlayAccount = {
  entityId: 'city-59350',
  platform: 'instagram',
  key: 'villedelille',
  url: 'https://www.instagram.com/villedelille/',
  confidence: 'user',
  source: { kind: 'user', addedAt: '2026-11-29T09:00:00.000Z' },
};
const imported: OverlayAccount = {
  entityId: 'city-59350',
  platform: 'tiktok',
  key: 'villedelille',
  url: 'https://www.tiktok.com/@villedelille',
  confidence: 'user',
  source: { kind: 'import', file: 'collègue.json', importedAt: '2026-11-20T08:00:00.000Z' },
};
// Lille's site, read that day, linked no Threads account.
const absence: OverlayAbsence = {
  entityId: 'city-59350',
  platform: 'threads',
  url: 'https://www.lille.fr/',
  checkedAt: '2026-11-30T10:11:12.000Z',
};
const overlay: Overlay = { version: 1, accounts: [byHand, found, imported], absences: [absence] };

const reading = (over: Partial<Observation> = {}): Observation => ({
  entityId: 'city-59350',
  platform: 'facebook',
  key: 'villedelille',
  metric: 'followers',
  value: 250000,
  precision: 'exact',
  at: '2026-11-30T10:15:00.000Z',
  url: 'https://www.facebook.com/villedelille',
  ...over,
});
const observations: Observation[] = [
  reading(),
  reading({ at: '2026-11-10T07:00:00.000Z', value: 249000 }),
  reading({
    entityId: 'city-75056',
    platform: 'x',
    key: 'paris',
    value: 2100000,
    precision: 'rounded',
    at: '2026-11-28T08:00:00.000Z',
    url: 'https://x.com/Paris',
    origin: 'refreshed',
    jobId: 'job-1',
  }),
];

const exported = () => exportUserData(BUNDLED, overlay, observations, NOW);

function plan(text: string, current: CurrentUserData = EMPTY): ImportPlan {
  const result = parseImport(text, BUNDLED, current, { file: 'f.json', now: NOW });
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function problems(text: string): { path: string; message: string }[] {
  const result = parseImport(text, BUNDLED, EMPTY, { file: 'f.json', now: NOW });
  if (!('problems' in result)) throw new Error('expected problems, got a plan');
  return result.problems;
}

/** The exported file, edited as JSON. */
function edited(change: (d: Dataset & Record<string, unknown>) => void): string {
  const d = JSON.parse(exported().text);
  change(d);
  return JSON.stringify(d);
}

describe('exportUserData', () => {
  it('writes the whole merged dataset, valid for `dataset check`', () => {
    const ex = exported();
    expect(checkDataset(JSON.parse(ex.text))).toEqual([]);
    expect(ex).toMatchObject({
      accounts: 3,
      figures: 3,
      absences: 1,
      readingsLeftOut: 0,
      conflictsLeftOut: 0,
      absencesLeftOut: 0,
    });
    const lille = ex.dataset.entities.find((e) => e.id === 'city-59350');
    const check = lille?.checkedAbsent?.find((c) => c.platform === 'threads');
    expect(check).toMatchObject({ date: '2026-11-30', url: 'https://www.lille.fr/' });
    expect(ex.dataset.sources[check?.source ?? '']).toMatchObject({
      kind: 'official',
      url: 'https://www.lille.fr/',
      date: '2026-11-30',
    });
    expect(ex.fileName).toBe('civiscope_my-data_2026-12-01.json');
    expect(ex.dataset.entities).toHaveLength(BUNDLED.entities.length);
    expect(ex.dataset.edition).toEqual(BUNDLED.edition);
  });

  it('writes the user’s accounts and readings as dated, sourced records', () => {
    const d = exported().dataset;
    const lille = d.entities.find((e) => e.id === 'city-59350');
    const fb = lille?.accounts.find((a) => a.key === 'villedelille' && a.platform === 'facebook');
    expect(fb).toMatchObject({ status: 'active', confidence: 'confirmed' });
    const fbSource = d.sources[fb?.sources[0] as string];
    expect(fbSource).toEqual({
      title: 'found on the official website lille.fr',
      url: 'https://www.lille.fr/',
      date: '2026-11-30',
      kind: 'official',
    });
    expect(fb?.figures).toEqual([
      {
        metric: 'followers',
        value: 249000,
        date: '2026-11-10',
        precision: 'exact',
        source: 'browser-2026-11-10',
        note: 'read at 2026-11-10T07:00:00.000Z on https://www.facebook.com/villedelille',
      },
      {
        metric: 'followers',
        value: 250000,
        date: '2026-11-30',
        precision: 'exact',
        source: 'browser-2026-11-30',
        note: 'read at 2026-11-30T10:15:00.000Z on https://www.facebook.com/villedelille',
      },
    ]);
    expect(d.sources['browser-2026-11-30']).toMatchObject({
      kind: 'user',
      date: '2026-11-30',
      title: expect.stringContaining('Read in this browser on 2026-11-30'),
    });
    const paris = d.entities.find((e) => e.id === 'city-75056')?.accounts.find((a) => a.platform === 'x');
    expect(paris?.figures?.at(-1)).toMatchObject({
      value: 2100000,
      precision: 'rounded',
      source: 'browser-refresh-2026-11-28',
    });
    expect(d.sources['civiscope-user-data']).toMatchObject({
      url: 'urn:civiscope:user-data:1',
      kind: 'user',
      date: '2026-12-01',
    });
    const insta = lille?.accounts.find((a) => a.platform === 'instagram' && a.key === 'villedelille');
    expect(insta?.confidence).toBe('user');
    expect(d.sources[insta?.sources[0] as string]).toMatchObject({ title: 'added by you', kind: 'user' });
  });

  it('does not depend on the order the user added things in', () => {
    const reversed = exportUserData(
      BUNDLED,
      { ...overlay, accounts: [...overlay.accounts].reverse() },
      [...observations].reverse(),
      NOW,
    );
    expect(reversed.text).toBe(exported().text);
  });

  it('counts what it cannot write: readings of unknown accounts, accounts awaiting a choice, absences of unknown institutions', () => {
    const conflicting: OverlayAccount = {
      ...byHand,
      entityId: 'city-31555',
      platform: 'facebook',
      key: 'mairie.toulouse',
      url: 'https://www.facebook.com/mairie.toulouse',
    };
    const ex = exportUserData(
      BUNDLED,
      {
        version: 1,
        accounts: [conflicting],
        absences: [
          { entityId: 'city-59350', platform: 'tiktok', url: 'https://www.lille.fr/', checkedAt: NOW },
          { entityId: 'city-00000', platform: 'tiktok', url: 'https://www.example.fr/', checkedAt: NOW },
        ],
      },
      [reading({ entityId: 'city-31555', key: 'mairie.toulouse' }), reading({ entityId: 'city-00000' })],
      NOW,
    );
    expect(ex).toMatchObject({
      accounts: 0,
      figures: 0,
      absences: 1,
      readingsLeftOut: 2,
      conflictsLeftOut: 1,
      absencesLeftOut: 1,
    });
    expect(checkDataset(JSON.parse(ex.text))).toEqual([]);
  });

  it('is accepted by `civiscope dataset check` and `--dataset`', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'civiscope-mydata-')), 'my-data.json');
    writeFileSync(file, exported().text);
    expect(run(['dataset', 'check', file]).stdout).toMatch(/^OK: /);
    const shown = run(['dataset', 'show', 'city-59350', '--dataset', file]);
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toContain('facebook:villedelille');
    expect(shown.stdout).toContain('browser-2026-11-30');
    const study = run(['study', '--lang', 'en', '--dataset', file], NOW);
    expect(study.exitCode).toBe(0);
    expect(study.stdout).toMatch(/Lille: 250,000 followers, 2026-11-30/);
  });
});

describe('round trips', () => {
  it('export → import in a fresh profile → export gives the same file', () => {
    const first = exported();
    const p = plan(first.text);
    expect(p.add.accounts).toHaveLength(3);
    expect(p.add.observations).toHaveLength(3);
    expect(p.add.absences).toEqual([{ ...absence, checkedAt: '2026-11-30T00:00:00.000Z' }]);
    expect(p.conflicts).toEqual([]);
    const applied = applyImport(p, {});
    expect(applied.added).toBe(7);
    expect(applied.overlay.absences).toEqual(p.add.absences);
    const again = exportUserData(BUNDLED, applied.overlay, applied.observations, NOW);
    expect(again.text).toBe(first.text);
    // The provenance survives: found on the site, added by hand, imported from a named file.
    const sources = Object.fromEntries(applied.overlay.accounts.map((a) => [a.key + a.platform, a.source]));
    expect(sources.villedelillefacebook).toEqual({
      kind: 'official-site',
      url: 'https://www.lille.fr/',
      readAt: '2026-11-30',
    });
    expect(sources.villedelilleinstagram).toEqual({ kind: 'user', addedAt: '2026-11-29' });
    expect(sources.villedelilletiktok).toEqual({
      kind: 'import',
      file: 'collègue.json',
      importedAt: '2026-11-20',
    });
    expect(applied.observations.find((o) => o.key === 'paris')).toMatchObject({
      at: '2026-11-28T08:00:00.000Z',
      url: 'https://x.com/Paris',
      origin: 'refreshed',
    });
  });

  it('a reading on every bundled account goes through (bundled notes and titles are not the user’s text)', () => {
    const everywhere = BUNDLED.entities.flatMap((e) =>
      e.accounts.map((a) => reading({ entityId: e.id, platform: a.platform, key: a.key, url: a.url })),
    );
    const first = exportUserData(BUNDLED, EMPTY_OVERLAY, everywhere, NOW);
    expect(first.figures).toBe(everywhere.length);
    const applied = applyImport(plan(first.text), {});
    expect(applied.observations).toHaveLength(everywhere.length);
    expect(exportUserData(BUNDLED, applied.overlay, applied.observations, NOW).text).toBe(first.text);
  });

  it('importing one’s own export changes nothing; importing the same file twice changes nothing', () => {
    const text = exported().text;
    const own = plan(text, { overlay, observations });
    expect(own.add).toEqual({ accounts: [], observations: [], absences: [], participation: [] });
    expect(own.conflicts).toEqual([]);
    expect(own.unchanged).toEqual({ accounts: 3, observations: 3, absences: 1, participation: 0 });

    const once = applyImport(plan(text), {});
    const twice = applyImport(plan(text, once), {});
    expect(twice.overlay).toEqual(once.overlay);
    expect(twice.observations).toEqual(once.observations);
    expect(twice.added).toBe(0);
  });

  it('keeps "use mine" (a bundled account replaced by the user’s) through the file', () => {
    const mine: OverlayAccount = {
      ...byHand,
      entityId: 'city-31555',
      platform: 'facebook',
      key: 'mairie.toulouse',
      url: 'https://www.facebook.com/mairie.toulouse',
      replaces: ['toulouse'],
    };
    const first = exportUserData(BUNDLED, { version: 1, accounts: [mine], absences: [] }, [], NOW);
    expect(first.accounts).toBe(1);
    const toulouse = first.dataset.entities.find((e) => e.id === 'city-31555');
    expect(toulouse?.accounts.filter((a) => a.platform === 'facebook').map((a) => a.key)).toEqual(['mairie.toulouse']);
    const applied = applyImport(plan(first.text), {});
    expect(applied.overlay.accounts[0]?.replaces).toEqual(['toulouse']);
    expect(exportUserData(BUNDLED, applied.overlay, applied.observations, NOW).text).toBe(first.text);
  });
});

describe('participatory platforms found on official sites', () => {
  // Rennes's site links its Decidim platform, which the dataset does not list; Lille's links the one it does.
  const [rennes, lille] = [RENNES_FABRIQUE, LILLE_PARTICIPEZ];
  const withPlatforms: Overlay = { ...overlay, participation: [rennes, lille] };
  const exportedWith = () => exportUserData(BUNDLED, withPlatforms, observations, NOW);

  it('are written as the entity’s participation, confirmed, citing the page read on its day', () => {
    const ex = exportedWith();
    expect(checkDataset(JSON.parse(ex.text))).toEqual([]);
    expect(ex).toMatchObject({ participation: 1, participationLeftOut: 1 });
    const record = ex.dataset.entities.find((e) => e.id === 'city-35238')?.participation;
    expect(record).toEqual([
      {
        url: 'https://fabriquecitoyenne.rennes.fr/',
        software: 'decidim',
        confidence: 'confirmed',
        sources: ['overlay-participation-fabriquecitoyenne-rennes-fr'],
      },
    ]);
    expect(ex.dataset.sources['overlay-participation-fabriquecitoyenne-rennes-fr']).toEqual({
      title: 'found on the official website metropole.rennes.fr',
      url: 'https://metropole.rennes.fr/',
      date: '2026-11-28',
      kind: 'official',
    });
    // Lille's platform is the dataset's own record, not doubled.
    expect(ex.dataset.entities.find((e) => e.id === 'city-59350')?.participation).toEqual(
      BUNDLED.entities.find((e) => e.id === 'city-59350')?.participation,
    );
  });

  it('export → import in an empty overlay → export gives the same file', () => {
    const first = exportUserData(BUNDLED, { ...EMPTY_OVERLAY, participation: [rennes] }, [], NOW);
    const p = plan(first.text);
    expect(p.add.participation).toEqual([
      { ...rennes, source: { ...rennes.source, readAt: '2026-11-28T00:00:00.000Z' } },
    ]);
    const applied = applyImport(p, {});
    expect(applied.added).toBe(1);
    expect(applied.overlay.participation).toEqual(p.add.participation);
    expect(exportUserData(BUNDLED, applied.overlay, applied.observations, NOW).text).toBe(first.text);
  });

  it('importing one’s own export adds nothing', () => {
    const own = plan(exportedWith().text, { overlay: withPlatforms, observations });
    expect(own.add.participation).toEqual([]);
    expect(own.unchanged.participation).toBe(1);
  });

  it('a platform of the file citing anything but an official site is refused', () => {
    const text = exportedWith().text;
    const file = JSON.parse(text);
    file.sources['overlay-participation-fabriquecitoyenne-rennes-fr'].kind = 'user';
    const result = parseImport(JSON.stringify(file), BUNDLED, EMPTY, { file: 'f.json', now: NOW });
    expect('problems' in result && result.problems.map((x) => x.path)).toEqual([
      expect.stringMatching(/^entities\[\d+\] \(city-35238\)\.participation\[0\]\.sources$/),
    ]);
  });
});

describe('conflicts are shown before merging, and the user chooses', () => {
  const current: CurrentUserData = {
    overlay: {
      version: 1,
      absences: [],
      accounts: [
        { ...found, url: 'https://www.facebook.com/villedelille/', source: { kind: 'user', addedAt: '2026-10-01' } },
      ],
    },
    observations: [reading({ value: 251000, at: '2026-11-30T18:00:00.000Z' })],
  };

  it('lists a differing account and a differing reading of the same day', () => {
    const p = plan(exported().text, current);
    expect(p.conflicts.map((c) => c.id).sort()).toEqual([
      'account:facebook:villedelille',
      'reading:facebook:villedelille:followers:2026-11-30',
    ]);
    const reading30 = p.conflicts.find((c) => c.kind === 'reading');
    expect(reading30).toMatchObject({ current: { value: 251000 }, incoming: { value: 250000 } });
    expect(p.add.accounts.map((a) => a.key)).toEqual(['villedelille', 'villedelille']);
    expect(p.add.observations).toHaveLength(2);
  });

  it.each([
    [{}, 251000, 'https://www.facebook.com/villedelille/'],
    [
      { 'reading:facebook:villedelille:followers:2026-11-30': 'keep', 'account:facebook:villedelille': 'keep' },
      251000,
      'https://www.facebook.com/villedelille/',
    ],
    [
      { 'reading:facebook:villedelille:followers:2026-11-30': 'replace', 'account:facebook:villedelille': 'replace' },
      250000,
      'https://www.facebook.com/villedelille',
    ],
  ] as const)('choices %j', (choices, value, url) => {
    const applied = applyImport(plan(exported().text, current), choices);
    const day30 = applied.observations.filter((o) => o.key === 'villedelille' && o.at.startsWith('2026-11-30'));
    expect(day30.map((o) => o.value)).toEqual([value]);
    expect(applied.overlay.accounts.find((a) => a.platform === 'facebook' && a.key === 'villedelille')?.url).toBe(url);
    expect(applied.observations.filter((o) => o.key === 'villedelille')).toHaveLength(2);
  });
});

describe('hostile files: every problem named, nothing merged', () => {
  it('refuses a file above the stated size before parsing it', () => {
    expect(importSizeProblem(50 * 1024 * 1024)?.message).toMatch(/50 MB; files above 32 MB are refused/);
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    const huge = `{"a":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expect(problems(huge)[0]?.message).toMatch(/refused/);
  });

  it.each([
    [
      'a future format version',
      edited((d) => {
        (d.sources as Record<string, { url?: string }>)['civiscope-user-data'] = {
          ...d.sources['civiscope-user-data'],
          url: 'urn:civiscope:user-data:2',
        } as never;
      }),
      /format version 2; this version of Civiscope reads version 1/,
    ],
    [
      'an unknown format',
      edited((d) => {
        (d.sources['civiscope-user-data'] as { url?: string }).url = 'https://example.org';
      }),
      /unknown format/,
    ],
    ['a plain dataset (no marker)', run(['dataset', 'export']).stdout, /not an export of your data/],
    [
      'a comparison export',
      JSON.stringify({ $schema: 'urn:civiscope:schema:comparison-export:1', comparison: {} }),
      /another kind/,
    ],
    ['not JSON', '{"edition": ', /not JSON/],
    ['an array', '[]', /expected a JSON object/],
  ])('%s', (_, text, message) => {
    expect(
      problems(text)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(message);
  });

  it('duplicated ids: an entity twice, a key written twice', () => {
    const twice = edited((d) => {
      d.entities.push(d.entities.find((e) => e.id === 'city-59350') as Dataset['entities'][number]);
    });
    expect(problems(twice)).toContainEqual({
      path: expect.stringMatching(/^entities\[\d+\] \(city-59350\)\.id$/),
      message: expect.stringMatching(/duplicate id/),
    });
    const text = exported().text.replace(
      '"civiscope-user-data": {',
      '"browser-2026-11-10": { "title": "x", "kind": "user" },\n    "civiscope-user-data": {',
    );
    expect(problems(text)).toContainEqual({
      path: 'sources.browser-2026-11-10',
      message: 'key "browser-2026-11-10" appears twice',
    });
  });

  it('an account whose key disagrees with its URL', () => {
    const text = edited((d) => {
      const a = d.entities
        .find((e) => e.id === 'city-59350')
        ?.accounts.find((x) => x.platform === 'facebook' && x.key === 'villedelille');
      if (a) a.url = 'https://www.facebook.com/someoneelse';
    });
    expect(problems(text)).toContainEqual({
      path: expect.stringMatching(/\(city-59350\)\.accounts\[\d+\] \(facebook:villedelille\)\.key$/),
      message: 'the URL gives facebook:someoneelse, the record says facebook:villedelille',
    });
  });

  it('formula-like names and titles', () => {
    const text = edited((d) => {
      const lille = d.entities.find((e) => e.id === 'city-59350');
      if (lille) lille.name = { fr: '=HYPERLINK("http://evil","Lille")' };
      (d.sources['browser-2026-11-30'] as { title: string }).title = '@SUM(1+1)';
    });
    const found = problems(text);
    expect(found).toContainEqual({
      path: expect.stringMatching(/\(city-59350\)\.name\.fr$/),
      message: 'looks like a spreadsheet formula',
    });
    expect(found).toContainEqual({
      path: 'sources.browser-2026-11-30.title',
      message: 'looks like a spreadsheet formula',
    });
  });

  it('a record for an unknown entity', () => {
    const text = edited((d) => {
      const lille = d.entities.find((e) => e.id === 'city-59350') as Dataset['entities'][number];
      d.entities.push({
        ...lille,
        id: 'city-99999',
        name: { fr: 'Nulle part' },
        cohort2012: undefined,
        code: undefined,
        related: undefined,
        accounts: lille.accounts.filter((a) => a.platform === 'instagram' && a.key === 'villedelille'),
      });
      lille.accounts = lille.accounts.filter((a) => !(a.platform === 'instagram' && a.key === 'villedelille'));
    });
    expect(problems(text)).toContainEqual({
      path: expect.stringMatching(/\(city-99999\)\.id$/),
      message: expect.stringMatching(/unknown entity "city-99999"/),
    });
  });

  it('a reading of an account nobody knows', () => {
    const text = edited((d) => {
      const nice = d.entities.find((e) => e.id === 'city-06088');
      nice?.accounts.push({
        platform: 'tiktok',
        key: 'villedenice',
        url: 'https://www.tiktok.com/@villedenice',
        status: 'active',
        confidence: 'third-party',
        sources: ['browser-2026-11-30'],
        figures: [
          { metric: 'followers', value: 5, date: '2026-11-30', precision: 'exact', source: 'browser-2026-11-30' },
        ],
      });
    });
    expect(problems(text)).toContainEqual({
      path: expect.stringMatching(/\(city-06088\)\.accounts\[\d+\] \(tiktok:villedenice\)$/),
      message: expect.stringMatching(/unknown account tiktok:villedenice/),
    });
  });

  it('a reading too large to be a count', () => {
    const text = exported().text.replace('"value": 250000', '"value": 1e300');
    expect(problems(text)).toContainEqual({
      path: expect.stringMatching(/\(facebook:villedelille\)\.figures\[1\]\.value$/),
      message: '1e+300 is not a count this browser can keep',
    });
  });

  it('deep nesting (a JSON bomb) is refused before JSON.parse', () => {
    const deep = `${'['.repeat(200000)}${']'.repeat(200000)}`;
    expect(problems(deep)).toEqual([{ path: '[0]'.repeat(12), message: 'nested deeper than 12 levels' }]);
    const objects = `${'{"a":'.repeat(50)}1${'}'.repeat(50)}`;
    expect(problems(objects)[0]?.message).toBe('nested deeper than 12 levels');
  });

  it.each([
    ['"__proto__"', '__proto__'],
    ['"\\u005f_proto__"', '__proto__'],
    ['"constructor"', 'constructor'],
    ['"prototype"', 'prototype'],
  ])('prototype-pollution key %s', (raw, key) => {
    const text = exported().text.replace('"sources": {', `"sources": {\n    ${raw}: { "polluted": true },`);
    expect(problems(text)).toEqual([
      { path: `sources.${key}`, message: `forbidden key "${key}" (it could alter JavaScript objects)` },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a problem anywhere means no plan at all', () => {
    const text = edited((d) => {
      d.entities[0] = { ...d.entities[0], group: 'nope' } as never;
    });
    const result = parseImport(text, BUNDLED, EMPTY);
    expect('plan' in result).toBe(false);
  });
});

describe('applyImport follows the history’s rules', () => {
  it('one reading per account, metric and day (the file’s wins when chosen), at most 400 per account, oldest dropped', () => {
    const day = (i: number) => new Date(Date.parse('2025-01-01T12:00:00.000Z') + i * 86_400_000).toISOString();
    const base = Array.from({ length: 399 }, (_, i) => reading({ at: day(i), value: i }));
    const incoming = Array.from({ length: 5 }, (_, i) => reading({ at: day(399 + i), value: 1000 + i }));
    const p: ImportPlan = {
      add: { accounts: [], observations: incoming, absences: [], participation: [] },
      conflicts: [
        { id: 'r', kind: 'reading', current: base[10] as Observation, incoming: reading({ at: day(10), value: 7 }) },
      ],
      unchanged: { accounts: 0, observations: 0, absences: 0, participation: 0 },
      base: { overlay: EMPTY_OVERLAY, observations: base },
    };
    const merged = applyImport(p, { r: 'replace' }).observations;
    // The same as adding them one by one with the history's own function.
    let sequential: Observation[] = [...base];
    for (const o of [...incoming, reading({ at: day(10), value: 7 })]) sequential = addObservation(sequential, o);
    expect(merged).toEqual(sequential);
    expect(merged).toHaveLength(400);
    expect(merged[0]?.at).toBe(day(4));
    expect(merged.find((o) => o.at === day(10))?.value).toBe(7);
  });
});

describe('scanJson', () => {
  it.each([
    ['{"a":1,"b":{"a":2}}', []],
    ['{"a":1,"a":2}', [{ path: 'a', message: 'key "a" appears twice' }]],
    ['{"x":[{"k":1},{"k":2,"k":3}]}', [{ path: 'x[1].k', message: 'key "k" appears twice' }]],
    ['{"s":"{[\\"]}","t":"\\\\"}', []],
  ])('%s', (text, expected) => {
    expect(scanJson(text, { maxDepth: 12 })).toEqual(expected);
  });
});

describe('pageLabel', () => {
  it.each([
    ['https://www.lille.fr/', 'lille.fr'],
    ['https://www.lille.fr', 'lille.fr'],
    ['https://metropole.nantes.fr/reseaux-sociaux/', 'metropole.nantes.fr/reseaux-sociaux'],
    ['http://www2.example.fr/a/b?lang=fr#top', 'www2.example.fr/a/b?lang=fr'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, expected) => {
    expect(pageLabel(url)).toBe(expected);
  });
});
