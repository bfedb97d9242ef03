import type { Metric, PlatformId, Precision } from '../platforms/types';

/**
 * A group refresh: the peers' public pages opened one after another in one background tab of
 * the user's browser, each reading kept as an observation. Plain JSON, because it lives in
 * `storage.session` between the steps of an MV3 service worker that may stop at any time.
 */

/** Politeness limits (see README "Privacy" and lib/refresh/README.md). */
export const PAGE_TIMEOUT_MS = 20_000;
/** The delay between pages varies by ± this share, so that the loads do not come at a fixed beat. */
export const DELAY_JITTER = 0.3;
export const MAX_PAGES_PER_JOB = 60;
export const MAX_LOADS_PER_PLATFORM_PER_DAY = 300;
/** Unreadable pages in a row showing a login form or an HTTP 429 that stop the job. */
export const STRIKES_TO_STOP = 2;

/** Why a page gave no figure. */
export type UnreadableReason =
  /** No reading came within PAGE_TIMEOUT_MS. */
  | 'timeout'
  /** The page asked to log in. */
  | 'login-wall'
  /** HTTP 429: the platform asks to slow down. */
  | 'rate-limited'
  /** The account is suspended, deleted or the page is missing (404/410, or the platform says so). */
  | 'unavailable'
  /** The page was the account's but showed no figure the reader trusts. */
  | 'no-figure'
  /** The page was not an account page (the platform sent elsewhere). */
  | 'not-account';

export type PeerOutcome =
  | { kind: 'read'; value: number; metric: Metric; precision: Precision; at: string }
  | { kind: 'unreadable'; reason: UnreadableReason }
  /** The page showed another account (renamed, or a redirect): nothing recorded. */
  | { kind: 'other-account'; seen: string }
  /** The dataset lists no account of this peer on the platform. */
  | { kind: 'no-account' }
  /** The peer's account is listed as closed: not loaded. */
  | { kind: 'closed' }
  /** Not loaded: beyond the per-job cap, or the job stopped first. */
  | { kind: 'not-loaded'; reason: 'job-cap' | 'stopped' };

export interface Peer {
  entity: string;
  /** Canonical account key; null when the peer has no account on the platform. */
  key: string | null;
  url: string | null;
  outcome: PeerOutcome | null;
}

export type StopReason =
  | 'cancelled'
  | 'tab-closed'
  | 'navigated-away'
  | 'login-wall'
  | 'rate-limited'
  | 'daily-cap'
  | 'offline'
  | 'tab-failed'
  /** The background restarted while the tab was being opened: the job cannot know its tab. */
  | 'restart';

export type Phase = 'opening' | 'loading' | 'waiting' | 'finished';

export interface RefreshJob {
  version: 1;
  id: string;
  platform: PlatformId;
  /** Entity whose popup started the job. */
  from: string;
  cohort: 'study' | 'all';
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'done' | 'stopped';
  stop: StopReason | null;
  peers: Peer[];
  /** Index of the peer being loaded (or last loaded); -1 before the first. */
  current: number;
  phase: Phase;
  /** Epoch ms when the pending timer fires (page timeout or delay); kept to resume after a restart. */
  deadline: number | null;
  /** Identifies the pending timer: a timer that fires after being replaced is ignored. */
  timer: number;
  tabId: number | null;
  windowId: number | null;
  delayMs: number;
  /** Page loads still allowed today on this platform. */
  loadsLeft: number;
  /** Page loads made by this job. */
  loads: number;
  /** Unreadable pages in a row with a login form or HTTP 429. */
  strikes: number;
}

/** What the tab's page report says about the page, as far as the job needs it. */
export interface PageSeen {
  url: string;
  account: { platform: PlatformId; key: string } | null;
  /** Present once the page has been read (with or without a figure). */
  reading?: { value?: number; metric?: Metric; precision?: Precision };
  readAt?: number;
  loginWall?: boolean;
  httpStatus?: number;
  unavailable?: boolean;
}

export type JobEvent =
  | { type: 'tab-opened'; tabId: number; windowId: number | null }
  | { type: 'tab-failed' }
  | { type: 'report'; tabId: number; page: PageSeen }
  /**
   * A timer fired. For a page timeout the driver says whether the tab still shows the platform
   * (false: the user took the tab elsewhere, or the page could not load).
   */
  | { type: 'timer'; token: number; tabOnPlatform?: boolean }
  | { type: 'tab-removed'; tabId: number }
  /** The tab went to a page outside the platform (the user navigated it elsewhere). */
  | { type: 'tab-left'; tabId: number }
  | { type: 'cancel' }
  | { type: 'resume'; tabExists: boolean };

/** What the step asks the world to do, in order. */
export type Effect =
  | { type: 'open'; url: string }
  | { type: 'navigate'; tabId: number; url: string }
  | { type: 'close'; tabId: number | null; windowId: number | null }
  | { type: 'set-timer'; token: number; ms: number }
  | { type: 'count-load' }
  | {
      type: 'record';
      entity: string;
      key: string;
      value: number;
      metric: Metric;
      precision: Precision;
      at: string;
      url: string;
    };

/** The world as the step sees it: injected so that the machine stays pure. */
export interface StepContext {
  now: number;
  /** In [0, 1): jitter of the delay. */
  random: () => number;
  online: boolean;
}

export interface Step {
  job: RefreshJob;
  effects: Effect[];
}
