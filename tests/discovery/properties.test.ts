import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverAccounts } from '@/lib/discovery';
import { accountOfLink } from '@/lib/discovery/link-url';
import { detectAccount } from '@/lib/platforms/registry';
import { parseHtml } from './parse';

/** Pieces of homepages: tags that matter to discovery, social URLs, traps and noise. */
const PIECES = [
  '<footer>',
  '</footer>',
  '<main>',
  '</main>',
  '<header>',
  '<div class="fr-follow">',
  '<h2>Suivez-nous</h2>',
  '<article>',
  '<a href="',
  '<a rel="me" href="',
  '<link rel="me" href="',
  '">',
  '</a>',
  '<script type="application/ld+json">',
  '</script>',
  '{"@type":"Organization","sameAs":["',
  '"]}',
  'https://x.com/Foo',
  'https://twitter.com/intent/follow?screen_name=',
  '//www.facebook.com/',
  'https://www.facebook.com/sharer.php?u=',
  'https://www.youtube.com/embed/',
  'javascript:',
  'data:',
  '%E0%A4%A',
  '/status/1',
  '<<',
  '"',
  "'",
  '&amp;',
  ' aria-label="Métropole"',
  '<meta name="twitter:site" content="@Foo">',
];

const html = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 })
    .map((a) => a.join('')),
);
const pageUrl = fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 }), fc.constant('https://www.ville.example/'));

describe('discoverAccounts on arbitrary input', () => {
  it('never throws, keeps at most one primary per platform, and every key is the grammar’s', () => {
    fc.assert(
      fc.property(html, pageUrl, (source, url) => {
        const result = discoverAccounts(parseHtml(source), url);
        const primaries = result.candidates.filter((c) => c.primary).map((c) => c.platform);
        expect(new Set(primaries).size).toBe(primaries.length);
        for (const c of result.candidates) {
          expect(detectAccount(c.url)).toMatchObject({ platform: c.platform, key: c.key });
          if (c.primary) expect(c.evidence).not.toBe('post');
        }
      }),
      { numRuns: 200 },
    );
    // happy-dom parses a few hundred pages: slow on a loaded machine, never a timing assertion.
  }, 60_000);
  it('accountOfLink never throws on arbitrary strings and bases', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl()), fc.option(fc.webUrl(), { nil: undefined }), (href, base) => {
        const found = accountOfLink(href, base === undefined ? undefined : new URL(base));
        if (found) expect(found.href).toMatch(/^https?:\/\//);
      }),
      { numRuns: 1000 },
    );
  });
});
