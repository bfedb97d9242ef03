import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { compareAccount } from '@/lib/compare';
import { BUNDLED } from '@/lib/dataset/bundled';
import comparisonSchema from '@/lib/export/comparison.schema.json';
import groupSchema from '@/lib/export/group.schema.json';
import { comparisonDocument, groupDocument } from '@/lib/export/json';
import { applyOverlay } from '@/lib/overlay/apply';
import { EMPTY_OVERLAY } from '@/lib/overlay/overlay';
import type { Overlay } from '@/lib/overlay/types';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateGroup = ajv.compile(groupSchema);
const validateComparison = ajv.compile(comparisonSchema);

const OVERLAY: Overlay = {
  ...EMPTY_OVERLAY,
  accounts: [
    {
      entityId: 'city-06088',
      platform: 'x',
      key: 'villedenice',
      url: 'https://x.com/villedenice',
      confidence: 'confirmed',
      source: { kind: 'official-site', url: 'https://www.nice.fr/', readAt: '2026-11-30T10:00:00.000Z' },
    },
    {
      entityId: 'city-59350',
      platform: 'x',
      key: 'lille',
      url: 'https://x.com/lille',
      confidence: 'user',
      source: { kind: 'user', addedAt: '2026-11-30T11:00:00.000Z' },
    },
  ],
};

/** Exports of the popup run on the merged dataset: the user's additions are in them, with their source. */
describe('exports with the user’s additions', () => {
  const { dataset } = applyOverlay(BUNDLED, OVERLAY, 'fr');

  it('the group export lists added accounts with their confidence and listing source, and validates', () => {
    const doc = groupDocument(dataset, 'city', { exportedAt: '2026-11-30T12:00:00.000Z' });
    expect(validateGroup(doc), JSON.stringify(validateGroup.errors)).toBe(true);
    const nice = doc.entities
      .find((e) => e.id === 'city-06088')
      ?.accounts.find((a) => a.platform === 'x' && a.key === 'villedenice');
    const lille = doc.entities
      .find((e) => e.id === 'city-59350')
      ?.accounts.find((a) => a.platform === 'x' && a.key === 'lille');
    expect(nice).toMatchObject({
      confidence: 'confirmed',
      listingSources: ['overlay-x-villedenice'],
      latestFigure: null,
    });
    expect(lille).toMatchObject({ confidence: 'user', listingSources: ['overlay-x-lille'] });
    expect(doc.sources['overlay-x-villedenice']).toEqual({
      title: 'trouvé sur le site officiel nice.fr',
      url: 'https://www.nice.fr/',
      date: '2026-11-30',
      kind: 'official',
    });
    expect(doc.sources['overlay-x-lille']).toEqual({ title: 'ajouté par vous', date: '2026-11-30', kind: 'user' });
  });

  it('an added account is compared like a bundled one (figure on screen), and its comparison export validates', () => {
    const comparison = compareAccount({
      dataset,
      entityId: 'city-06088',
      platform: 'x',
      accountKey: 'villedenice',
      live: { value: 164_321, metric: 'followers', precision: 'exact', readAt: '2026-11-30T12:00:00.000Z' },
      now: '2026-11-30T12:00:00.000Z',
    });
    expect(comparison.cohort.find((m) => m.entity === 'city-06088')?.value).toBe(164_321);
    const doc = comparisonDocument(comparison, dataset, { exportedAt: '2026-11-30T12:00:00.000Z' });
    expect(validateComparison(doc), JSON.stringify(validateComparison.errors)).toBe(true);
  });
});
