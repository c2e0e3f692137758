import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { NEWS_MATCHES } from './lib/news-sites';
import { catalog } from './lib/i18n/catalog';
import { UI_LOCALES } from './lib/i18n/catalog/types';
import { messagesJson } from './lib/i18n/messages-json';
import { readFileSync } from 'node:fs';
import { bundledDemoHtml, DEMO_PAGE_PATH } from './lib/demo/bundled-demo';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Parallel builds (tests, helpers) can each use their own output folder.
  outDir: process.env.THESIS_LENS_OUT_DIR ?? '.output',
  hooks: {
    // The browser's i18n catalogues, written from the typed catalogue in lib/i18n/catalog.
    'build:publicAssets': (_wxt, files) => {
      // The demo article the welcome page opens (one copy in the repository: the test fixture).
      files.push({ relativeDest: DEMO_PAGE_PATH, contents: bundledDemoHtml(readFileSync('tests/fixtures/pages/demo-alibaba-h200.html', 'utf8')) });
      for (const locale of UI_LOCALES) {
        files.push({
          relativeDest: `_locales/${locale}/messages.json`,
          contents: JSON.stringify(messagesJson(catalog, locale), null, 1),
        });
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Fewest that work: storage for settings and the checklist; scripting + activeTab to
    // annotate a page on demand and to inject the lens after the gate; contextMenus for
    // "save selection" / "annotate this page"; alarms for feed refresh.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus', 'alarms'],
    host_permissions: NEWS_MATCHES,
    // Explicit, and stricter than the browsers' default: our own scripts only, no plugins,
    // no <base> or form posts to elsewhere. Feeds are fetched by the background from the
    // origins the user granted, so connect-src is left to the host permissions.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    // No `externally_connectable` (no web page can message us; the background listens only to
    // runtime.onMessage, which other extensions do not reach). The one web-accessible resource
    // is the lens's panel frame (below).
    // Asked for at the moment the user turns on "all sites" or subscribes to a feed.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The lens's panel is this extension page in an iframe beside the article: the trust
    // boundary between the page and the reader's data (entrypoints/lens.content/frame-host.ts).
    // Loading it must be allowed on any page the lens can run on (news sites, annotate-on-demand).
    web_accessible_resources: [{ resources: ['lens-frame.html'], matches: ['<all_urls>'] }],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Thesis Lens sidebar',
      },
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text as a clipping',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'thesis-lens@thesis-lens.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
