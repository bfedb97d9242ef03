import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { getReader } from '@/lib/platforms/readers';
import { getPlatform } from '@/lib/platforms/registry';
import type { AccountRef, AudienceReading, PlatformId } from '@/lib/platforms/types';
import { numRuns, printTally, SEED, TIMEOUT, tally } from './runs';

/**
 * Each page reader on mutated fixture documents (tests/fixtures/pages): text and attributes
 * rewritten, elements removed or duplicated, and blocks about another account injected (links to
 * its followers list, its count in a title, its JSON-LD, its meta description) with a count no
 * fixture holds. Whatever the mutation, a reader never throws, never returns the injected
 * account's number for the page's account, never gives the page's number to another account
 * unless it gives it to any account (a page that names no account), and never gives a value to
 * an account the page never mentions while refusing the one it shows.
 */

// [fixture, platform, the account the page shows]
const FIXTURES: [string, PlatformId, string][] = [
  ['x-profile.html', 'x', 'elysee'],
  ['x-profile-fr-dom.html', 'x', 'gouvernementfr'],
  ['x-other-account.html', 'x', 'elysee'],
  ['facebook-page-fr.html', 'facebook', 'gouvernement.fr'],
  ['facebook-dom-fr.html', 'facebook', 'gouvernement.fr'],
  ['facebook-likes-meta.html', 'facebook', 'gouvernement.fr'],
  ['youtube-c4-initial-data.html', 'youtube', 'UCzcRQ3vRNr6fJ1A9rqFn7QA'],
  ['youtube-2024-fr.html', 'youtube', '@elysee'],
  ['youtube-stale-data.html', 'youtube', '@elysee'],
  ['dailymotion-channel.html', 'dailymotion', 'elysee'],
  ['instagram-guest-meta.html', 'instagram', 'pluto__travel'],
  ['instagram-logged-in-fr.html', 'instagram', 'pluto__travel'],
  ['linkedin-guest-company.html', 'linkedin', 'company/audiense'],
  ['linkedin-fr-logged-in.html', 'linkedin', 'company/ministere-exemple'],
  ['tiktok-profile.html', 'tiktok', 'ville.exemple'],
  ['tiktok-dom-fr.html', 'tiktok', 'ville.exemple'],
  ['threads-profile.html', 'threads', 'ville.exemple'],
  ['bluesky-profile.html', 'bluesky', 'bsky.app'],
  ['bluesky-dom.html', 'bluesky', 'gouvernement.fr'],
  ['mastodon-profile-fr.html', 'mastodon', 'numerique@social.numerique.gouv.fr'],
  ['mastodon-meta.html', 'mastodon', 'gargron@mastodon.social'],
  ['flickr-profile.html', 'flickr', 'elysee'],
];

// Another account, named in each platform's key form, and one the pages never mention.
const OTHER: Record<PlatformId, [string, string]> = {
  x: ['zzautre', 'zzabsent'],
  facebook: ['zzautre', 'zzabsent'],
  youtube: ['@zzautre', '@zzabsent'],
  dailymotion: ['zzautre', 'zzabsent'],
  instagram: ['zzautre', 'zzabsent'],
  linkedin: ['company/zzautre', 'company/zzabsent'],
  tiktok: ['zzautre', 'zzabsent'],
  threads: ['zzautre', 'zzabsent'],
  bluesky: ['zzautre.bsky.social', 'zzabsent.bsky.social'],
  mastodon: ['zzautre@mastodon.social', 'zzabsent@mastodon.social'],
  flickr: ['zzautre', 'zzabsent'],
};
/**
 * The other account's count, in every form a page may print it; no fixture holds any of them.
 * (No second meta description: a page has one, and it is about the page.)
 */
const INJECTED = new Set([987_654_321, 987_700_000, 988_000_000, 987_650_000, 990_000_000]);

