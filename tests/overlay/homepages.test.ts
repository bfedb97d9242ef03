import { describe, expect, it } from 'vitest';
import { BUNDLED } from '@/lib/dataset/bundled';
import { discoverAccounts } from '@/lib/discovery';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import { HOMEPAGES } from '../e2e/homepages';

const order = (list: string[]) =>
  [...list].sort(
    (a, b) => PLATFORM_IDS.indexOf(a.split(':')[0] as never) - PLATFORM_IDS.indexOf(b.split(':')[0] as never),
  );

/** The real-browser tests' homepages: what the extraction finds on them, checked here without a browser. */
describe.each(HOMEPAGES)('homepage of $entityId', (home) => {
  it('has its primaries found, and its site is the institution’s in the dataset', () => {
    const doc = new DOMParser().parseFromString(home.html, 'text/html');
    const { candidates } = discoverAccounts(doc, `${home.origin}/`);
    expect(order(candidates.filter((c) => c.primary).map((c) => `${c.platform}:${c.key}`))).toEqual(
      order(home.primaries),
    );
    const entity = BUNDLED.entities.find((e) => e.id === home.entityId);
    expect(entity?.websites?.some((w) => new URL(w.url).origin === home.origin)).toBe(true);
  });
});
