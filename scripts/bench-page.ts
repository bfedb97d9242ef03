/**
 * What Civiscope's code costs the page it runs in (the reader the background injects into account
 * pages; lib/background/page-readings.ts). For each case, a page is loaded 5 times in
 * headless Chromium with the built extension, with the V8 CPU profiler of the page sampling every
 * 100 µs from before the navigation until 7 s after the load event (the reader's whole bounded wait
 * fits in it). The cost of one load is the self time of the profile's frames whose script is the
 * extension's: its files (`chrome-extension://…`) and the functions injected with
 * `scripting.executeScript({ func })` that call into them (scripts without a URL); a case prints
 * the median of its loads. "incl." adds the
 * time of native frames called from the extension's code (JSON.parse, querySelectorAll…), when
 * the profiler shows them as frames of their own; "steady" counts the extension's samples at the
 * profile's median sampling interval, which pauses of a busy machine do not inflate.
 *
 * Cases: heavy pages of realistic size served (context.route, no network) at real platform URLs —
 * the saved pages of ../shared/fixtures/pages/ when that folder exists (optional, outside the
 * repository), otherwise synthetic look-alikes of the same size and shape
 * (scripts/bench-page-fixtures.ts; `--generated` forces them) — a busy single-page app on an
 * account URL where no figure ever appears, the same app on a URL that is not an account, and the
 * floor: an extension whose content script is empty, on the same matches.
 *
 * `--trace` adds, per case, the median over 5 more loads of the thread CPU time (trace events'
 * `tdur`, which a descheduled thread does not accrue) of the events that name an extension script
 * or run in the extension's isolated world: the reader's evaluation, the injected calls (the first
 * reading runs inside one) and the timer and observer callbacks the trace ties to its scripts.
 *
 * `--dump <folder>` writes each measured load's profile there (`<case>-<n>.cpuprofile`, which
 * Chromium's DevTools opens) to see where the time goes.
 *
 * Usage: npm run bench:page [-- --generated] [-- --saved <folder>] [-- --only <case name part>] [-- --detail] [-- --trace] [-- --dump <folder>]
 *        [-- --extension <built extension folder>] (another build, e.g. of an older commit, to compare)
 * (the npm script runs `npm run build` first; this file measures .output/chrome-mv3 as it is).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumArgs } from '../tests/e2e/harness';
import { median } from './bench-marks';
import { busyApp, instagramShell, youtubeChannel } from './bench-page-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const extensionArg = process.argv.indexOf('--extension');
const EXTENSION =
  extensionArg > 0 ? path.resolve(process.argv[extensionArg + 1] ?? '') : path.join(ROOT, '.output/chrome-mv3');
const TMP = path.join(ROOT, '.tmp');
const FLOOR = path.join(TMP, 'bench-floor-extension');
const savedArg = process.argv.indexOf('--saved');
const SAVED =
  savedArg > 0 ? path.resolve(process.argv[savedArg + 1] ?? '') : path.resolve(ROOT, '../shared/fixtures/pages');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = 5;
const WINDOW_MS = 7000;
const SAMPLING_US = 100;
const GOAL_MS = 10;
const GOAL_NOT_ACCOUNT_MS = 2;

const useSaved = existsSync(SAVED) && !process.argv.includes('--generated');
const detail = process.argv.includes('--detail');
const trace = process.argv.includes('--trace');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? (process.argv[onlyArg + 1] ?? '') : '';
const dumpArg = process.argv.indexOf('--dump');
const DUMP = dumpArg > 0 ? path.resolve(process.argv[dumpArg + 1] ?? '') : undefined;

interface Case {
  name: string;
  url: string;
  html: string;
  goal: number;
  extension: string;
}

const saved = (file: string) => readFileSync(path.join(SAVED, file), 'utf8');
const origin = 'saved page, optional ../shared';
const CASES: Case[] = [
  {
    name: `Instagram profile (${useSaved ? origin : 'generated, 1.2 MB'})`,
    url: 'https://www.instagram.com/pluto__travel/',
    html: useSaved ? saved('instagram-profile.html') : instagramShell('pluto__travel', 'Pluto', '2,362'),
    goal: GOAL_MS,
    extension: EXTENSION,
  },
  {
    name: `YouTube channel (${useSaved ? origin : 'generated, 0.9 MB'})`,
    url: 'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA',
    html: useSaved
      ? saved('youtube-channel.html')
      : youtubeChannel('UCzcRQ3vRNr6fJ1A9rqFn7QA', '@OneMedia.', 'ONE Media'),
    goal: GOAL_MS,
    extension: EXTENSION,
  },
  {
    name: 'busy SPA, account URL, no figure',
    url: 'https://x.com/Paris',
    html: busyApp(),
    goal: GOAL_MS,
    extension: EXTENSION,
  },
  {
    name: 'busy SPA, not an account',
    url: 'https://x.com/explore',
    html: busyApp(),
    goal: GOAL_NOT_ACCOUNT_MS,
    extension: EXTENSION,
  },
  {
    name: 'floor: empty content script, busy SPA, account URL',
    url: 'https://x.com/Paris',
    html: busyApp(),
    goal: GOAL_NOT_ACCOUNT_MS,
    extension: FLOOR,
  },
];

/**
 * The floor: an extension whose content script is empty, declared on every host the built extension
 * holds a permission for (Civiscope itself declares no content script, see lib/background/page-readings.ts).
 */
