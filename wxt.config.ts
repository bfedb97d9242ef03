import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { BUNDLED } from './lib/dataset/bundled';
import { checkDataset } from './lib/dataset/check';
import { websiteOrigins } from './lib/overlay/site-origins';
import { hostPermissions } from './lib/platforms/registry';

/**
 * TEST BUILDS ONLY (`CIVISCOPE_GRANT_SITES=1`, output in `<browser>-mv3-sites-granted/`): the
 * official websites' origins are also required host permissions, so that real-browser tests can
 * do what a toolbar click (activeTab) and a permission prompt do for a user, neither of which a
 * headless browser can produce. Never used by `npm run build` or `npm run zip`.
 */
const GRANT_SITES_FOR_TESTS = process.env.CIVISCOPE_GRANT_SITES === '1';

// The manifest's host permissions come from the platform registry, the list URL recognition uses:
// the hosts whose pages the background may read and the accounts it recognises never drift apart.
export default defineConfig({
  ...(GRANT_SITES_FOR_TESTS ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-sites-granted' } : {}),
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    action: { default_title: '__MSG_actionTitle__' },
    // scripting: injects a platform's reader into an account page of that platform (lib/background/
    // page-readings.ts), and with activeTab reads the links of the official site the popup was
    // opened on (lib/overlay/read-tab.ts).
    permissions: ['storage', 'activeTab', 'scripting'],
    // Asked for the first time the user exports; saving still works without it (lib/save-file.ts).
    optional_permissions: ['downloads'],
    // The platforms' hosts: the background sees their tabs' URLs and injects a reader into their
    // account pages only. No content script is declared: other pages run no Civiscope code.
    host_permissions: [...hostPermissions(), ...(GRANT_SITES_FOR_TESTS ? websiteOrigins(BUNDLED) : [])],
    // The dataset's official websites, exactly: asked in the click of "Find accounts on official
    // websites", for the group's sites only (lib/overlay/group-search.ts). Never <all_urls>.
    optional_host_permissions: websiteOrigins(BUNDLED),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'civiscope@civiscope.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The dataset ships as one JSON file beside the code (lib/dataset/shipped.ts reads it). A
    // dataset that fails its checks never reaches a build.
    'build:publicAssets': (_wxt, assets) => {
      const problems = checkDataset(BUNDLED);
      if (problems.length > 0) {
        throw new Error(`the dataset has problems:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
      }
      assets.push({ relativeDest: 'dataset.json', contents: JSON.stringify(BUNDLED) });
    },
  },
  zip: {
    excludeSources: ['coverage/**', 'test-results/**', '.tmp/**', 'tests/**', '.ci/**'],
  },
});
