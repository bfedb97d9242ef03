import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { BUNDLED } from './lib/dataset/bundled';
import { checkDataset } from './lib/dataset/check';
import { hostPermissions } from './lib/platforms/registry';

// The manifest is derived from the platform registry so that the hosts the content script
// runs on, and the hosts we ask permission for, can never drift apart.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    action: { default_title: '__MSG_actionTitle__' },
    permissions: ['storage', 'activeTab'],
    // Asked for the first time the user exports; saving still works without it (lib/save-file.ts).
    optional_permissions: ['downloads'],
    host_permissions: hostPermissions(),
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
