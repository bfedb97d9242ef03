import { describe, expect, it } from 'vitest';
import { type LiveView, startLiveView } from '@/lib/popup/live-view';

/** A promise the test resolves by hand, to order overlapping loads as a slow machine would. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A fake popup: the tab's state is a string the test changes; loads wait for the test to release them. */
function fakeView(tab: { id?: number } | undefined) {
  let state = 'page report, no figure yet';
  const loads: { state: string; done: ReturnType<typeof deferred<string>> }[] = [];
  const shown: string[] = [];
  const failures: unknown[] = [];
  let onTab: (() => void) | undefined;
  let onOther: (() => void) | undefined;
  const view: LiveView<{ id?: number }, string> = {
    findTab: async () => tab,
    load: () => {
      // The state is read when the load starts; the load ends when the test says so.
      const done = deferred<string>();
      loads.push({ state, done });
      return done.promise;
    },
    render: (data) => void shown.push(data),
    fail: (error) => void failures.push(error),
    watchTab: (_id, cb) => {
      onTab = cb;
    },
    watchOther: (cb) => {
      onOther = cb;
    },
  };
  return {
    view,
    loads,
    shown,
    failures,
    change(next: string) {
      state = next;
      onTab?.();
    },
    other: () => onOther?.(),
    /** The i-th load started (fails the test when there is none). */
    load(i: number) {
      const l = loads[i];
      if (!l) throw new Error(`load ${i} never started`);
      return l;
    },
    watchingTab: () => onTab !== undefined,
  };
}

describe('startLiveView', () => {
  it('a figure that arrives while the first load is still running is shown (watched before reading)', async () => {
    const f = fakeView({ id: 7 });
    const started = startLiveView(f.view);
    await flush();
    expect(f.watchingTab()).toBe(true);
    // The figure arrives during the first load, after it read the state.
    f.change('figure 2,500,000');
    expect(f.loads.map((l) => l.state)).toEqual(['page report, no figure yet', 'figure 2,500,000']);
    f.load(1).done.resolve('figure 2,500,000');
    await flush();
    // The slow first load ends last: it must not paint over the newer one.
    f.load(0).done.resolve('page report, no figure yet');
    await started;
    expect(f.shown).toEqual(['figure 2,500,000']);
  });

  it.each([
    ['in order', [0, 1, 2]],
    ['newest first', [2, 1, 0]],
    ['middle first', [1, 2, 0]],
    ['oldest last but one', [1, 0, 2]],
  ])('overlapping loads finishing %s: only the newest is shown', async (_name, order) => {
    const f = fakeView({ id: 3 });
    const started = startLiveView(f.view);
    await flush();
    f.change('b');
    f.change('c');
    for (const i of order) {
      f.load(i).done.resolve(f.load(i).state);
      await flush();
    }
    await started;
    expect(f.shown.at(-1)).toBe('c');
    // An older load never shows after a newer one was shown.
    expect(f.shown.every((s, i) => i === 0 || s >= (f.shown[i - 1] ?? ''))).toBe(true);
  });

  it('the user’s additions changing reloads too', async () => {
    const f = fakeView({ id: 3 });
    const started = startLiveView(f.view);
    await flush();
    f.load(0).done.resolve('first');
    await started;
    f.other();
    f.load(1).done.resolve('after the addition');
    await flush();
    expect(f.shown).toEqual(['first', 'after the addition']);
  });

  it.each([
    ['no tab', undefined],
    ['a tab without id', {}],
  ])('%s: shown once, nothing to watch', async (_name, tab) => {
    const f = fakeView(tab);
    const started = startLiveView(f.view);
    await flush();
    f.load(0).done.resolve('other');
    await started;
    expect(f.watchingTab()).toBe(false);
    expect(f.shown).toEqual(['other']);
  });

  it('a failed load shows the failure, unless a newer load superseded it', async () => {
    const f = fakeView({ id: 1 });
    const started = startLiveView(f.view);
    await flush();
    f.change('b');
    f.load(0).done.reject(new Error('storage corrupted'));
    f.load(1).done.resolve('b');
    await started;
    await flush();
    expect(f.failures).toEqual([]);
    expect(f.shown).toEqual(['b']);
    f.change('c');
    f.load(2).done.reject(new Error('offline'));
    await flush();
    expect(f.failures).toHaveLength(1);
  });

  it('finding the tab fails: the popup still loads (as for no tab)', async () => {
    const f = fakeView(undefined);
    f.view.findTab = () => Promise.reject(new Error('no tabs API'));
    const started = startLiveView(f.view);
    await flush();
    f.load(0).done.resolve('other');
    await started;
    expect(f.shown).toEqual(['other']);
  });
});
