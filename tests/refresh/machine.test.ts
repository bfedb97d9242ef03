import { describe, expect, it } from 'vitest';
import { RefreshDriver, type RefreshPorts } from '@/lib/refresh/driver';
import { isLoginUrl, type JobInput, type PeerInput, startJob, step } from '@/lib/refresh/machine';
import { summarise } from '@/lib/refresh/summary';
import {
  MAX_PAGES_PER_JOB,
  PAGE_TIMEOUT_MS,
  type PageSeen,
  type RefreshJob,
  type StepContext,
} from '@/lib/refresh/types';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const ctx = (over: Partial<StepContext> = {}): StepContext => ({ now: T0, random: () => 0.5, online: true, ...over });

const peer = (handle: string, status: PeerInput['status'] = 'active'): PeerInput => ({
  entity: `ministry-${handle}`,
  key: handle.toLowerCase(),
  url: `https://x.com/${handle}`,
  status,
});

const input = (peers: PeerInput[], over: Partial<JobInput> = {}): JobInput => ({
  id: 'job1',
  platform: 'x',
  from: 'ministry-self',
  cohort: 'all',
  peers,
  delayMs: 2500,
  loadsLeft: 300,
  ...over,
});

const read = (handle: string, value: number, over: Partial<PageSeen> = {}): PageSeen => ({
  url: `https://x.com/${handle}`,
  account: { platform: 'x', key: handle.toLowerCase() },
  reading: { value, metric: 'followers', precision: 'exact' },
  readAt: T0 + 1000,
  ...over,
});

describe('startJob', () => {
  it('opens the first page at once, counts the load and arms the 20 s page timeout', () => {
    const { job, effects } = startJob(input([peer('A'), peer('B')]), ctx());
    expect(job.phase).toBe('opening');
    expect(job.current).toBe(0);
    expect(job.loadsLeft).toBe(299);
    expect(effects).toEqual([
      { type: 'count-load' },
      { type: 'open', url: 'https://x.com/A' },
      { type: 'set-timer', token: job.timer, ms: PAGE_TIMEOUT_MS },
    ]);
  });

  it('settles peers without an account or with a closed one without loading them', () => {
    const { job } = startJob(
      input([{ entity: 'ministry-none', key: null, url: null, status: null }, peer('Closed', 'closed'), peer('B')]),
      ctx(),
    );
    expect(job.peers.map((p) => p.outcome?.kind ?? null)).toEqual(['no-account', 'closed', null]);
    expect(job.current).toBe(2);
  });

  it(`loads at most ${MAX_PAGES_PER_JOB} pages per job`, () => {
    const peers = Array.from({ length: MAX_PAGES_PER_JOB + 5 }, (_, i) => peer(`P${i}`));
    const { job } = startJob(input(peers), ctx());
    const s = summarise(job);
    expect(s.pages).toBe(MAX_PAGES_PER_JOB);
    expect(job.peers.filter((p) => p.outcome?.kind === 'not-loaded')).toHaveLength(5);
  });

  it('stops with the daily cap when no load is left today, and says so', () => {
    const { job, effects } = startJob(input([peer('A')], { loadsLeft: 0 }), ctx());
    expect(job.status).toBe('stopped');
    expect(job.stop).toBe('daily-cap');
    expect(effects).toEqual([]);
  });

  it('does not start offline', () => {
    const { job } = startJob(input([peer('A')]), ctx({ online: false }));
    expect(job.stop).toBe('offline');
  });

  it('is done at once when there is nothing to load', () => {
    const { job } = startJob(input([peer('Closed', 'closed')]), ctx());
    expect(job.status).toBe('done');
  });
});

/** Starts a job and gives it its tab (id 7). */
function running(peers: PeerInput[], over: Partial<JobInput> = {}): RefreshJob {
  const started = startJob(input(peers, over), ctx()).job;
  return step(started, { type: 'tab-opened', tabId: 7, windowId: 3 }, ctx()).job;
}

