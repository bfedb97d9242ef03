import { browser } from 'wxt/browser';
import type { GroupSearchBrowser } from './group-search';
import { parseHomepage, type SiteScan, scanTab } from './site-scan';

/** The browser side of the overlay's popup features, injected into the components (tests pass fakes). */
export interface OverlayEnv {
  scanTab: (tabId: number) => Promise<SiteScan>;
  groupSearch: GroupSearchBrowser;
}

export function browserOverlayEnv(): OverlayEnv {
  return {
    scanTab: (tabId) => scanTab(tabId),
    groupSearch: {
      // Called synchronously from the click handler: the browser only prompts inside a user gesture.
      requestOrigins: (origins) => browser.permissions.request({ origins }),
      fetch: (input, init) => fetch(input, init),
      parse: parseHomepage,
    },
  };
}
