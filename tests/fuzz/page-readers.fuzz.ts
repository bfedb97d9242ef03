import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { gatheringReader } from '@/lib/platforms/gathering';
import { getReader } from '@/lib/platforms/readers';
import { getPlatform } from '@/lib/platforms/registry';
import type { AccountRef, AudienceReading, PlatformId } from '@/lib/platforms/types';
import { counted, numRuns, printTally, SEED, TIMEOUT, tally } from './runs';

/**
 * Each page reader on mutated fixture documents (tests/fixtures/pages): text and attributes
 * rewritten, elements removed or duplicated, and blocks about another account injected (links to
 * its followers list, its count in a title, its JSON-LD, its meta description) with a count no
 * fixture holds. Whatever the mutation, a reader never throws, never returns the injected
 * account's number for the page's account, never gives the page's number to another account
 * unless it gives it to any account (a page that names no account), and never gives a value to
 * an account the page never mentions while refusing the one it shows.
 *
 * `npm run fuzz` runs at least 100,000 inputs per reader (its fixtures share them). Each fixture is
 * parsed once: every input mutates that document, is read, and is undone; every 50th input is also
 * applied to a freshly parsed copy, which must serialise and read the same.
 */

// [fixture, platform, the account the page shows]
const FIXTURES: [string, PlatformId, string][] = [
  ['x-profile.html', 'x', 'elysee'],
  ['x-profile-fr-dom.html', 'x', 'gouvernementfr'],
  ['x-other-account.html', 'x', 'elysee'],
  ['x-suspended.html', 'x', 'elysee'],
  ['facebook-page-fr.html', 'facebook', 'gouvernement.fr'],
  ['facebook-dom-fr.html', 'facebook', 'gouvernement.fr'],
  ['facebook-likes-meta.html', 'facebook', 'gouvernement.fr'],
  ['youtube-c4-initial-data.html', 'youtube', 'UCzcRQ3vRNr6fJ1A9rqFn7QA'],
  ['youtube-2024-fr.html', 'youtube', '@elysee'],
  ['youtube-stale-data.html', 'youtube', '@elysee'],
  ['dailymotion-channel.html', 'dailymotion', 'elysee'],
  ['instagram-guest-meta.html', 'instagram', 'pluto__travel'],
  ['instagram-logged-in-fr.html', 'instagram', 'pluto__travel'],
  ['instagram-private.html', 'instagram', 'mairie_exemple'],
  ['linkedin-guest-company.html', 'linkedin', 'company/audiense'],
  ['linkedin-fr-logged-in.html', 'linkedin', 'company/ministere-exemple'],
  ['tiktok-profile.html', 'tiktok', 'ville.exemple'],
  ['tiktok-dom-fr.html', 'tiktok', 'ville.exemple'],
  ['threads-profile.html', 'threads', 'ville.exemple'],
  ['bluesky-profile.html', 'bluesky', 'bsky.app'],
  ['bluesky-dom.html', 'bluesky', 'gouvernement.fr'],
  ['mastodon-profile-fr.html', 'mastodon', 'numerique@social.numerique.gouv.fr'],
  ['mastodon-meta.html', 'mastodon', 'gargron@mastodon.social'],
  ['mastodon-hidden.html', 'mastodon', 'numerique@social.numerique.gouv.fr'],
  ['flickr-profile.html', 'flickr', 'elysee'],
];

// Pages that give their account no value (suspended, private, followers hidden): mutated, they must
// not start giving one from another account's block.
const NO_VALUE = new Set(['x-suspended.html', 'instagram-private.html', 'mastodon-hidden.html']);

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

// A happy-dom window keeps what it parsed: a fresh one every 500 documents keeps memory flat.
// Only the differential check below parses per input; the property itself reuses one document.
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

/** The elements inside the head and the body, in document order (as `head *, body *` selects them). */
function elementsIn(doc: Document): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const child of el.children) {
      out.push(child);
      walk(child);
    }
  };
  if (doc.head) walk(doc.head);
  if (doc.body) walk(doc.body);
  return out;
}

/**
 * What one input's mutations did beyond the document: how to undo each, the blocks about the other
 * account they injected (and whole copies of them), and whether a mutation then reached inside one
 * of those blocks (rewrote a text or an attribute in it, or removed a part of it).
 */
interface Log {
  undo: (() => void)[];
  injected: Node[];
  tampered: boolean;
}
const newLog = (): Log => ({ undo: [], injected: [], tampered: false });