describe('step: a page read', () => {
  it('records the reading with the job, waits the jittered delay, then loads the next page in the same tab', () => {
    const job = running([peer('A'), peer('B')]);
    const afterRead = step(job, { type: 'report', tabId: 7, page: read('A', 1234) }, ctx({ random: () => 1 }));
    expect(afterRead.job.peers[0]?.outcome).toMatchObject({ kind: 'read', value: 1234 });
    expect(afterRead.effects[0]).toMatchObject({ type: 'record', entity: 'ministry-A', key: 'a', value: 1234 });
    // random 1 → +30 %.
    expect(afterRead.effects[1]).toEqual({ type: 'set-timer', token: afterRead.job.timer, ms: 3250 });
    expect(afterRead.job.phase).toBe('waiting');
    const next = step(afterRead.job, { type: 'timer', token: afterRead.job.timer }, ctx());
    expect(next.effects).toEqual([
      { type: 'count-load' },
      { type: 'navigate', tabId: 7, url: 'https://x.com/B' },
      { type: 'set-timer', token: next.job.timer, ms: PAGE_TIMEOUT_MS },
    ]);
  });

  it.each([
    [0, 1750],
    [0.5, 2500],
    [0.999, 3248],
  ])('jitter %s gives a delay of %s ms (2.5 s, give or take 30 percent)', (random, ms) => {
    const job = running([peer('A'), peer('B')]);
    const { effects } = step(job, { type: 'report', tabId: 7, page: read('A', 1) }, ctx({ random: () => random }));
    expect(effects.find((e) => e.type === 'set-timer')).toMatchObject({ ms });
  });

  it('closes the tab (and records) after the last page', () => {
    const job = running([peer('A')]);
    const { job: done, effects } = step(job, { type: 'report', tabId: 7, page: read('A', 5) }, ctx());
    expect(done.status).toBe('done');
    expect(effects.map((e) => e.type)).toEqual(['record', 'close']);
    expect(effects[1]).toEqual({ type: 'close', tabId: 7, windowId: 3 });
  });

  it('ignores reports of other tabs, and the first report that only names the account', () => {
    const job = running([peer('A')]);
    expect(step(job, { type: 'report', tabId: 8, page: read('A', 5) }, ctx()).job).toBe(job);
    const first: PageSeen = { url: 'https://x.com/A', account: { platform: 'x', key: 'a' } };
    expect(step(job, { type: 'report', tabId: 7, page: first }, ctx()).job).toBe(job);
  });
});

describe('step: a page without a figure', () => {
  it.each<[string, PageSeen, string, string]>([
    ['another account (renamed, redirect)', read('Other', 9), 'other-account', ''],
    ['a login form', { ...read('A', 0), reading: {}, loginWall: true }, 'unreadable', 'login-wall'],
    ['the login page', { url: 'https://x.com/i/flow/login', account: null }, 'unreadable', 'login-wall'],
    [
      'HTTP 429 on the first report',
      { url: 'https://x.com/A', account: { platform: 'x', key: 'a' }, httpStatus: 429 },
      'unreadable',
      'rate-limited',
    ],
    ['a suspended account', { ...read('A', 0), reading: {}, unavailable: true }, 'unreadable', 'unavailable'],
    [
      'HTTP 404',
      { url: 'https://x.com/A', account: { platform: 'x', key: 'a' }, httpStatus: 404 },
      'unreadable',
      'unavailable',
    ],
    ['no figure', { ...read('A', 0), reading: {} }, 'unreadable', 'no-figure'],
    ['not an account page', { url: 'https://x.com/home', account: null }, 'unreadable', 'not-account'],
  ])('%s', (_what, page, kind, reason) => {
    const job = running([peer('A'), peer('B')]);
    const { job: next, effects } = step(job, { type: 'report', tabId: 7, page }, ctx());
    expect(next.peers[0]?.outcome?.kind).toBe(kind);
    if (reason) expect(next.peers[0]?.outcome).toMatchObject({ reason });
    // Nothing is recorded for a page that gave no figure of this account.
    expect(effects.some((e) => e.type === 'record')).toBe(false);
    expect(next.status).toBe('running');
  });

  it('counts a page with no reading within 20 s as unreadable and moves on', () => {
    const job = running([peer('A'), peer('B')]);
    const { job: next } = step(job, { type: 'timer', token: job.timer, tabOnPlatform: true }, ctx());
    expect(next.peers[0]?.outcome).toEqual({ kind: 'unreadable', reason: 'timeout' });
    expect(next.phase).toBe('waiting');
  });

  it('ignores a timer that was replaced', () => {
    const job = running([peer('A'), peer('B')]);
    expect(step(job, { type: 'timer', token: job.timer - 1 }, ctx()).job).toBe(job);
  });
});

