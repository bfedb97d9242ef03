import type { PageReport } from './messages';

/**
 * What the content script needs of the page and of the extension, behind one small interface so
 * that start.ts is tested without a browser. The extension API is looked up only when used: on a
 * page that is not an account the content script never touches it (creating the API's bindings
 * in a page costs about as much as everything else the script does).
 */
export interface ContentHost {
  document: Document;
  href(): string;
  /** Calls back with the destination of each in-app navigation; returns the unsubscribe function. */
  onNavigate(callback: (href: string) => void): () => void;
  send(message: PageReport): void;
  /** False once the extension was reloaded or removed under this page: the script must stop. */
  alive(): boolean;
}

interface RuntimeLike {
  id?: string;
  sendMessage(message: unknown): Promise<unknown> | undefined;
}

/** Firefox's promise-based `browser`, else Chrome's `chrome` (whose MV3 methods return promises too). */
function runtime(): RuntimeLike | undefined {
  const g = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  try {
    return g.browser?.runtime?.id ? g.browser.runtime : g.chrome?.runtime;
  } catch {
    // An orphaned script may find the API gone.
    return undefined;
  }
}

interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: { destination: { url: string } }) => void,
    options?: { signal?: AbortSignal },
  ): void;
}

/** The real page: Navigation API where the browser has it (Chromium), else a check once a second. */
export function pageHost(): ContentHost {
  return {
    document,
    href: () => location.href,
    onNavigate(callback) {
      const stop = new AbortController();
      let last = location.href;
      const changed = (href: string) => {
        if (href === last) return;
        last = href;
        callback(href);
      };
      const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
      if (typeof navigation?.addEventListener === 'function') {
        // Fires before the URL changes: the page's new URL is the event's destination.
        navigation.addEventListener('navigate', (event) => changed(event.destination.url), { signal: stop.signal });
      } else {
        const timer = setInterval(() => changed(location.href), 1000);
        stop.signal.addEventListener('abort', () => clearInterval(timer));
      }
      return () => stop.abort();
    },
    send(message) {
      try {
        runtime()
          ?.sendMessage(message)
          ?.catch(() => {
            // The background may be restarting; the next navigation re-reports.
          });
      } catch {
        // The extension was reloaded under this page: nothing to tell.
      }
    },
    alive: () => !!runtime()?.id,
  };
}