// Parsed blocks about the other account, per document and block, reused from one input to the next
// (each input's undo log puts them back as they were); one input injecting a block twice gets two.
const pools = new WeakMap<Document, Node[][]>();
function block(doc: Document, other: string, i: number, log: Log): Node {
  const blocks = otherBlocks(other);
  const pool = pools.get(doc) ?? blocks.map(() => []);
  pools.set(doc, pool);
  const free = pool[i]?.find((n) => !log.injected.includes(n));
  if (free) return free;
  const template = doc.createElement('template');
  template.innerHTML = blocks[i] ?? '';
  const [node, ...rest] = template.content.childNodes;
  if (!node || rest.length) throw new Error(`block ${i} is not one element`);
  pool[i]?.push(node);
  return node;
}

/**
 * Applies one mutation to `doc` and logs the operation that undoes it exactly (the same nodes put
 * back where they were), so that one parsed document serves every input: parsing or cloning a
 * happy-dom document costs ~0.5–1.5 ms, a mutation and its undoing some microseconds.
 */
function mutate(doc: Document, m: Mutation, other: string, log: Log): void {
  const { undo } = log;
  const inside = (n: Node, strictly = false) => log.injected.some((b) => b.contains(n) && !(strictly && b === n));
  switch (m.op) {
    case 'text':
    case 'digits': {
      const nodes = textNodes(doc.documentElement);
      const node = nodes[m.at % Math.max(1, nodes.length)];
      if (!node) return;
      if (inside(node)) log.tampered = true;
      const old = node.data;
      node.data = m.op === 'text' ? m.value : old.replace(/\d+/, String(m.value));
      undo.push(() => {
        node.data = old;
      });
      return;
    }
    case 'inject': {
      // Other accounts appear elsewhere on a page (suggestions, embedded data, a second meta),
      // never inside the profile header itself: at the end of the body, or in the head.
      const parent = m.at % 2 === 0 ? doc.body : doc.head;
      if (!parent) return;
      const node = block(doc, other, m.block % otherBlocks(other).length, log);
      parent.append(node);
      log.injected.push(node);
      undo.push(() => parent.removeChild(node));
      return;
    }
  }
  const elements = elementsIn(doc);
  const el = elements[m.at % Math.max(1, elements.length)];
  if (!el) return;
  switch (m.op) {
    case 'attr': {
      const attr = el.attributes[m.at % Math.max(1, el.attributes.length)];
      if (!attr) return;
      if (inside(el)) log.tampered = true;
      const { name, value: old } = attr;
      el.setAttribute(name, m.value);
      undo.push(() => el.setAttribute(name, old));
      return;
    }
    case 'remove': {
      const parent = el.parentNode;
      if (!parent) return;
      if (inside(el, true)) log.tampered = true;
      const next = el.nextSibling;
      el.remove();
      undo.push(() => parent.insertBefore(el, next));
      return;
    }
    case 'duplicate': {
      const copy = el.cloneNode(true) as Element;
      el.after(copy);
      if (log.injected.includes(el)) log.injected.push(copy);
      undo.push(() => copy.remove());
      return;
    }
  }
}

/** Throws (failing the property) unless `ok`; the message is built only then. */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

const METRICS = new Set(['followers', 'subscribers', 'page-likes']);
const PRECISIONS = new Set(['exact', 'rounded', 'lower-bound']);
function wellFormed(r: AudienceReading, why: () => string) {
  check(Array.isArray(r.problems), () => `problems not a list: ${why()}`);
  if (r.value === undefined) return;
  check(Number.isSafeInteger(r.value) && r.value >= 0, () => `value ${r.value}: ${why()}`);
  check(METRICS.has(r.metric ?? ''), () => `metric ${r.metric}: ${why()}`);
  check(PRECISIONS.has(r.precision ?? ''), () => `precision ${r.precision}: ${why()}`);
}

// `npm run fuzz`: at least 100,000 inputs per reader, split evenly over the platform's fixtures.
// `npm test`: a few per fixture (a few thousand in all).
const fixturesOf = (platform: PlatformId) => FIXTURES.filter(([, p]) => p === platform).length;
const runsFor = (platform: PlatformId) => numRuns(120, Math.ceil(100_000 / fixturesOf(platform)));
// Every so many inputs, the same mutations on a freshly parsed document must read the same: the
// undo log (and happy-dom's selector caches) leave nothing behind. Every input in `npm test`.
const FRESH_EVERY = numRuns(1, 50);
// happy-dom's selector cache keeps an entry on every element a query walked, until that element
// changes: each fixture's document is parsed anew, in a window of its own, every so many inputs.
const RENEW_EVERY = 1_000;
// happy-dom holds its query results by WeakRef, and V8 keeps a WeakRef's target alive until the
// running task ends: a property run synchronously keeps every document and result of its 100,000
// inputs (that was the "~0.4 GB per fixture"). The property yields to the event loop this often.
const YIELD_EVERY = 200;

