import { type JobInput, startJob, step } from './machine';
import type { Effect, JobEvent, PageSeen, RefreshJob, StepContext } from './types';

/** The browser as the driver sees it: a fake in the unit tests, lib/refresh/browser-ports.ts in the extension. */
export interface RefreshPorts {
  now(): number;
  random(): number;
  online(): boolean;
  /** One timer at a time: setting one replaces the previous. */
  setTimer(ms: number, fire: () => void): void;
  clearTimer(): void;
  openTab(url: string): Promise<{ tabId: number; windowId: number | null }>;
  navigateTab(tabId: number, url: string): Promise<void>;
  closeTab(tabId: number | null, windowId: number | null): Promise<void>;
  tabExists(tabId: number): Promise<boolean>;
  /** Whether the tab still shows a page of the job's platform (false when its URL is hidden from us). */
  tabOnPlatform(tabId: number, platform: RefreshJob['platform']): Promise<boolean>;
  loadJob(): Promise<RefreshJob | null>;
  saveJob(job: RefreshJob): Promise<void>;
  countLoad(job: RefreshJob): Promise<void>;
  record(job: RefreshJob, effect: Extract<Effect, { type: 'record' }>): Promise<void>;
}

export type StartResult = { started: true; job: RefreshJob } | { started: false; job: RefreshJob };

/**
 * Runs the state machine against the browser: every event goes through one queue, reads the
 * job from storage, steps, saves, then carries out the effects. One queue and one stored job
 * mean one job at a time, even when the service worker restarts in the middle.
 */
export class RefreshDriver {
  private queue: Promise<unknown> = Promise.resolve();
  /** Tabs this driver opened, so that their late reports are never taken for the user's visits. */
  private readonly owned = new Set<number>();

  constructor(private readonly ports: RefreshPorts) {}

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private ctx(): StepContext {
    return { now: this.ports.now(), random: () => this.ports.random(), online: this.ports.online() };
  }

  /** Starts a job unless one is running (then returns that one). */
  start(input: Omit<JobInput, 'loadsLeft'>, loadsLeft: () => Promise<number>): Promise<StartResult> {
    return this.enqueue(async () => {
      const running = await this.ports.loadJob();
      if (running?.status === 'running') return { started: false as const, job: running };
      const { job, effects } = startJob({ ...input, loadsLeft: await loadsLeft() }, this.ctx());
      return { started: true as const, job: await this.commit(job, effects) };
    });
  }

  dispatch(event: JobEvent): Promise<RefreshJob | null> {
    return this.enqueue(async () => {
      const job = await this.ports.loadJob();
      return job ? this.apply(job, event) : null;
    });
  }

  /** After a service-worker restart: pick the running job up where it was, or end it with a reason. */
  resume(): Promise<RefreshJob | null> {
    return this.enqueue(async () => {
      const job = await this.ports.loadJob();
      if (job?.status !== 'running') return job;
      if (job.tabId !== null) this.owned.add(job.tabId);
      const tabExists = job.tabId !== null && (await this.ports.tabExists(job.tabId));
      return this.apply(job, { type: 'resume', tabExists });
    });
  }

  /** A tab's page report: true when it came from the job's tab (then it is the job's alone). */
  report(tabId: number, page: PageSeen): Promise<boolean> {
    return this.enqueue(async () => {
      const job = await this.ports.loadJob();
      const mine = this.owned.has(tabId) || job?.tabId === tabId;
      if (job && mine) await this.apply(job, { type: 'report', tabId, page });
      return mine;
    });
  }

  /** The job's tab, if one is running (for the tab listeners). */
  async currentTab(): Promise<{ tabId: number; platform: RefreshJob['platform'] } | null> {
    const job = await this.ports.loadJob();
    return job?.status === 'running' && job.tabId !== null ? { tabId: job.tabId, platform: job.platform } : null;
  }

  private async apply(job: RefreshJob, event: JobEvent): Promise<RefreshJob> {
    const { job: next, effects } = step(job, event, this.ctx());
    // A tab the user took for something else is theirs again: their visits there count as visits.
    if (next.stop === 'navigated-away' && job.tabId !== null) this.owned.delete(job.tabId);
    if (next === job && effects.length === 0) return job;
    return this.commit(next, effects);
  }

  /**
   * Records the reading and counts the load first, so that whoever sees the saved job (the popup
   * redraws when it changes) finds its figure already kept; then saves (a restart after this
   * point resumes from the new state); then acts on the tab and the timer.
   */
  private async commit(job: RefreshJob, effects: readonly Effect[]): Promise<RefreshJob> {
    const first = (e: Effect) => e.type === 'record' || e.type === 'count-load';
    for (const effect of effects.filter(first)) await this.perform(job, effect);
    await this.ports.saveJob(job);
    if (job.status !== 'running') this.ports.clearTimer();
    let current = job;
    for (const effect of effects.filter((e) => !first(e))) current = await this.perform(current, effect);
    return current;
  }

  private async perform(job: RefreshJob, effect: Effect): Promise<RefreshJob> {
    switch (effect.type) {
      case 'count-load':
        await this.ports.countLoad(job);
        return job;
      case 'record':
        await this.ports.record(job, effect);
        return job;
      case 'set-timer':
        this.ports.setTimer(effect.ms, () => void this.timerFired(effect.token));
        return job;
      case 'close':
        await this.ports.closeTab(effect.tabId, effect.windowId).catch(() => {
          // Already closed by the user: nothing left to do.
        });
        return job;
      case 'navigate':
        try {
          await this.ports.navigateTab(effect.tabId, effect.url);
          return job;
        } catch {
          // The tab disappeared between two pages.
          return this.apply(job, { type: 'tab-removed', tabId: effect.tabId });
        }
      case 'open': {
        let opened: { tabId: number; windowId: number | null };
        try {
          opened = await this.ports.openTab(effect.url);
        } catch {
          return this.apply(job, { type: 'tab-failed' });
        }
        this.owned.add(opened.tabId);
        return this.apply(job, { type: 'tab-opened', ...opened });
      }
    }
  }

  private timerFired(token: number): Promise<RefreshJob | null> {
    return this.enqueue(async () => {
      const job = await this.ports.loadJob();
      if (!job || job.timer !== token) return job;
      const tabOnPlatform =
        job.phase === 'loading' && job.tabId !== null
          ? await this.ports.tabOnPlatform(job.tabId, job.platform).catch(() => false)
          : undefined;
      return this.apply(job, { type: 'timer', token, tabOnPlatform });
    });
  }
}
