import { describe, expect, it } from 'vitest';
import { BUNDLED } from '@/lib/dataset/bundled';
import {
  groupTargets,
  type HomepageLinks,
  originPatterns,
  runGroupSearch,
  type SiteTarget,
} from '@/lib/overlay/group-search';
import { absentPlatforms, siteOf } from '@/lib/overlay/site-reading';

const T = (name: string, url: string): SiteTarget => ({ entityId: `city-${name.toLowerCase()}`, name, url });
const TARGETS = [
  T('Nantes', 'https://www.nantes.fr/'),
  T('Lille', 'https://www.lille.fr/'),
  T('Rennes', 'https://metropole.rennes.fr/'),
  T('Brest', 'https://www.brest.fr/'),
  T('Nice', 'https://www.nice.fr/'),
  T('Metz', 'https://metz.fr/'),
];
const PAGE = (handle: string) => `<footer><a href="https://x.com/${handle}">X</a></footer>`;
/** A stand-in for lib/discovery: every x.com link of the page, and every "jeparticipe" site. */
const parse = (html: string): HomepageLinks => ({
  candidates: [...html.matchAll(/https:\/\/x\.com\/(\w+)/g)].map((m) => ({
    platform: 'x',
    key: (m[1] ?? '').toLowerCase(),
    url: m[0],
    primary: true,
  })),
  participation: [...html.matchAll(/https:\/\/jeparticipe\.[\w.]+\//g)].map((m) => ({ url: m[0], where: 'content' })),
});

function response(body: string, init: { status?: number; url: string; type?: string }): Response {
  const r = new Response(body, {
    status: init.status ?? 200,
    headers: { 'content-type': init.type ?? 'text/html; charset=utf-8' },
  });
  Object.defineProperty(r, 'url', { value: init.url });
  return r;
}

/** A fake web: each site answers as scripted; every call is logged with the time it started. */
function fakeWeb() {
  const calls: string[] = [];
  let active = 0;
  let maxActive = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input);
    calls.push(url);
    active++;
    maxActive = Math.max(maxActive, active);
    try {
      await new Promise((r) => setTimeout(r, 5));
      const host = new URL(url).hostname;
      if (host === 'www.lille.fr') throw new TypeError('Failed to fetch');
      if (host === 'metropole.rennes.fr') return response('oops', { status: 500, url });
      if (host === 'www.brest.fr') return response(PAGE('brest'), { url: 'https://www.brest-metropole.example/' });
      // No account, but the city's participatory platform.
      if (host === 'www.nice.fr')
        return response('<main>Bienvenue <a href="https://jeparticipe.nice.fr/">Je participe</a></main>', { url });
      if (host === 'metz.fr')
        return await new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      return response(PAGE('nantes'), { url: `${url}accueil` });
    } finally {
      active--;
    }
  };
  return { fetch, calls, maxActive: () => maxActive };
}

const noSleep = async () => undefined;

