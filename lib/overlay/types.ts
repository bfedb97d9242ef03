import type { PlatformId } from '../platforms/types';

/**
 * The overlay: what the user's own browser adds to the bundled dataset — accounts found on an
 * institution's official website or added by hand, platforms checked absent on that site, and
 * participatory platforms that site links to. It lives in one versioned `local:overlay` storage item (see store.ts). It never silently
 * replaces a bundled account: a conflicting key is shown and the user chooses.
 *
 * This file is the contract shared by discovery, refresh, the dashboard and the data export:
 * change it only with a migration (an optional field that older entries simply lack needs none).
 */
export const OVERLAY_VERSION = 1;

/** Where an overlay account comes from. */
export type OverlaySource =
  /** A primary link on the institution's official website, read on that date. */
  | { kind: 'official-site'; url: string; readAt: string }
  /** Added by the user by hand. */
  | { kind: 'user'; addedAt: string }
  /** Imported from a file (a colleague's export, or one's own). */
  | { kind: 'import'; file: string; importedAt: string };

export interface OverlayAccount {
  entityId: string;
  platform: PlatformId;
  /** Canonical key, as the platform's grammar returns it for `url`. */
  key: string;
  url: string;
  /** `confirmed`: a primary link on the institution's own site; `user`: added by hand. */
  confidence: 'confirmed' | 'user';
  source: OverlaySource;
  /**
   * Bundled keys of the same platform that the user chose to replace with this account ("use
   * mine" on a conflict): another key of the same entity, or this very key listed under another
   * entity. Optional, so entries written before it existed stay valid without a migration.
   */
  replaces?: string[];
}

/**
 * "Absent as of a date": a discovery run read the institution's official site on `checkedAt`
 * and it lists no account on `platform`. Evidence, not a verdict: a later account replaces it.
 */
export interface OverlayAbsence {
  entityId: string;
  platform: PlatformId;
  /** The page that was read. */
  url: string;
  /** ISO datetime of the reading. */
  checkedAt: string;
}

/**
 * A participatory platform (Decidim, Go Vocal, "budget participatif"…) that the institution's
 * official website links to, read on a date: recorded like an account found there, for the
 * presence table and the 2012 study's participation finding (issue 10).
 */
export interface OverlayParticipation {
  entityId: string;
  /** The link as the page gave it (absolute, fragment dropped). */
  url: string;
  /** Software recognised from the host by lib/discovery (`decidim`, `citizenlab`, `cap-collectif`), when it was. */
  software?: string;
  /** Always the official site: a platform is only recorded when the institution's own page links it. */
  source: Extract<OverlaySource, { kind: 'official-site' }>;
}

export interface Overlay {
  version: typeof OVERLAY_VERSION;
  accounts: OverlayAccount[];
  absences: OverlayAbsence[];
  /**
   * Optional, so that overlays stored before it existed stay valid without a migration (the
   * version stays 1: nothing already stored changes meaning). Absent means none.
   */
  participation?: OverlayParticipation[];
}
