/**
 * Keeps the popup in step with its tab. The page's figure often arrives while the popup is still
 * loading: the tab is watched *before* its state is read (a change in between is never missed), and
 * when loads overlap only the newest one is shown (a slow first load must not paint over a newer
 * one). Pure wiring: the browser parts are passed in, so the ordering is unit-tested.
 */
export interface LiveView<Tab extends { id?: number }, Data> {
  /** The tab the popup is about (the active tab, or `?tab=<id>`). */
  findTab(): Promise<Tab | undefined>;
  /** Everything the popup shows, for that tab. May throw: `fail` is shown instead. */
  load(tab: Tab | undefined): Promise<Data>;
  render(data: Data): void;
  fail(error: unknown): void;
  /** Calls back whenever the tab's state or URL changes. */
  watchTab(tabId: number, onChange: () => void): void;
  /** Calls back when something else the popup shows changes (the user's additions). */
  watchOther(onChange: () => void): void;
}

/** Starts the popup; resolves when the first view has been shown (or failed). */
export async function startLiveView<Tab extends { id?: number }, Data>(view: LiveView<Tab, Data>): Promise<void> {
  let tab: Tab | undefined;
  try {
    tab = await view.findTab();
  } catch {
    tab = undefined;
  }
  let latest = 0;
  const show = async () => {
    const ticket = ++latest;
    try {
      const data = await view.load(tab);
      if (ticket === latest) view.render(data);
    } catch (error) {
      if (ticket === latest) view.fail(error);
    }
  };
  if (tab?.id !== undefined) view.watchTab(tab.id, () => void show());
  view.watchOther(() => void show());
  await show();
}