describe('runGroupSearch', () => {
  it('says in words, per institution, what happened: found, offline, HTTP error, redirect elsewhere, nothing, timeout', async () => {
    const web = fakeWeb();
    const progress: string[] = [];
    const result = await runGroupSearch(TARGETS, {
      granted: Promise.resolve(true),
      fetch: web.fetch,
      parse,
      sleep: noSleep,
      timeoutMs: 50,
      now: () => new Date('2026-11-30T10:00:00Z'),
      onProgress: (p) => progress.push(`${p.done}/${p.total}${p.current ? ` ${p.current.name}` : ''}`),
    });
    expect(result.refused).toBe(false);
    expect(result.results.map((r) => [r.target.name, r.outcome.kind])).toEqual([
      ['Nantes', 'found'],
      ['Lille', 'offline'],
      ['Rennes', 'http'],
      ['Brest', 'redirect'],
      ['Nice', 'nothing'],
      ['Metz', 'timeout'],
    ]);
    expect(result.results[0]?.outcome).toEqual({
      kind: 'found',
      pageUrl: 'https://www.nantes.fr/accueil',
      readAt: '2026-11-30T10:00:00.000Z',
      candidates: [{ platform: 'x', key: 'nantes', url: 'https://x.com/nantes', primary: true }],
      participation: [],
    });
    // A page without an account of its own may still link the city's participatory platform.
    expect(result.results[4]?.outcome).toEqual({
      kind: 'nothing',
      pageUrl: 'https://www.nice.fr/',
      readAt: '2026-11-30T10:00:00.000Z',
      participation: [{ url: 'https://jeparticipe.nice.fr/', where: 'content' }],
    });
    expect(result.results[2]?.outcome).toEqual({ kind: 'http', status: 500 });
    expect(result.results[3]?.outcome).toEqual({ kind: 'redirect', host: 'brest-metropole.example' });
    expect(result.results[5]?.outcome).toEqual({ kind: 'timeout', seconds: 0 });
    // Never more than two pages at a time; the progress ends at 6 / 6.
    expect(web.maxActive()).toBeLessThanOrEqual(2);
    expect(progress.at(-1)).toBe('6/6');
    expect(progress).toContain('0/6 Nantes');
  });

  it('a redirect to an address we may not read is a redirect, not "offline"', async () => {
    const modes: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      modes.push(String(init?.redirect));
      if (init?.redirect === 'manual') {
        const r = new Response(null, { status: 200 });
        Object.defineProperty(r, 'type', { value: 'opaqueredirect' });
        return r;
      }
      throw new TypeError('Failed to fetch');
    };
    const result = await runGroupSearch([T('Montpellier', 'https://www.montpellier.fr/')], {
      granted: Promise.resolve(true),
      fetch,
      parse,
      sleep: noSleep,
    });
    expect(result.results[0]?.outcome).toEqual({ kind: 'redirect', host: '' });
    expect(modes).toEqual(['manual', 'follow']);
  });

  it('stops at the first "too many requests" (HTTP 429); the sites not read say so', async () => {
    const calls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      calls.push(String(input));
      const url = String(input);
      const r = url.includes('lille')
        ? new Response('', { status: 429 })
        : new Response(PAGE('x'), { headers: { 'content-type': 'text/html' } });
      Object.defineProperty(r, 'url', { value: url });
      return r;
    };
    const result = await runGroupSearch(TARGETS, {
      granted: Promise.resolve(true),
      fetch,
      parse,
      sleep: noSleep,
      concurrency: 1,
    });
    expect(result.rateLimitedBy?.name).toBe('Lille');
    expect(result.cancelled).toBe(false);
    expect(calls).toEqual(['https://www.nantes.fr/', 'https://www.lille.fr/']);
    expect(result.results.map((r) => r.outcome.kind)).toEqual([
      'found',
      'http',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('reads one page at a time when asked to', async () => {
    const web = fakeWeb();
    await runGroupSearch(TARGETS.slice(0, 3), {
      granted: Promise.resolve(true),
      fetch: web.fetch,
      parse,
      sleep: noSleep,
      concurrency: 1,
    });
    expect(web.maxActive()).toBe(1);
  });

  it('refused permission: fetches nothing and says so for every institution', async () => {
    const web = fakeWeb();
    const result = await runGroupSearch(TARGETS, {
      granted: Promise.resolve(false),
      fetch: web.fetch,
      parse,
      sleep: noSleep,
    });
    expect(result.refused).toBe(true);
    expect(web.calls).toEqual([]);
    expect(new Set(result.results.map((r) => r.outcome.kind))).toEqual(new Set(['no-permission']));
  });

  it('a permission request that fails counts as refused', async () => {
    const web = fakeWeb();
    const result = await runGroupSearch(TARGETS, {
      granted: Promise.reject(new Error('no user gesture')),
      fetch: web.fetch,
      parse,
      sleep: noSleep,
    });
    expect(result.refused).toBe(true);
    expect(web.calls).toEqual([]);
  });

  it('cancel: stops at once; the sites not read say so', async () => {
    const web = fakeWeb();
    const controller = new AbortController();
    const result = await runGroupSearch(TARGETS, {
      granted: Promise.resolve(true),
      fetch: web.fetch,
      parse,
      sleep: noSleep,
      concurrency: 1,
      signal: controller.signal,
      onResult: (target) => {
        if (target.name === 'Lille') controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(web.calls).toEqual(['https://www.nantes.fr/', 'https://www.lille.fr/']);
    expect(result.results.map((r) => r.outcome.kind)).toEqual([
      'found',
      'offline',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('cancel during a slow page aborts that fetch too', async () => {
    const web = fakeWeb();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const result = await runGroupSearch([T('Metz', 'https://metz.fr/')], {
      granted: Promise.resolve(true),
      fetch: web.fetch,
      parse,
      sleep: noSleep,
      signal: controller.signal,
      timeoutMs: 60_000,
    });
    expect(result.results[0]?.outcome.kind).toBe('cancelled');
  });

  it('a page that is not HTML, and a parser that throws, are reported, not fatal', async () => {
    const fetch = (async (url: string) =>
      response('{}', {
        url,
        type: url.includes('json') ? 'application/json' : 'text/html',
      })) as unknown as typeof globalThis.fetch;
    const result = await runGroupSearch([T('A', 'https://a.fr/json'), T('B', 'https://b.fr/')], {
      granted: Promise.resolve(true),
      fetch,
      parse: () => {
        throw new Error('bad page');
      },
      sleep: noSleep,
    });
    expect(result.results.map((r) => r.outcome.kind)).toEqual(['not-html', 'nothing']);
  });

  it('waits between pages (politeness)', async () => {
    const waits: number[] = [];
    await runGroupSearch(TARGETS.slice(0, 2), {
      granted: Promise.resolve(true),
      fetch: fakeWeb().fetch,
      parse,
      delayMs: 700,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([700, 700]);
  });
});

describe('targets and permissions', () => {
  it('one target per current institution of the group with a website; origins are exactly those hosts', () => {
    const targets = groupTargets(BUNDLED.entities, 'city', 'fr');
    const cities = BUNDLED.entities.filter((e) => e.group === 'city' && e.websites?.length);
    expect(targets).toHaveLength(cities.length);
    const patterns = originPatterns(targets.map((t) => t.url));
    expect(patterns.every((p) => /^https?:\/\/[a-z0-9.-]+\/\*$/.test(p))).toBe(true);
    expect(patterns).not.toContain('<all_urls>');
  });
  it.each([
    ['https://www.nantes.fr/', 'https://www.nantes.fr/*'],
    ['http://metropole.rennes.fr/x/y', 'http://metropole.rennes.fr/*'],
  ])('%s → %s', (url, pattern) => expect(originPatterns([url])).toEqual([pattern]));
  it.each([
    ['www.nantes.fr', 'nantes.fr'],
    ['metropole.nantes.fr', 'nantes.fr'],
    ['www.interieur.gouv.fr', 'interieur.gouv.fr'],
    ['gouv.fr', 'gouv.fr'],
  ])('siteOf(%s) = %s', (host, site) => expect(siteOf(host)).toBe(site));
  it('offers absences only when the page names an account of its own', () => {
    const x = { platform: 'x', key: 'a', url: 'https://x.com/a' } as const;
    expect(absentPlatforms([], ['x', 'facebook'])).toEqual([]);
    expect(absentPlatforms([{ ...x, primary: false }], ['x', 'facebook'])).toEqual([]);
    const partner = {
      platform: 'youtube',
      key: '@partner',
      url: 'https://www.youtube.com/@partner',
      primary: false,
    } as const;
    expect(absentPlatforms([{ ...x, primary: true }, partner], ['x', 'facebook', 'youtube'])).toEqual(['facebook']);
  });
});
