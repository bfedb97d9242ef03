import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { BUNDLED } from './lib/dataset/bundled';
import { checkDataset } from './lib/dataset/check';
import { websiteOrigins } from './lib/overlay/site-origins';
import { contentScripts, hostPermissions, PLATFORMS } from './lib/platforms/registry';

/**
 * TEST BUILDS ONLY (`CIVISCOPE_GRANT_SITES=1`, output in `<browser>-mv3-sites-granted/`): the
 * official websites' origins are also required host permissions, so that real-browser tests can
 * do what a toolbar click (activeTab) and a permission prompt do for a user, neither of which a
 * headless browser can produce. Never used by `npm run build` or `npm run zip`.
 */
const GRANT_SITES_FOR_TESTS = process.env.CIVISCOPE_GRANT_SITES === '1';

// The manifest is derived from the platform registry so that the hosts the content script
// runs on, and the hosts we ask permission for, can never drift apart.
export default defineConfig({
  ...(GRANT_SITES_FOR_TESTS ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-sites-granted' } : {}),
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    action: { default_title: '__MSG_actionTitle__' },
    // scripting: with activeTab, reads the links of the official site the popup was opened on (lib/overlay/read-tab.ts).
    permissions: ['storage', 'activeTab', 'scripting'],
    // Asked for the first time the user exports; saving still works without it (lib/save-file.ts).
    optional_permissions: ['downloads'],
    host_permissions: [...hostPermissions(), ...(GRANT_SITES_FOR_TESTS ? websiteOrigins(BUNDLED) : [])],
    // One content script per platform (entrypoints/content-<platform>.ts, lib/content/README.md).
    content_scripts: contentScripts(),
    // The dataset's official websites, exactly: asked in the click of "Find accounts on official
    // websites", for the group's sites only (lib/overlay/group-search.ts). Never <all_urls>.
    optional_host_permissions: websiteOrigins(BUNDLED),
    // Each platform's page reader is a module its content script imports on account pages only
    // (lib/content/load-reader.ts). Only that platform's pages may load it; in Chrome through a
    // per-session URL, so that a page cannot probe for the extension with a fixed address (Firefox
    // already gives each install a random one).
    web_accessible_resources: PLATFORMS.map((p) => ({
      resources: [`reader-${p.id}.js`],
      matches: [...p.matches],
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    })),
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
    // The reader modules (entrypoints/reader-*.ts) are loaded with import(), so they are built as
    // ES modules whose default export is the reader; every other script stays a classic script.
    'vite:build:extendConfig': (entrypoints, config) => {
      const [only] = entrypoints;
      if (entrypoints.length === 1 && only?.type === 'unlisted-script' && only.name.startsWith('reader-')) {
        const lib = config.build?.lib;
        if (lib) lib.formats = ['es'];
        // Vite leaves ES library output unminified (whitespace, names); these files ship as they are.
        const output = config.build?.rollupOptions?.output;
        if (output && !Array.isArray(output)) Object.assign(output, { minify: true });
      }
    },
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