const handleOf = (key: string) =>
  key
    .replace(/^(company|in)\//, '')
    .replace(/^@/, '')
    .replace(/@.*$/, '');
const otherBlocks = (key: string) => {
  const h = handleOf(key);
  return [
    `<a href="/${h}/followers/"><span title="987,654,321">987M</span> followers</a>`,
    `<a href="/${h}/verified_followers"><span>987,654,321</span> <span>Followers</span></a>`,
    `<div><a href="/@${h}"><span>@${h}</span></a> <span>987,7 M abonnés</span></div>`,
    `<script type="application/ld+json">{"@type":"Person","additionalName":"${h}","identifier":"${h}","interactionStatistic":[{"@type":"InteractionCounter","interactionType":"https://schema.org/FollowAction","userInteractionCount":987654321}]}</script>`,
    `<p>Suggested: ${h} · 988M followers · 987 654 321 abonnés</p>`,
  ];
};

// A happy-dom window keeps what it parsed: a fresh one every 500 documents keeps memory flat
// (one window for 100,000 documents ran out of heap).
let win = new Window({ settings: { handleDisabledFileLoadingAsSuccess: true } });
let parsed = 0;
const parse = (html: string) => {
  if (++parsed % 500 === 0) {
    void win.happyDOM.close();
    win = new Window({ settings: { handleDisabledFileLoadingAsSuccess: true } });
  }
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
};
const load = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/pages', file), 'utf8');

const mutation = fc.oneof(
  fc.record({
    op: fc.constant('text' as const),
    at: fc.nat(),
    value: fc.oneof(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 9_999_999 }).map(String)),
  }),
  fc.record({ op: fc.constant('digits' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 99_999 }) }),
  fc.record({ op: fc.constant('attr' as const), at: fc.nat(), value: fc.string({ maxLength: 20 }) }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('inject' as const), at: fc.nat(), block: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function textNodes(root: Node, out: Text[] = []): Text[] {
  for (const child of root.childNodes) {
    if (child.nodeType === 3) out.push(child as Text);
    else textNodes(child, out);
  }
  return out;
}

function mutate(doc: Document, m: Mutation, other: string): void {
  const elements = [...doc.querySelectorAll('head *, body *')];
  const el = elements[m.at % Math.max(1, elements.length)];
  switch (m.op) {
    case 'text':
    case 'digits': {
      const nodes = textNodes(doc.documentElement);
      const node = nodes[m.at % Math.max(1, nodes.length)];
      if (!node) return;
      node.data = m.op === 'text' ? m.value : node.data.replace(/\d+/, String(m.value));
      return;
    }
    case 'attr': {
      const attr = el?.attributes[m.at % Math.max(1, el.attributes.length)];
      if (el && attr) el.setAttribute(attr.name, m.value);
      return;
    }
    case 'remove':
      el?.remove();
      return;
    case 'duplicate':
      if (el) el.after(el.cloneNode(true));
      return;
    case 'inject': {
      // Other accounts appear elsewhere on a page (suggestions, embedded data, a second meta),
      // never inside the profile header itself: at the end of the body, or in the head.
      const blocks = otherBlocks(other);
      const template = doc.createElement('template');
      template.innerHTML = blocks[m.block % blocks.length] ?? '';
      if (m.at % 2 === 0) doc.body?.append(template.content);
      else doc.head?.append(template.content);
      return;
    }
  }
}

function wellFormed(r: AudienceReading) {
  expect(Array.isArray(r.problems)).toBe(true);
  if (r.value === undefined) return;
  expect(Number.isSafeInteger(r.value) && r.value >= 0, `value ${r.value}`).toBe(true);
  expect(['followers', 'subscribers', 'page-likes']).toContain(r.metric);
  expect(['exact', 'rounded', 'lower-bound']).toContain(r.precision);
}

describe.each(FIXTURES)('page reader on mutated %s (fuzz)', (file, platform, key) => {
  afterAll(() => printTally(`page-readers ${file}`));
  const reader = getReader(platform);
  const html = load(file);
  const [otherKey, absentKey] = OTHER[platform];
  const ref = (k: string): AccountRef => ({ platform, page: 'profile', key: k });

  it('the fixture reads as its account, and the keys are well formed', () => {
    expect(reader?.(parse(html), ref(key)).value).toBeDefined();
    for (const k of [key, otherKey, absentKey])
      expect(getPlatform(platform)?.isValidKey(k) || getPlatform(platform)?.isValidKey(k.toLowerCase()), k).toBe(true);
  });

  it(
    'never throws, never another account’s value',
    () => {
      if (!reader) throw new Error(`no reader for ${platform}`);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
          const doc = parse(html);
          for (const m of ms) mutate(doc, m, otherKey);
          const text = doc.documentElement.outerHTML.toLowerCase();
          // Our own key is named somewhere only if a mutation did not rename it; the absent one never is.
          expect(text.includes(handleOf(absentKey)), `${file}: ${absentKey} in the page`).toBe(false);
          const a = reader(doc, ref(key));
          const b = reader(doc, ref(otherKey));
          const c = reader(doc, ref(absentKey));
          tally(`page reader ${platform}`);
          for (const r of [a, b, c]) wellFormed(r);
          const why = () => `${file} after ${JSON.stringify(ms)}: A ${a.value} B ${b.value} C ${c.value}`;
          // The page's account never gets the injected account's number — unless the mutations left
          // a page that names no account at all (any account gets a value): a reader then trusts
          // the page it is on, as it must for pages that never say whose they are.
          if (c.value === undefined) expect(a.value !== undefined && INJECTED.has(a.value), why()).toBe(false);
          // The page's number goes to another account only when any account gets it (no identity shown).
          if (a.value !== undefined && b.value === a.value) expect(c.value, why()).toBe(a.value);
          // An account the page never mentions gets a value only as the page's own would.
          if (c.value !== undefined) expect(a.value, why()).toBe(c.value);
        }),
        { numRuns: numRuns(80, 3_000), seed: SEED },
      );
    },
    TIMEOUT,
  );
});
