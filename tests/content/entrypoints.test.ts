import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/lib/platforms/registry';

const ENTRYPOINTS = path.resolve(import.meta.dirname, '../../entrypoints');

describe('content scripts', () => {
  it('there is exactly one per registered platform', () => {
    const files = readdirSync(ENTRYPOINTS).filter((f) => f.endsWith('.content.ts'));
    expect(files.sort()).toEqual(PLATFORMS.map((p) => `${p.id}.content.ts`).sort());
  });

  it.each(PLATFORMS.map((p) => [p.id, p] as const))('%s runs exactly on its platform’s hosts', async (id, platform) => {
    const entry = (await import(`../../entrypoints/${id}.content.ts`)) as { default: { matches: string[] } };
    expect(entry.default.matches).toEqual([...platform.matches]);
  });
});
