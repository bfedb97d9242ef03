import type { PlatformId } from '../platforms/types';
import {
  DELAY_JITTER,
  type Effect,
  type JobEvent,
  MAX_PAGES_PER_JOB,
  PAGE_TIMEOUT_MS,
  type PageSeen,
  type Peer,
  type PeerOutcome,
  type RefreshJob,
  STRIKES_TO_STOP,
  type Step,
  type StepContext,
  type StopReason,
  type UnreadableReason,
} from './types';

/**
 * The group refresh as a pure state machine: (job, event, context) → (job, effects). It never
 * touches the browser, the clock or storage; lib/refresh/driver.ts carries out the effects and
 * feeds the events back, one at a time. Every rule of politeness lives here so that the unit
 * tests can check it with a fake clock and fake tabs.
 */

export interface PeerInput {
  entity: string;
  key: string | null;
  url: string | null;
  status: 'active' | 'unused' | 'closed' | null;
}

export interface JobInput {
  id: string;
  platform: PlatformId;
  from: string;
  cohort: 'study' | 'all';
  peers: readonly PeerInput[];
  delayMs: number;
  /** Page loads still allowed today on the platform. */
  loadsLeft: number;
}

/** A new job, already asking for its first page. */
export function startJob(input: JobInput, ctx: StepContext): Step {
  let loadable = 0;
  const peers: Peer[] = input.peers.map((p) => {
    let outcome: PeerOutcome | null = null;
    if (p.key === null || p.url === null) outcome = { kind: 'no-account' };
    else if (p.status === 'closed') outcome = { kind: 'closed' };
    else if (++loadable > MAX_PAGES_PER_JOB) outcome = { kind: 'not-loaded', reason: 'job-cap' };
    return { entity: p.entity, key: p.key, url: p.url, outcome };
  });
  const job: RefreshJob = {
    version: 1,
    id: input.id,
    platform: input.platform,
    from: input.from,
    cohort: input.cohort,
    startedAt: new Date(ctx.now).toISOString(),
    finishedAt: null,
    status: 'running',
    stop: null,
    peers,
    current: -1,
    phase: 'waiting',
    deadline: null,
    timer: 0,
    tabId: null,
    windowId: null,
    delayMs: input.delayMs,
    loadsLeft: input.loadsLeft,
    loads: 0,
    strikes: 0,
  };
  return advance(job, ctx, []);
}

/** One event. Events that do not concern the running job (stale timers, other tabs) change nothing. */
export function step(job: RefreshJob, event: JobEvent, ctx: StepContext): Step {
  if (job.status !== 'running') {
    // A tab that opens after the job stopped (cancelled while opening) is closed at once.
    if (event.type === 'tab-opened') return { job, effects: [close(event.tabId, event.windowId)] };
    return { job, effects: [] };
  }
  switch (event.type) {
    case 'tab-opened':
      if (job.phase !== 'opening') return { job, effects: [close(event.tabId, event.windowId)] };
      return { job: { ...job, tabId: event.tabId, windowId: event.windowId, phase: 'loading' }, effects: [] };
    case 'tab-failed':
      return finish(job, 'tab-failed', ctx, []);
    case 'report':
      if (event.tabId !== job.tabId || job.phase !== 'loading') return { job, effects: [] };
      return onReport(job, event.page, ctx);
    case 'timer':
      if (event.token !== job.timer) return { job, effects: [] };
      if (job.phase === 'waiting') return advance(job, ctx, []);
      if (job.phase === 'opening') return finish(job, 'tab-failed', ctx, []);
      if (!ctx.online) return finish(job, 'offline', ctx, []);
      if (event.tabOnPlatform === false)
        return finish({ ...job, tabId: null, windowId: null }, 'navigated-away', ctx, []);
      return settle(job, { kind: 'unreadable', reason: 'timeout' }, ctx, []);
    case 'tab-removed':
      if (event.tabId !== job.tabId) return { job, effects: [] };
      // The user closed the tab (or its window): nothing left to close.
      return finish({ ...job, tabId: null, windowId: null }, 'tab-closed', ctx, []);
    case 'tab-left':
      if (event.tabId !== job.tabId) return { job, effects: [] };
      // The user took the tab for something else: it is theirs now, never closed under them.
      return finish({ ...job, tabId: null, windowId: null }, 'navigated-away', ctx, []);
    case 'cancel':
      return finish(job, 'cancelled', ctx, []);
    case 'resume':
      return resume(job, event.tabExists, ctx);
  }
}