describe('step: stops', () => {
  const wall = (h: string): PageSeen => ({ ...read(h, 0), reading: {}, loginWall: true });
  const tooMany = (h: string): PageSeen => ({
    url: `https://x.com/${h}`,
    account: { platform: 'x', key: h.toLowerCase() },
    httpStatus: 429,
  });

  /** Feeds page after page (a report, then the delay) and returns the final job. */
  function feed(pages: PageSeen[], peers: PeerInput[]): RefreshJob {
    let job = running(peers);
    for (const page of pages) {
      job = step(job, { type: 'report', tabId: 7, page }, ctx()).job;
      if (job.status !== 'running') break;
      job = step(job, { type: 'timer', token: job.timer }, ctx()).job;
    }
    return job;
  }

  it.each<[string, PageSeen[], string | null]>([
    ['two login walls in a row', [wall('A'), wall('B')], 'login-wall'],
    ['two HTTP 429 in a row', [tooMany('A'), tooMany('B')], 'rate-limited'],
    ['a login wall then a 429', [wall('A'), tooMany('B')], 'rate-limited'],
    ['a login wall, a reading, a login wall', [wall('A'), read('B', 1), wall('C')], null],
  ])('%s', (_what, pages, stop) => {
    const job = feed(pages, [peer('A'), peer('B'), peer('C'), peer('D')]);
    if (stop) {
      expect(job.status).toBe('stopped');
      expect(job.stop).toBe(stop);
      expect(job.peers.at(-1)?.outcome).toEqual({ kind: 'not-loaded', reason: 'stopped' });
    } else expect(job.status).toBe('running');
  });

  it('cancel closes the tab and keeps what was read', () => {
    let job = running([peer('A'), peer('B'), peer('C')]);
    job = step(job, { type: 'report', tabId: 7, page: read('A', 10) }, ctx()).job;
    const { job: cancelled, effects } = step(job, { type: 'cancel' }, ctx());
    expect(cancelled.stop).toBe('cancelled');
    expect(effects).toEqual([{ type: 'close', tabId: 7, windowId: 3 }]);
    expect(cancelled.peers.map((p) => p.outcome?.kind)).toEqual(['read', 'not-loaded', 'not-loaded']);
  });

  it('the user closing the tab stops the job without closing anything', () => {
    const job = running([peer('A'), peer('B')]);
    const { job: stopped, effects } = step(job, { type: 'tab-removed', tabId: 7 }, ctx());
    expect(stopped.stop).toBe('tab-closed');
    expect(effects).toEqual([]);
  });

  it('the user taking the tab elsewhere stops the job and leaves the tab to them', () => {
    const job = running([peer('A'), peer('B')]);
    const { job: stopped, effects } = step(job, { type: 'tab-left', tabId: 7 }, ctx());
    expect(stopped.stop).toBe('navigated-away');
    expect(effects).toEqual([]);
    const viaTimeout = step(job, { type: 'timer', token: job.timer, tabOnPlatform: false }, ctx()).job;
    expect(viaTimeout.stop).toBe('navigated-away');
  });

  it('going offline stops at the next page', () => {
    let job = running([peer('A'), peer('B')]);
    job = step(job, { type: 'report', tabId: 7, page: read('A', 10) }, ctx()).job;
    const { job: stopped } = step(job, { type: 'timer', token: job.timer }, ctx({ online: false }));
    expect(stopped.stop).toBe('offline');
    expect(stopped.peers[0]?.outcome?.kind).toBe('read');
  });

  it('the daily cap stops between pages', () => {
    let job = running([peer('A'), peer('B')], { loadsLeft: 1 });
    job = step(job, { type: 'report', tabId: 7, page: read('A', 10) }, ctx()).job;
    expect(step(job, { type: 'timer', token: job.timer }, ctx()).job.stop).toBe('daily-cap');
  });

  it('a tab that opens after a cancel is closed at once', () => {
    const opening = startJob(input([peer('A')]), ctx()).job;
    const cancelled = step(opening, { type: 'cancel' }, ctx()).job;
    expect(step(cancelled, { type: 'tab-opened', tabId: 9, windowId: null }, ctx()).effects).toEqual([
      { type: 'close', tabId: 9, windowId: null },
    ]);
  });
});