/** A fixture parsed in a window of its own (closed with `close`). */
function ownDocument(html: string): { doc: Document; original: string; close: () => void } {
  const w = new Window({ settings: { handleDisabledFileLoadingAsSuccess: true } });
  const doc = new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, original: doc.documentElement.outerHTML, close: () => void w.happyDOM.close() };
}

describe.each(FIXTURES)('page reader on mutated %s (fuzz)', (file, platform, key) => {
  const reader = getReader(platform);
  const html = load(file);
  const [otherKey, absentKey] = OTHER[platform];
  const ref = (k: string): AccountRef => ({ platform, page: 'profile', key: k });

  it('the fixture reads as its account (or as none), and the keys are well formed', () => {
    const value = reader?.(parse(html), ref(key)).value;
    if (NO_VALUE.has(file)) expect(value).toBeUndefined();
    else expect(value).toBeDefined();
    for (const k of [key, otherKey, absentKey])
      expect(getPlatform(platform)?.isValidKey(k) || getPlatform(platform)?.isValidKey(k.toLowerCase()), k).toBe(true);
  });

  it(
    'never throws, never another account’s value',
    async () => {
      if (!reader) throw new Error(`no reader for ${platform}`);
      let { doc, original, close } = ownDocument(html);
      let calls = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
          const call = calls++;
          if (call % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
          if (call > 0 && call % RENEW_EVERY === 0) {
            close();
            ({ doc, original, close } = ownDocument(html));
          }
          const log = newLog();
          try {
            for (const m of ms) mutate(doc, m, otherKey, log);
            const text = doc.documentElement.outerHTML.toLowerCase();
            // Our own key is named somewhere only if a mutation did not rename it; the absent one never is.
            check(!text.includes(handleOf(absentKey)), () => `${file}: ${absentKey} in the page`);
            const a = reader(doc, ref(key));
            const b = reader(doc, ref(otherKey));
            const c = reader(doc, ref(absentKey));
            tally(`reader ${platform}`);
            if (log.injected.length && !log.tampered) tally(`reader ${platform}, with another account's block whole`);
            const why = () => `${file} after ${JSON.stringify(ms)}: A ${a.value} B ${b.value} C ${c.value}`;
            for (const r of [a, b, c]) wellFormed(r, why);
            // A reader that gathers in the page sends what it gathered once it is ready: whenever a
            // figure can be read, the page must say so (else it waits out its 6 s for nothing).
            const half = gatheringReader(platform);
            for (const [k, r] of half
              ? ([
                  [key, a],
                  [otherKey, b],
                  [absentKey, c],
                ] as const)
              : [])
              if (r.value !== undefined)
                check(half?.ready(half.gather(doc), ref(k)) === true, () => `a figure for ${k}, not ready: ${why()}`);
            // The page's account never gets the injected account's number — unless the mutations left
            // a page that names no account at all (any account gets a value): a reader then trusts
            // the page it is on, as it must for pages that never say whose they are. Nor when a
            // mutation cut into an injected block: "987,7 M abonnés" stripped of the link beside it
            // is a count that no longer says whose it is, as a page's own header shows its count.
            if (c.value === undefined && !log.tampered)
              check(a.value === undefined || !INJECTED.has(a.value), () => `injected count for A: ${why()}`);
            // The page's number goes to another account only when any account gets it (no identity shown).
            if (a.value !== undefined && b.value === a.value)
              check(c.value === a.value, () => `A's count for B only: ${why()}`);
            // An account the page never mentions gets a value only as the page's own would.
            if (c.value !== undefined) check(a.value === c.value, () => `a count for C alone: ${why()}`);
            if ((call + 1) % FRESH_EVERY === 0) {
              const fresh = parse(html);
              const freshLog = newLog();
              for (const m of ms) mutate(fresh, m, otherKey, freshLog);
              expect(fresh.documentElement.outerHTML.toLowerCase(), why()).toBe(text);
              const again = [key, otherKey, absentKey].map((k) => reader(fresh, ref(k)));
              expect(again, why()).toEqual([a, b, c]);
            }
          } finally {
            for (let i = log.undo.length - 1; i >= 0; i--) log.undo[i]?.();
          }
          const restored = doc.documentElement.outerHTML;
          check(restored === original, () => `${file}: not restored after ${JSON.stringify(ms)}`);
        }),
        { numRuns: runsFor(platform), seed: SEED },
      );
      close();
    },
    TIMEOUT,
  );
});

describe('page readers (fuzz)', () => {
  afterAll(() => printTally('page-readers'));
  it('every reader ran its share of inputs', () => {
    for (const platform of new Set(FIXTURES.map(([, p]) => p)))
      expect(counted(`reader ${platform}`), platform).toBe(runsFor(platform) * fixturesOf(platform));
  });
});
