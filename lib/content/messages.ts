import type { AccountRef, AudienceReading } from '../platforms/types';

/**
 * Which account the page in a tab is, and its reading: made by the background from the tab's URL
 * and the page's answer (lib/background/page-readings.ts), for account pages only (on load and on
 * each in-app navigation to one). The reading comes from inside a page: validate-report.ts checks
 * every field before any use.
 */
export interface PageReport {
  type: 'civiscope:page';
  url: string;
  account: AccountRef | null;
  /** Present once the page's audience has been read (or failed to be read). */
  reading?: AudienceReading;
  /** Epoch milliseconds of the reading. */
  readAt?: number;
  /** What the page says about itself (login form, HTTP status); the group refresh uses it. */
  signals?: PageSignals;
}

/** Signs a page gives about itself, each present only when seen (see page-signals.ts). */
export interface PageSignals {
  /** The page shows a login form. */
  loginWall?: boolean;
  /** HTTP status of the page's document, when the browser tells it. */
  httpStatus?: number;
  /** The platform says the account is suspended or does not exist. */
  unavailable?: boolean;
}