/** Paths where the platforms ask to log in (x.com/i/flow/login, instagram.com/accounts/login, linkedin.com/authwall…). */
const LOGIN_PATH = /^\/(?:i\/flow\/login|login|accounts\/login|authwall|uas\/login|checkpoint|signup)(?:[/?#]|$)/i;

export function isLoginUrl(url: string): boolean {
  try {
    return LOGIN_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** What a page without a figure says about itself. */
function unreadableReason(page: PageSeen, fallback: UnreadableReason): UnreadableReason {
  if (page.httpStatus === 429) return 'rate-limited';
  if (page.loginWall || isLoginUrl(page.url)) return 'login-wall';
  if (page.unavailable || page.httpStatus === 404 || page.httpStatus === 410) return 'unavailable';
  return fallback;
}

function onReport(job: RefreshJob, page: PageSeen, ctx: StepContext): Step {
  const peer = job.peers[job.current] as Peer;
  if (page.account && page.account.platform !== job.platform) {
    // The tab now shows another platform: the user took it elsewhere.
    return finish({ ...job, tabId: null, windowId: null }, 'navigated-away', ctx, []);
  }
  if (!page.account) return settle(job, { kind: 'unreadable', reason: unreadableReason(page, 'not-account') }, ctx, []);
  if (page.account.key.toLowerCase() !== (peer.key ?? '').toLowerCase()) {
    // Renamed, or the platform sent us to another account: its figure is not this peer's.
    return settle(job, { kind: 'other-account', seen: page.account.key }, ctx, []);
  }
  const reading = page.reading;
  if (!reading) {
    // The first report only says which account the page is; an HTTP error already tells enough.
    const reason = unreadableReason(page, 'no-figure');
    return reason === 'rate-limited' || reason === 'unavailable'
      ? settle(job, { kind: 'unreadable', reason }, ctx, [])
      : { job, effects: [] };
  }
  if (reading.value !== undefined && reading.metric && reading.precision) {
    const at = new Date(page.readAt ?? ctx.now).toISOString();
    const outcome: PeerOutcome = {
      kind: 'read',
      value: reading.value,
      metric: reading.metric,
      precision: reading.precision,
      at,
    };
    const record: Effect = {
      type: 'record',
      entity: peer.entity,
      key: page.account.key,
      value: reading.value,
      metric: reading.metric,
      precision: reading.precision,
      at,
      url: page.url,
    };
    return settle(job, outcome, ctx, [record]);
  }
  return settle(job, { kind: 'unreadable', reason: unreadableReason(page, 'no-figure') }, ctx, []);
}

/** The current peer is done: stop on the second sign of a login wall or rate limit, else wait, then the next. */
function settle(job: RefreshJob, outcome: PeerOutcome, ctx: StepContext, effects: Effect[]): Step {
  const peers = job.peers.map((p, i) => (i === job.current ? { ...p, outcome } : p));
  const strike =
    outcome.kind === 'unreadable' && (outcome.reason === 'login-wall' || outcome.reason === 'rate-limited');
  const strikes = strike ? job.strikes + 1 : 0;
  const next: RefreshJob = { ...job, peers, strikes };
  if (strike && strikes >= STRIKES_TO_STOP) return finish(next, outcome.reason as StopReason, ctx, effects);
  if (!peers.some((p) => p.outcome === null)) return finish(next, null, ctx, effects);
  const spread = 1 - DELAY_JITTER + 2 * DELAY_JITTER * ctx.random();
  const ms = Math.max(0, Math.round(job.delayMs * spread));
  const timer = job.timer + 1;
  return {
    job: { ...next, phase: 'waiting', timer, deadline: ctx.now + ms },
    effects: [...effects, { type: 'set-timer', token: timer, ms }],
  };
}

/** Loads the next peer's page (in the job's tab once it has one), unless a limit says stop. */
function advance(job: RefreshJob, ctx: StepContext, effects: Effect[]): Step {
  const index = job.peers.findIndex((p) => p.outcome === null);
  if (index < 0) return finish(job, null, ctx, effects);
  if (!ctx.online) return finish(job, 'offline', ctx, effects);
  if (job.loadsLeft <= 0) return finish(job, 'daily-cap', ctx, effects);
  const url = job.peers[index]?.url as string;
  const timer = job.timer + 1;
  const next: RefreshJob = {
    ...job,
    current: index,
    phase: job.tabId === null ? 'opening' : 'loading',
    timer,
    deadline: ctx.now + PAGE_TIMEOUT_MS,
    loads: job.loads + 1,
    loadsLeft: job.loadsLeft - 1,
  };
  const load: Effect = job.tabId === null ? { type: 'open', url } : { type: 'navigate', tabId: job.tabId, url };
  return {
    job: next,
    effects: [...effects, { type: 'count-load' }, load, { type: 'set-timer', token: timer, ms: PAGE_TIMEOUT_MS }],
  };
}

/**
 * Ends the job: peers not reached are marked, the tab (or its window) is closed. `stop` null
 * means every peer was done.
 */
function finish(job: RefreshJob, stop: StopReason | null, ctx: StepContext, effects: Effect[]): Step {
  const peers = job.peers.map((p) =>
    p.outcome === null ? { ...p, outcome: { kind: 'not-loaded', reason: 'stopped' } as PeerOutcome } : p,
  );
  const closing = job.tabId !== null || job.windowId !== null ? [close(job.tabId, job.windowId)] : [];
  return {
    job: {
      ...job,
      peers,
      status: stop ? 'stopped' : 'done',
      stop,
      phase: 'finished',
      deadline: null,
      timer: job.timer + 1,
      finishedAt: new Date(ctx.now).toISOString(),
      tabId: null,
      windowId: null,
    },
    effects: [...effects, ...closing],
  };
}

/** After the background restarted: re-arm the pending timer for what is left of it, or say why the job cannot go on. */
function resume(job: RefreshJob, tabExists: boolean, ctx: StepContext): Step {
  if (job.phase === 'opening') return finish(job, 'restart', ctx, []);
  if (job.tabId !== null && !tabExists) return finish({ ...job, tabId: null, windowId: null }, 'tab-closed', ctx, []);
  const timer = job.timer + 1;
  const ms = Math.max(0, (job.deadline ?? ctx.now) - ctx.now);
  return { job: { ...job, timer }, effects: [{ type: 'set-timer', token: timer, ms }] };
}

function close(tabId: number | null, windowId: number | null): Effect {
  return { type: 'close', tabId, windowId };
}