function writeFloorExtension(): void {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
  };
  rmSync(FLOOR, { recursive: true, force: true });
  mkdirSync(FLOOR, { recursive: true });
  writeFileSync(path.join(FLOOR, 'empty.js'), '');
  writeFileSync(
    path.join(FLOOR, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'floor',
      version: '1.0.0',
      host_permissions: manifest.host_permissions,
      content_scripts: [{ matches: manifest.host_permissions, run_at: 'document_idle', js: ['empty.js'] }],
    }),
  );
}

async function launch(extension: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(TMP, 'bench-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: chromiumArgs(extension),
  });
  if (extension === EXTENSION && !context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  await context.addInitScript({ content: probeScript });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; scriptId: string | number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const isExtensionUrl = (url: string) => url.startsWith('chrome-extension://');

/** Self time (ms) of the extension's frames, and the same with native frames called from them. */
function extensionTime(profile: Profile): {
  self: number;
  incl: number;
  steady: number;
  top: Map<string, number>;
  longest: number[];
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The extension's scripts: its files, and the functions the background injects with
  // scripting.executeScript({ func }), which the page compiles as scripts without a URL; such a
  // script is the extension's when it calls into one of its files.
  const extensionScripts = new Set<string>();
  for (const n of profile.nodes) {
    if (isExtensionUrl(n.callFrame.url)) extensionScripts.add(String(n.callFrame.scriptId));
  }
  for (const n of profile.nodes) {
    const calls = (n.children ?? []).map((c) => byId.get(c)?.callFrame.url ?? '');
    if (n.callFrame.url === '' && Number(n.callFrame.scriptId) > 0 && calls.some(isExtensionUrl)) {
      extensionScripts.add(String(n.callFrame.scriptId));
    }
  }
  const isExtension = (frame: ProfileNode['callFrame']) => extensionScripts.has(String(frame.scriptId));
  const underExtension = new Map<number, boolean>();
  const under = (id: number): boolean => {
    const known = underExtension.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const result = !!node && (isExtension(node.callFrame) || (p !== undefined && under(p)));
    underExtension.set(id, result);
    return result;
  };
  let self = 0;
  let incl = 0;
  let samples = 0;
  const top = new Map<string, number>();
  const longest: number[] = [];
  // A sample lasts until the next one; the last sample has no known duration.
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const node = byId.get(profile.samples[i] ?? -1);
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (!node) continue;
    if (isExtension(node.callFrame)) {
      self += us;
      samples++;
      longest.push(us / 1000);
      const key = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber}`;
      top.set(key, (top.get(key) ?? 0) + us / 1000);
    }
    if (under(node.id)) {
      incl += us;
      if (!isExtension(node.callFrame)) {
        const key = `[native] ${node.callFrame.functionName || node.callFrame.url || '(program)'}`;
        top.set(key, (top.get(key) ?? 0) + us / 1000);
      }
    }
  }
  // On a busy machine the renderer is sometimes descheduled inside a frame, and the sample before
  // the pause is charged the whole pause. `steady` counts each extension sample at the profile's
  // median interval instead: an estimate of the CPU time that such pauses do not inflate.
  const deltas = profile.timeDeltas.slice(1).sort((a, b) => a - b);
  const typical = deltas[Math.floor(deltas.length / 2)] ?? 0;
  longest.sort((a, b) => b - a);
  return {
    self: self / 1000,
    incl: incl / 1000,
    steady: (samples * typical) / 1000,
    top,
    longest: longest.slice(0, 5),
  };
}

// The bench's own mark in every document (main world, at document start): a load whose profile
// does not show it was not profiled (the page moved to a renderer the profiler was not attached
// to) and is measured again, instead of counting as a load that cost nothing.
const PROBE = 'civiscopeBenchProbe';
const probeScript = `(function ${PROBE}() { const t = performance.now(); while (performance.now() - t < 2); })();`;
const profiled = (profile: Profile) => profile.nodes.some((n) => n.callFrame.functionName === PROBE);

let remeasured = 0;

async function measureLoad(
  context: BrowserContext,
  c: Case,
  dumpAs?: string,
): Promise<ReturnType<typeof extensionTime>> {
  for (let attempt = 1; ; attempt++) {
    const { profile, result } = await profileLoad(context, c);
    if (profiled(profile)) {
      if (DUMP && dumpAs) writeFileSync(path.join(DUMP, `${dumpAs}.cpuprofile`), JSON.stringify(profile));
      return result;
    }
    remeasured++;
    if (attempt === 5) throw new Error(`${c.name}: the profiler never saw the page`);
  }
}

async function profileLoad(context: BrowserContext, c: Case) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  await page.goto(c.url, { waitUntil: 'load' });
  await page.waitForTimeout(WINDOW_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  await page.close();
  return { profile, result: extensionTime(profile) };
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: unknown;
}

/**
 * Whether a trace event is the extension's: it names one of its files, or runs in an isolated world
 * (`worldId` > 0: the world of the functions injected with scripting.executeScript, which have no
 * URL; the bench loads no other extension).
 */
function namesExtension(e: TraceEvent): boolean {
  const args = JSON.stringify(e.args ?? {});
  return args.includes('chrome-extension://') || /"worldId":[1-9]/.test(args);
}

/** Thread CPU (ms) of the complete trace events naming an extension script, nested ones counted once. */
function scriptCpu(events: TraceEvent[]): number {
  const named = events
    .filter((e) => e.ph === 'X' && e.tdur !== undefined && namesExtension(e))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const openUntil = new Map<string, number>();
  let us = 0;
  for (const e of named) {
    const thread = `${e.pid}:${e.tid}`;
    if ((openUntil.get(thread) ?? -1) > e.ts) continue;
    openUntil.set(thread, e.ts + (e.dur ?? 0));
    us += e.tdur ?? 0;
  }
  return us / 1000;
}

async function traceLoad(context: BrowserContext, c: Case): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8'],
    },
    transferMode: 'ReportEvents',
  } as never);
  await page.goto(c.url, { waitUntil: 'load' });
  await page.waitForTimeout(WINDOW_MS);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await page.close();
  if (DUMP) writeFileSync(path.join(DUMP, `trace-${Date.now()}.json`), JSON.stringify(events));
  return scriptCpu(events);
}

if (!existsSync(path.join(EXTENSION, 'manifest.json'))) {
  console.error(`${EXTENSION} does not exist: run \`npm run build\` first.`);
  process.exit(2);
}
mkdirSync(TMP, { recursive: true });
if (DUMP) mkdirSync(DUMP, { recursive: true });
writeFloorExtension();
console.log(
  `Civiscope's cost per page: self time of the extension's frames (its files and injected functions), ${SAMPLING_US} µs sampling, ` +
    `navigation → load + ${WINDOW_MS / 1000} s, median of ${LOADS} loads`,
);
let worst = { name: '', ms: -1 };
let failed = false;
for (const extension of [EXTENSION, FLOOR]) {
  const cases = CASES.filter((c) => c.extension === extension && c.name.includes(only));
  if (!cases.length) continue;
  const browser = await launch(extension);
  try {
    for (const c of cases) {
      await browser.context.route(`${new URL(c.url).origin}/**`, (route) =>
        route.request().resourceType() === 'document'
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: c.html })
          : route.abort(),
      );
      // One unmeasured load warms the browser (service worker start, code caches).
      await measureLoad(browser.context, c);
      const runs = [];
      remeasured = 0;
      const slug = c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      for (let i = 0; i < LOADS; i++) runs.push(await measureLoad(browser.context, c, `${slug}-${i + 1}`));
      const traced: number[] = [];
      for (let i = 0; trace && i < LOADS; i++) traced.push(await traceLoad(browser.context, c));
      await browser.context.unrouteAll();
      const self = median(runs.map((r) => r.self));
      const incl = median(runs.map((r) => r.incl));
      const steady = median(runs.map((r) => r.steady));
      const over = self > c.goal;
      failed ||= over;
      if (extension === EXTENSION && self > worst.ms) worst = { name: c.name, ms: self };
      console.log(
        `${c.name.padEnd(52)} ${self.toFixed(1).padStart(6)} ms  (incl. native ${incl.toFixed(1)} ms; steady ${steady.toFixed(1)} ms; loads ${runs
          .map((r) => r.self.toFixed(1))
          .join(
            ' ',
          )}${remeasured ? `; ${remeasured} unprofiled load(s) measured again` : ''})  goal ≤ ${c.goal} ms${over ? '  OVER' : ''}`,
      );
      if (trace) {
        console.log(
          `${''.padEnd(52)} script-task CPU ${median(traced).toFixed(1).padStart(5)} ms  (thread time; loads ${traced.map((t) => t.toFixed(1)).join(' ')})`,
        );
      }
      if (detail) {
        const top = new Map<string, number>();
        for (const r of runs) for (const [k, v] of r.top) top.set(k, (top.get(k) ?? 0) + v / runs.length);
        for (const [k, v] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 12))
          console.log(`    ${v.toFixed(2).padStart(7)} ms  ${k}`);
        // A sample lasts until the next one: a long one is the renderer paused (descheduled, or a
        // stop the profiler cannot sample) while the extension's code was on the stack.
        for (const r of runs) console.log(`    longest samples (ms): ${r.longest.map((x) => x.toFixed(2)).join(' ')}`);
      }
    }
  } finally {
    await browser.close();
  }
}
console.log(`worst: ${worst.name}, ${worst.ms.toFixed(1)} ms`);
process.exit(failed ? 1 : 0);
