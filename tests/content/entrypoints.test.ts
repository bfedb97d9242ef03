import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getReader } from '@/lib/platforms/readers';
import { contentScripts, PLATFORMS } from '@/lib/platforms/registry';

const ENTRYPOINTS = path.resolve(import.meta.dirname, '../../entrypoints');

describe('content scripts', () => {
  it('there is exactly one per registered platform', () => {
    const files = readdirSync(ENTRYPOINTS).filter((f) => f.startsWith('content-'));
    expect(files.sort()).toEqual(PLATFORMS.map((p) => `content-${p.id}.ts`).sort());
    // WXT's own content-script entrypoints are not used (see contentScripts in the registry).
    expect(readdirSync(ENTRYPOINTS).filter((f) => f.includes('.content.'))).toEqual([]);
  });

  it.each(PLATFORMS.map((p) => [p.id, p] as const))('%s runs exactly on its platform’s hosts', (id, platform) => {
    expect(contentScripts().find((c) => c.js[0] === `content-${id}.js`)?.matches).toEqual([...platform.matches]);
  });

  it.each(PLATFORMS.map((p) => [p.id] as const))(
    '%s starts with its own grammar and loads its reader on demand',
    async (id) => {
      const source = readFileSync(path.join(ENTRYPOINTS, `content-${id}.ts`), 'utf8');
      expect(source).not.toMatch(/from '[^']*\/reader'/);
      expect(source).toContain(`from '@/lib/platforms/${id}/url'`);
      expect(source).toContain(`readerLoader('/reader-${id}.js')`);
      // The module it loads returns the platform's reader.
      const module = (await import(`../../entrypoints/reader-${id}.ts`)) as { default: { main: () => unknown } };
      expect(module.default.main()).toBe(getReader(id));
    },
  );

  it.each(PLATFORMS.map((p) => [p.id] as const))('%s imports nothing that touches the extension API at load', (id) => {
    const source = readFileSync(path.join(ENTRYPOINTS, `content-${id}.ts`), 'utf8');
    expect(source).not.toMatch(/wxt\/browser|define-content-script|webextension-polyfill/);
  });

  it('the content script’s own code imports no value from the extension API modules (types only)', () => {
    const dir = path.resolve(import.meta.dirname, '../../lib/content');
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /^import (?!type )[^;]*from 'wxt\/browser'/m.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('what every page loads holds no Unicode property class as a regex literal (checked, at a cost, when parsed)', () => {
    const root = path.resolve(import.meta.dirname, '../../lib');
    const files = [
      ...readdirSync(path.join(root, 'content')).map((f) => `content/${f}`),
      ...PLATFORMS.map((p) => `platforms/${p.id}/url.ts`),
      'platforms/url-utils.ts',
      'platforms/labels.ts',
    ].filter((f) => f.endsWith('.ts'));
    const literal = /(^|[=(,:[!&|?{};]\s*)\/(?![/*])(?:[^/\\\n]|\\.)*\\[pP]\{(?:[^/\\\n]|\\.)*\/[a-z]*/m;
    expect(files.filter((f) => literal.test(readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });
});
