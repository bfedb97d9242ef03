import type { PlatformId } from '../platforms/types';
import type { OverlayAbsence, OverlayAccount, OverlayParticipation } from './types';

/** A primary account found on the institution's own site: `confirmed`, citing the page and the reading's date. */
export function foundOnSite(
  entityId: string,
  found: { platform: PlatformId; key: string; url: string },
  page: { url: string; readAt: string },
): OverlayAccount {
  return {
    entityId,
    platform: found.platform,
    key: found.key,
    url: found.url,
    confidence: 'confirmed',
    source: { kind: 'official-site', url: page.url, readAt: page.readAt },
  };
}

/** An account the user attaches to an institution by hand: confidence `user`, source "added by you". */
export function addedByHand(
  entityId: string,
  account: { platform: PlatformId; key: string; url: string },
  addedAt: string,
): OverlayAccount {
  return {
    entityId,
    platform: account.platform,
    key: account.key,
    url: account.url,
    confidence: 'user',
    source: { kind: 'user', addedAt },
  };
}

/** Platforms the institution's site was read without finding an account on: absent as of that reading. */
export function absences(
  entityId: string,
  platforms: readonly PlatformId[],
  page: { url: string; readAt: string },
): OverlayAbsence[] {
  return platforms.map((platform) => ({ entityId, platform, url: page.url, checkedAt: page.readAt }));
}

/** A participatory platform the institution's own site links to, citing the page and the reading's date. */
export function participationOnSite(
  entityId: string,
  link: { url: string; software?: string },
  page: { url: string; readAt: string },
): OverlayParticipation {
  return {
    entityId,
    url: link.url,
    ...(link.software ? { software: link.software } : {}),
    source: { kind: 'official-site', url: page.url, readAt: page.readAt },
  };
}