describe('step: resume after a restart', () => {
  it('re-arms the page timeout for what is left of it', () => {
    const job = running([peer('A'), peer('B')]);
    const { effects } = step(job, { type: 'resume', tabExists: true }, ctx({ now: T0 + 15_000 }));
    expect(effects).toEqual([{ type: 'set-timer', token: job.timer + 1, ms: 5_000 }]);
  });
  it('fires at once when the deadline passed while stopped', () => {
    const job = running([peer('A'), peer('B')]);
    const { effects } = step(job, { type: 'resume', tabExists: true }, ctx({ now: T0 + 60_000 }));
    expect(effects).toEqual([{ type: 'set-timer', token: job.timer + 1, ms: 0 }]);
  });
  it('says the tab was closed when it is gone', () => {
    const job = running([peer('A')]);
    expect(step(job, { type: 'resume', tabExists: false }, ctx()).job.stop).toBe('tab-closed');
  });
  it('cannot know its tab when it stopped while opening it', () => {
    const opening = startJob(input([peer('A')]), ctx()).job;
    expect(step(opening, { type: 'resume', tabExists: false }, ctx()).job.stop).toBe('restart');
  });
});

describe('isLoginUrl', () => {
  it.each([
    ['https://x.com/i/flow/login', true],
    ['https://x.com/login?redirect_after_login=%2FA', true],
    ['https://www.instagram.com/accounts/login/?next=/a/', true],
    ['https://www.linkedin.com/authwall?trk=x', true],
    ['https://x.com/loginpage', false],
    ['https://x.com/Paris', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isLoginUrl(url)).toBe(expected));
});

/** The browser, faked: a clock moved by hand, one timer, tabs that report through `pages`. */
class FakeBrowser implements RefreshPorts {
  time = T0;
  stored: RefreshJob | null = null;
  timer: { at: number; fire: () => void } | null = null;
  tabs = new Map<number, string>();
  nextTab = 100;
  log: string[] = [];
  recorded: { key: string; value: number; jobId: string }[] = [];
  loads = 0;
  online_ = true;
  now = () => this.time;
  random = () => 0.5;
  online = () => this.online_;
  setTimer(ms: number, fire: () => void) {
    this.timer = { at: this.time + ms, fire };
  }
  clearTimer() {
    this.timer = null;
  }
  async openTab(url: string) {
    const tabId = this.nextTab++;
    this.tabs.set(tabId, url);
    this.log.push(`open ${url}`);
    return { tabId, windowId: null };
  }
  async navigateTab(tabId: number, url: string) {
    if (!this.tabs.has(tabId)) throw new Error('no tab');
    this.tabs.set(tabId, url);
    this.log.push(`navigate ${url}`);
  }
  async closeTab(tabId: number | null) {
    if (tabId !== null) this.tabs.delete(tabId);
    this.log.push(`close ${tabId}`);
  }
  tabExists = async (tabId: number) => this.tabs.has(tabId);
  tabOnPlatform = async (tabId: number) => this.tabs.get(tabId)?.startsWith('https://x.com/') ?? false;
  loadJob = async () => (this.stored ? structuredClone(this.stored) : null);
  saveJob = async (job: RefreshJob) => {
    this.stored = structuredClone(job);
  };
  countLoad = async () => {
    this.loads++;
  };
  record = async (job: RefreshJob, e: { key: string; value: number }) => {
    this.recorded.push({ key: e.key, value: e.value, jobId: job.id });
  };
  /** Moves the clock to the pending timer and fires it. */
  async tick() {
    const timer = this.timer;
    if (!timer) throw new Error('no timer');
    this.time = timer.at;
    this.timer = null;
    timer.fire();
    await flush();
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

const start = (driver: RefreshDriver, peers: PeerInput[]) =>
  driver.start(
    { id: 'job1', platform: 'x', from: 'ministry-self', cohort: 'all', peers, delayMs: 2500 },
    async () => 300,
  );

describe('RefreshDriver with fake tabs and a fake clock', () => {
  it('runs a job page after page in one tab, records each reading, and closes the tab', async () => {
    const fake = new FakeBrowser();
    const driver = new RefreshDriver(fake);
    const first = await start(driver, [peer('A'), peer('B'), peer('C')]);
    expect(first.started).toBe(true);
    const tab = fake.stored?.tabId as number;
    expect(await driver.report(tab, read('A', 10))).toBe(true);
    await fake.tick(); // delay
    expect(await driver.report(tab, read('B', 20))).toBe(true);
    await fake.tick();
    await fake.tick(); // C never reports: 20 s timeout
    expect(fake.log).toEqual([
      `open https://x.com/A`,
      'navigate https://x.com/B',
      'navigate https://x.com/C',
      `close ${tab}`,
    ]);
    expect(fake.recorded).toEqual([
      { key: 'a', value: 10, jobId: 'job1' },
      { key: 'b', value: 20, jobId: 'job1' },
    ]);
    expect(fake.loads).toBe(3);
    expect(fake.stored?.status).toBe('done');
    expect(summarise(fake.stored as RefreshJob)).toMatchObject({ read: 2, unreadableTotal: 1 });
    // 2.5 s × 2 delays + one 20 s timeout.
    expect(fake.time - T0).toBe(25_000);
    // A late report of the closed tab is still the job's: never taken for the user's visit.
    expect(await driver.report(tab, read('C', 30))).toBe(true);
    expect(fake.recorded).toHaveLength(2);
  });

  it('keeps the reading before saving the job, so that a popup redrawing on the saved job finds it', async () => {
    const fake = new FakeBrowser();
    const driver = new RefreshDriver(fake);
    await start(driver, [peer('A')]);
    const seenAtSave: number[] = [];
    const save = fake.saveJob;
    fake.saveJob = async (job) => {
      seenAtSave.push(fake.recorded.length);
      await save(job);
    };
    await driver.report(fake.stored?.tabId as number, read('A', 10));
    expect(fake.stored?.status).toBe('done');
    expect(seenAtSave).toEqual([1]);
  });

  it('never runs two jobs at once', async () => {
    const fake = new FakeBrowser();
    const driver = new RefreshDriver(fake);
    await start(driver, [peer('A'), peer('B')]);
    const second = await start(driver, [peer('C')]);
    expect(second.started).toBe(false);
    expect(fake.log.filter((l) => l.startsWith('open'))).toHaveLength(1);
  });

  it('a report from a tab that is not the job’s is left to the background', async () => {
    const fake = new FakeBrowser();
    const driver = new RefreshDriver(fake);
    await start(driver, [peer('A')]);
    expect(await driver.report(1, read('A', 10))).toBe(false);
    expect(fake.recorded).toEqual([]);
  });

  it('resumes after a service-worker restart: a new driver picks the stored job up', async () => {
    const fake = new FakeBrowser();
    await start(new RefreshDriver(fake), [peer('A'), peer('B')]);
    const tab = fake.stored?.tabId as number;
    // The worker stops 8 s into the page timeout: its timer is lost.
    fake.timer = null;
    fake.time += 8_000;
    const restarted = new RefreshDriver(fake);
    await restarted.resume();
    expect((fake.timer as { at: number } | null)?.at).toBe(T0 + PAGE_TIMEOUT_MS);
    expect(await restarted.report(tab, read('A', 10))).toBe(true);
    await fake.tick();
    expect(fake.log.at(-1)).toBe('navigate https://x.com/B');
    expect(fake.stored?.status).toBe('running');
  });

  it('after a restart, a job whose tab is gone ends with a reason instead of vanishing', async () => {
    const fake = new FakeBrowser();
    await start(new RefreshDriver(fake), [peer('A'), peer('B')]);
    fake.tabs.clear();
    await new RefreshDriver(fake).resume();
    expect(fake.stored).toMatchObject({ status: 'stopped', stop: 'tab-closed' });
  });

  it('a tab closed between two pages stops the job when the next page is due', async () => {
    const fake = new FakeBrowser();
    const driver = new RefreshDriver(fake);
    await start(driver, [peer('A'), peer('B')]);
    await driver.report(fake.stored?.tabId as number, read('A', 10));
    fake.tabs.clear();
    await fake.tick();
    expect(fake.stored).toMatchObject({ status: 'stopped', stop: 'tab-closed' });
    expect(fake.recorded).toHaveLength(1);
  });

  it('a page timeout on a tab the user took elsewhere stops the job', async () => {
    const fake = new FakeBrowser();
    const driver = new RefreshDriver(fake);
    await start(driver, [peer('A'), peer('B')]);
    fake.tabs.set(fake.stored?.tabId as number, 'https://example.org/');
    await fake.tick();
    expect(fake.stored).toMatchObject({ status: 'stopped', stop: 'navigated-away' });
    expect(fake.log.some((l) => l.startsWith('close'))).toBe(false);
    // The tab is the user's now: their reports there are no longer the job's.
    expect(await driver.report(100, read('A', 10))).toBe(false);
  });
});
