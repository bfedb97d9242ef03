import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getReader } from '@/lib/platforms/readers';
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

  it.each(PLATFORMS.map((p) => [p.id] as const))(
    '%s never posts a message naming the extension to the page',
    async (id) => {
      const entry = (await import(`../../entrypoints/${id}.content.ts`)) as {
        default: { noScriptStartedPostMessage?: boolean };
      };
      expect(entry.default.noScriptStartedPostMessage).toBe(true);
    },
  );

  it.each(PLATFORMS.map((p) => [p.id] as const))('%s loads its reader on demand, never statically', async (id) => {
    const source = readFileSync(path.join(ENTRYPOINTS, `${id}.content.ts`), 'utf8');
    expect(source).not.toMatch(/from '[^']*\/reader'/);
    expect(source).toContain(`readerLoader('/reader-${id}.js')`);
    // The module it loads returns the platform's reader.
    const module = (await import(`../../entrypoints/reader-${id}.ts`)) as { default: { main: () => unknown } };
    expect(module.default.main()).toBe(getReader(id));
  });
});
