import type { AccountRef, AudienceReading } from '../platforms/types';

/**
 * Content script → background: which account the page in this tab is, and its reading; sent for
 * account pages only (on load and on each in-app navigation to one). `account: null` is still
 * accepted from older scripts. The background trusts none of it: lib/background/validate-report.ts checks every field.
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
