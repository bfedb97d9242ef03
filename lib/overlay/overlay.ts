import { PLATFORM_IDS, type PlatformId } from '../platforms/types';
import { participationKey } from './participation';
import {
  OVERLAY_VERSION,
  type Overlay,
  type OverlayAbsence,
  type OverlayAccount,
  type OverlayParticipation,
  type OverlaySource,
} from './types';

/*
 * Pure functions over the overlay: validation of what storage holds, and the edits the popup
 * makes. Written by hand rather than with the schema library so that the popup stays small.
 */

export const EMPTY_OVERLAY: Overlay = { version: OVERLAY_VERSION, accounts: [], absences: [] };

const PLATFORMS = new Set<string>(PLATFORM_IDS);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;
const ENTITY_ID = /^(city|region|ministry|minister|executive)-[a-z0-9-]+$/;

const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isDate = (x: unknown): x is string => typeof x === 'string' && TIMESTAMP.test(x) && !Number.isNaN(Date.parse(x));
function isHttpUrl(x: unknown): x is string {
  if (typeof x !== 'string') return false;
  try {
    const u = new URL(x);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function isSource(x: unknown): x is OverlaySource {
  if (!x || typeof x !== 'object') return false;
  const s = x as Record<string, unknown>;
  if (s.kind === 'official-site') return isHttpUrl(s.url) && isDate(s.readAt);
  if (s.kind === 'user') return isDate(s.addedAt);
  if (s.kind === 'import') return isText(s.file) && isDate(s.importedAt);
  return false;
}

function isAccount(x: unknown): x is OverlayAccount {
  if (!x || typeof x !== 'object') return false;
  const a = x as Record<string, unknown>;
  return (
    typeof a.entityId === 'string' &&
    ENTITY_ID.test(a.entityId) &&
    typeof a.platform === 'string' &&
    PLATFORMS.has(a.platform) &&
    isText(a.key) &&
    isHttpUrl(a.url) &&
    (a.confidence === 'confirmed' || a.confidence === 'user') &&
    isSource(a.source) &&
    (a.replaces === undefined || (Array.isArray(a.replaces) && a.replaces.every(isText)))
  );
}

function isAbsence(x: unknown): x is OverlayAbsence {
  if (!x || typeof x !== 'object') return false;
  const a = x as Record<string, unknown>;
  return (
    typeof a.entityId === 'string' &&
    ENTITY_ID.test(a.entityId) &&
    typeof a.platform === 'string' &&
    PLATFORMS.has(a.platform) &&
    isHttpUrl(a.url) &&
    isDate(a.checkedAt)
  );
}

function isParticipation(x: unknown): x is OverlayParticipation {
  if (!x || typeof x !== 'object') return false;
  const p = x as Record<string, unknown>;
  return (
    typeof p.entityId === 'string' &&
    ENTITY_ID.test(p.entityId) &&
    isHttpUrl(p.url) &&
    (p.software === undefined || isText(p.software)) &&
    isSource(p.source) &&
    // Only the institution's own site: a platform found elsewhere is not recorded.
    (p.source as OverlaySource).kind === 'official-site'
  );
}

/**
 * Keeps what is valid in whatever storage held, entry by entry: a corrupted account or absence is
 * skipped and counted, never taking the others with it. A value that is not an overlay at all
 * counts as one skipped entry.
 */
export function sanitizeOverlay(raw: unknown): { overlay: Overlay; skipped: number } {
  if (raw === undefined || raw === null) return { overlay: EMPTY_OVERLAY, skipped: 0 };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { overlay: EMPTY_OVERLAY, skipped: 1 };
  const o = raw as Record<string, unknown>;
  let skipped = 0;
  const pick = <T>(list: unknown, ok: (x: unknown) => x is T): T[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      skipped++;
      return [];
    }
    const kept: T[] = [];
    for (const item of list) {
      if (ok(item)) kept.push(item);
      else skipped++;
    }
    return kept;
  };
  const accounts = pick(o.accounts, isAccount);
  const absences = pick(o.absences, isAbsence);
  const participation = pick(o.participation, isParticipation);
  // Written only when there is some: an overlay without participation reads as it always did.
  const overlay: Overlay = { version: OVERLAY_VERSION, accounts, absences };
  if (participation.length > 0) overlay.participation = participation;
  return { overlay, skipped };
}

const sameAccount = (a: { platform: PlatformId; key: string }, b: { platform: PlatformId; key: string }) =>
  a.platform === b.platform && a.key === b.key;

/**
 * Adds accounts. An overlay account with the same platform and key is replaced (it is the user's
 * own earlier addition, not bundled data); an absence of the same institution and platform goes,
 * since an account now answers it.
 */
export function addAccounts(overlay: Overlay, added: readonly OverlayAccount[]): Overlay {
  const accounts = overlay.accounts.filter((a) => !added.some((b) => sameAccount(a, b)));
  accounts.push(...added);
  const absences = overlay.absences.filter(
    (x) => !added.some((a) => a.entityId === x.entityId && a.platform === x.platform),
  );
  return { ...overlay, accounts, absences };
}

export function removeAccount(overlay: Overlay, account: { platform: PlatformId; key: string }): Overlay {
  return { ...overlay, accounts: overlay.accounts.filter((a) => !sameAccount(a, account)) };
}

/** "Use mine" on a conflict: this overlay account supersedes these bundled keys. */
export function replaceBundled(
  overlay: Overlay,
  account: { platform: PlatformId; key: string },
  keys: string[],
): Overlay {
  return {
    ...overlay,
    accounts: overlay.accounts.map((a) =>
      sameAccount(a, account) ? { ...a, replaces: [...new Set([...(a.replaces ?? []), ...keys])] } : a,
    ),
  };
}

/**
 * Records platforms checked absent: one absence per institution and platform (the newest wins).
 * Never over an account the overlay holds for that institution and platform.
 */
export function addAbsences(overlay: Overlay, added: readonly OverlayAbsence[]): Overlay {
  const fresh = added.filter(
    (x) => !overlay.accounts.some((a) => a.entityId === x.entityId && a.platform === x.platform),
  );
  const absences = overlay.absences.filter(
    (x) => !fresh.some((y) => y.entityId === x.entityId && y.platform === x.platform),
  );
  absences.push(...fresh);
  return { ...overlay, absences };
}

export function removeAbsence(overlay: Overlay, absence: { entityId: string; platform: PlatformId }): Overlay {
  return {
    ...overlay,
    absences: overlay.absences.filter((x) => !(x.entityId === absence.entityId && x.platform === absence.platform)),
  };
}

const sameParticipation = (a: { entityId: string; url: string }, b: { entityId: string; url: string }) =>
  a.entityId === b.entityId && participationKey(a.url) === participationKey(b.url);

/** Records participatory platforms: one per institution and platform address, the newest reading wins. */
export function addParticipation(overlay: Overlay, added: readonly OverlayParticipation[]): Overlay {
  const kept = (overlay.participation ?? []).filter((p) => !added.some((q) => sameParticipation(p, q)));
  return { ...overlay, participation: [...kept, ...added] };
}

export function removeParticipation(overlay: Overlay, removed: { entityId: string; url: string }): Overlay {
  const participation = (overlay.participation ?? []).filter((p) => !sameParticipation(p, removed));
  const { participation: _, ...rest } = overlay;
  return participation.length > 0 ? { ...rest, participation } : rest;
}
