import type { PlatformId } from '../platforms/types';

/**
 * What a reading of an official site yields, whatever read it (the popup on the site itself, or
 * a group search). The candidate is the shape lib/discovery returns; only the fields the overlay
 * needs are named here, so that this part does not depend on the extraction's internals.
 */
export interface FoundAccount {
  platform: PlatformId;
  key: string;
  url: string;
  primary: boolean;
}

/** Registrable part of a host, enough to tell "the same site" from "another site": nantes.fr, interieur.gouv.fr. */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  // Second-level public suffixes French institutions use: the State's sites live under gouv.fr.
  const twoLevel = new Set(['gouv.fr', 'asso.fr', 'co.uk', 'com.fr']);
  const last2 = labels.slice(-2).join('.');
  return labels.slice(twoLevel.has(last2) ? -3 : -2).join('.');
}

/** Whether two URLs are on the same site (registrable host), e.g. www.nantes.fr and metropole.nantes.fr. */
export function sameSite(a: string, b: string): boolean {
  try {
    return siteOf(new URL(a).hostname) === siteOf(new URL(b).hostname);
  } catch {
    return false;
  }
}

/**
 * Platforms the page links to no account of, among all platforms (any candidate, a partner's or
 * a post, leaves its platform unknown rather than absent). Only when the page names at least one
 * account as its own (a primary): a page with none is more likely a consent wall or a script-built
 * page than an institution with no account anywhere. The same rule as lib/discovery's
 * platformsWithoutAccount, over the fields the overlay keeps.
 */
export function absentPlatforms(found: readonly FoundAccount[], platforms: readonly PlatformId[]): PlatformId[] {
  if (!found.some((c) => c.primary)) return [];
  const present = new Set(found.map((c) => c.platform));
  return platforms.filter((p) => !present.has(p));
}
