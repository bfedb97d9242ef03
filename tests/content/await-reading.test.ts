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
