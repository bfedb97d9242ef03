/**
 * Pages for the group-refresh tests and benchmark: one X profile page per peer of a cohort, each
 * with its own figure, and the bad cases (login wall, suspended account, redirect to another
 * account). Stand-ins written for these tests, following the markup in PLATFORMS.md.
 */
import type { BrowserContext } from 'playwright-core';
import { compareAccount } from '@/lib/compare';
import { BUNDLED } from '@/lib/dataset/bundled';

/** A static X profile: the JSON-LD and the header are in the HTML, as on a first load of x.com. */
export function xProfilePage(handle: string, name: string, followers: number): string {
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'ProfilePage',
    mainEntity: {
      '@type': 'Organization',
      additionalName: handle,
      givenName: name,
      identifier: '1',
      interactionStatistic: [
        {
          '@type': 'InteractionCounter',
          interactionType: 'https://schema.org/FollowAction',
          name: 'Follows',
          userInteractionCount: followers,
        },
      ],
    },
  };
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name} (@${handle}) / X</title>
<script type="application/ld+json" data-testid="UserProfileSchema-test">${JSON.stringify(ld)}</script></head>
<body><main><div data-testid="UserName"><span>${name}</span><span>@${handle}</span></div></main></body></html>`;
}

/** What X shows instead of the header for a suspended account. */
export const X_SUSPENDED = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Profil / X</title></head>
<body><main><div data-testid="emptyState"><span>Compte suspendu</span></div></main></body></html>`;

/** X's login flow page (where x.com sends a logged-out visitor it wants to log in). */
export const X_LOGIN = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion / X</title></head>
<body><main><form><input name="text" autocomplete="username"><input type="password" name="password"></form></main></body></html>`;

export interface Peer {
  entity: string;
  key: string;
  url: string;
  handle: string;
}

/** The X cohort of an entity (the whole group), as the engine builds it, with the listed accounts. */
export function xCohort(self: string): { self: Peer; peers: Peer[]; withoutAccount: string[] } {
  const entity = BUNDLED.entities.find((e) => e.id === self);
  const account = entity?.accounts.find((a) => a.platform === 'x');
  if (!entity || !account) throw new Error(`${self} has no X account`);
  const comparison = compareAccount({
    dataset: BUNDLED,
    entityId: self,
    platform: 'x',
    accountKey: account.key,
    now: '2026-12-01',
    cohort: 'all',
  });
  const toPeer = (m: (typeof comparison.cohort)[number]): Peer => {
    const url = m.account?.url as string;
    return { entity: m.entity, key: m.account?.key as string, url, handle: new URL(url).pathname.slice(1) };
  };
  return {
    self: toPeer(comparison.cohort.find((m) => m.self) as (typeof comparison.cohort)[number]),
    peers: comparison.cohort.filter((m) => !m.self && m.account && m.account.status !== 'closed').map(toPeer),
    withoutAccount: comparison.cohort.filter((m) => !m.self && !m.account).map((m) => m.entity),
  };
}

export type PageKind = { followers: number } | 'login' | 'suspended' | { redirectTo: string };

/**
 * The ministries on X: the cohort with the most listed accounts on one platform, seen from the
 * culture ministry's page. Shared by the refresh started from the popup and from the dashboard.
 */
export const MINISTRIES = xCohort('ministry-culture');
export const SELF_FOLLOWERS = 250_000;
// None of the three is agriculture (peers[3]), the account the dashboard's refresh builds the
// cohort around (tests/e2e/dashboard-refresh.e2e.ts): it must be readable there.
export const LOGIN = MINISTRIES.peers[4] as Peer;
export const SUSPENDED = MINISTRIES.peers[6] as Peer;
export const REDIRECTED = MINISTRIES.peers[9] as Peer;
/** The figure on the page of `MINISTRIES.peers[i]`. */
export const followersOf = (i: number) => 100_000 + i * 7_919;
/** The peers whose page shows their own figure. */
export const READABLE = MINISTRIES.peers.filter((p) => p !== LOGIN && p !== SUSPENDED && p !== REDIRECTED);

/** Every ministry with its own figure, and one login wall, one suspended account, one redirect to another account. */
export function ministryPages(): Record<string, PageKind> {
  const out: Record<string, PageKind> = { [`/${MINISTRIES.self.handle}`]: { followers: SELF_FOLLOWERS } };
  MINISTRIES.peers.forEach((p, i) => {
    out[`/${p.handle}`] =
      p === LOGIN
        ? 'login'
        : p === SUSPENDED
          ? 'suspended'
          : p === REDIRECTED
            ? { redirectTo: 'NouveauNom' }
            : { followers: followersOf(i) };
  });
  out['/NouveauNom'] = { followers: 42 };
  return out;
}

/** X's way of sending a logged-out visitor to its login flow: a script, as x.com does. */
const toLogin = `<!doctype html><html><head><meta charset="utf-8"><script>location.replace('https://x.com/i/flow/login')</script></head><body></body></html>`;

/**
 * Serves x.com: each path (case-insensitive, as X's handles) gets its page; a login wall sends
 * the browser to the login flow (by script, as x.com does) and a renamed account answers with an
 * HTTP 302 to another account.
 * Returns the paths requested, in order, so that a test can check the pace and the order.
 */
export async function routeX(context: BrowserContext, pages: Record<string, PageKind>): Promise<string[]> {
  const seen: string[] = [];
  const byPath = new Map(Object.entries(pages).map(([path, kind]) => [path.toLowerCase(), kind]));
  await context.route('https://x.com/**', (route) => {
    const url = new URL(route.request().url());
    seen.push(url.pathname);
    const html = (body: string) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    if (url.pathname === '/i/flow/login') return html(X_LOGIN);
    const kind = byPath.get(url.pathname.toLowerCase());
    if (kind === undefined) return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>404</h1>' });
    if (kind === 'login') return html(toLogin);
    if (kind === 'suspended') return html(X_SUSPENDED);
    if ('redirectTo' in kind)
      return route.fulfill({ status: 302, headers: { location: `https://x.com/${kind.redirectTo}` } });
    const handle = url.pathname.slice(1);
    return html(xProfilePage(handle, handle, kind.followers));
  });
  return seen;
}
