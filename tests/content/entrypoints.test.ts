import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_READER_GLOBAL, readInPage } from '@/lib/content/in-page';
import { gatheringReader } from '@/lib/platforms/gathering';
import { getReader } from '@/lib/platforms/readers';
import { PLATFORMS } from '@/lib/platforms/registry';

const ENTRYPOINTS = path.resolve(import.meta.dirname, '../../entrypoints');

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[PAGE_READER_GLOBAL];
});

describe('what runs in pages', () => {
  it('no content script is declared: only the readers the background injects into account pages', () => {
    const entrypoints = readdirSync(ENTRYPOINTS);
    expect(entrypoints.filter((f) => /^content[-.]|\.content\./.test(f))).toEqual([]);
    expect(entrypoints.filter((f) => f.startsWith('reader-')).sort()).toEqual(
      PLATFORMS.map((p) => `reader-${p.id}.ts`).sort(),
    );
    const config = readFileSync(path.resolve(import.meta.dirname, '../../wxt.config.ts'), 'utf8');
    expect(config).not.toMatch(/content_scripts|web_accessible_resources/);
  });

  it.each(PLATFORMS.map((p) => [p.id] as const))('reader-%s installs its platform’s own reader', async (id) => {
    const source = readFileSync(path.join(ENTRYPOINTS, `reader-${id}.ts`), 'utf8');
    // A reader that gathers installs only its page half (the background interprets: gathering.ts).
    expect(source).toContain(`from '@/lib/platforms/${id}/${gatheringReader(id) ? 'page' : 'reader'}'`);
    expect(source).not.toMatch(/wxt\/browser|define-content-script|webextension-polyfill/);
    const module = (await import(`../../entrypoints/reader-${id}.ts`)) as { default: { main: () => unknown } };
    module.default.main();
    const installed = (globalThis as Record<string, unknown>)[PAGE_READER_GLOBAL] as { platform: string };
    expect(installed.platform).toBe(id);
    expect(getReader(id)).toBeDefined();
  });

  it('the code that runs in pages imports no value from the extension API modules (types only)', () => {
    const dir = path.resolve(import.meta.dirname, '../../lib/content');
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /^import (?!type )[^;]*from 'wxt\/browser'/m.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('the function injected to read a page refers to nothing outside itself, and to the reader’s global by its name', () => {
    const source = readInPage.toString();
    expect(source).toContain(`.${PAGE_READER_GLOBAL}`);
    // Serialised by the browser: a free identifier other than globals would be undefined in the page.
    expect(new Function(`return (${source})`)()).toBeTypeOf('function');
    expect(readInPage({ platform: 'x', page: 'profile', key: 'paris' }, 'https://x.com/Paris')).toEqual({
      missing: true,
    });
  });

  it('what runs in pages holds no Unicode property class as a regex literal (checked, at a cost, when parsed)', () => {
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
