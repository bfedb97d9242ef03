import { afterEach, describe, expect, it, vi } from 'vitest';
import { awaitReading } from '@/lib/content/await-reading';
import type { AccountRef, PageReader } from '@/lib/platforms/types';

const account: AccountRef = { platform: 'x', page: 'profile', key: 'paris' };

/** A reader that finds the figure once an element with id "count" exists. */
const countReader = vi.fn<PageReader>((doc) => {
  const el = doc.getElementById('count');
  return el
    ? { value: Number(el.textContent), metric: 'followers', precision: 'exact', source: 'text', problems: [] }
    : { problems: ['no count yet'] };
});

afterEach(() => {
  document.body.innerHTML = '';
  countReader.mockClear();
});

describe('awaitReading', () => {
  it('resolves at once when the page already shows the figure', async () => {
    document.body.innerHTML = '<span id="count">42</span>';
    const reading = await awaitReading(document, account, countReader, { signal: new AbortController().signal });
    expect(reading?.value).toBe(42);
  });

  it('waits for the profile header to be rendered', async () => {
    const pending = awaitReading(document, account, countReader, { signal: new AbortController().signal });
    setTimeout(() => {
      document.body.innerHTML = '<span id="count">7</span>';
    }, 20);
    expect((await pending)?.value).toBe(7);
  });

  it('stops watching once resolved: later changes do not re-read the page', async () => {
    document.body.innerHTML = '<span id="count">1</span>';
    await awaitReading(document, account, countReader, { signal: new AbortController().signal });
    const calls = countReader.mock.calls.length;
    document.body.innerHTML = '<span id="count">2</span><i>more</i>';
    await new Promise((r) => setTimeout(r, 50));
    expect(countReader.mock.calls.length).toBe(calls);
  });

  it('gives up after the timeout and reports why', async () => {
    const reading = await awaitReading(document, account, countReader, {
      signal: new AbortController().signal,
      timeoutMs: 30,
    });
    expect(reading?.value).toBeUndefined();
    expect(reading?.problems).toEqual(['no count yet']);
  });

  it('resolves undefined when the user navigates away', async () => {
    const controller = new AbortController();
    const pending = awaitReading(document, account, countReader, { signal: controller.signal, timeoutMs: 5000 });
    controller.abort();
    expect(await pending).toBeUndefined();
  });

  it('turns a reader that throws into a problem instead of an error', async () => {
    const broken: PageReader = () => {
      throw new Error('layout changed');
    };
    const reading = await awaitReading(document, account, broken, {
      signal: new AbortController().signal,
      timeoutMs: 20,
    });
    expect(reading?.problems[0]).toMatch(/layout changed/);
  });
});

describe('awaitReading on a page that keeps changing', () => {
  it('reads again on the backoff schedule, not on every change', async () => {
    // The page changes every 5 ms and never shows the figure.
    const timer = setInterval(() => {
      document.body.textContent = String(Math.random());
    }, 5);
    try {
      const reading = await awaitReading(document, account, countReader, {
        signal: new AbortController().signal,
        timeoutMs: 700,
        backoff: { firstMs: 100, maxMs: 1000 },
      });
      expect(reading?.value).toBeUndefined();
    } finally {
      clearInterval(timer);
    }
    // Readings at 0, 100, 300 (and 700, which is the deadline): about 140 changes, at most 5 readings.
    expect(countReader.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(countReader.mock.calls.length).toBeLessThanOrEqual(5);
  });

  it('reads a quiet page once, and once more at the timeout', async () => {
    document.body.innerHTML = '<p>no figure</p>';
    await awaitReading(document, account, countReader, { signal: new AbortController().signal, timeoutMs: 400 });
    expect(countReader).toHaveBeenCalledTimes(2);
  });

  it('reads at the first change once the gap has elapsed, without waiting for the timeout', async () => {
    const pending = awaitReading(document, account, countReader, {
      signal: new AbortController().signal,
      timeoutMs: 60_000,
      backoff: { firstMs: 10, maxMs: 10 },
    });
    // Quiet for longer than the gap, then the header appears: it is read at once.
    await new Promise((r) => setTimeout(r, 50));
    expect(countReader).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '<span id="count">9</span>';
    expect((await pending)?.value).toBe(9);
    expect(countReader).toHaveBeenCalledTimes(2);
  });
});
