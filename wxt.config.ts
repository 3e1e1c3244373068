import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { readabilityWithoutHtml } from './lib/article/readability-without-html';
import { BUNDLED_PACK_PATH } from './lib/background/bundled-pack-path';
import { compileBundledCorpus } from './lib/corpus';
import { CONTENT_CHUNK_DIR } from './lib/page/content-chunk-paths';
import { buildContentChunks } from './scripts/build/content-chunks';

/**
 * Briefings renders corpus and page text as text, never as HTML. Preact still ships the code
 * path behind `dangerouslySetInnerHTML`; cut it out, so that no mistake can reach it and the
 * Firefox linter has no innerHTML assignment to flag.
 */
function forbidHtmlRendering(): Plugin {
  const assignment = /(\w+)\.innerHTML=(\w+)\.__html/g;
  return {
    name: 'briefings:forbid-html-rendering',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const textOnly = code.replace(
        assignment,
        "(()=>{throw new TypeError('Briefings renders text only: dangerouslySetInnerHTML is disabled')})()",
      );
      if (textOnly === code) {
        throw new Error(
          `Preact's innerHTML assignment was not found in ${id}; update this plugin.`,
        );
      }
      return textOnly;
    },
  };
}

/** corpus/ compiled into the pack the extension ships: at every build, from the sources. */
async function bundledPackJson(): Promise<string> {
  const folder = 'corpus';
  const names = (await readdir(folder)).sort();
  const files = await Promise.all(
    names.map(async (fileName) => ({
      fileName,
      contents: await readFile(join(folder, fileName), 'utf8'),
    })),
  );
  return compileBundledCorpus(files);
}

/** What every piece of our UI code is built with, the content script's chunks included. */
const uiPlugins = () => [preact(), forbidHtmlRendering()];

export default defineConfig({
  manifest: ({ browser, mode }) => ({
    name: 'Briefings',
    description:
      'Who is this, and what did they actually say? Offline briefings on the names in the news you read.',
    // unlimitedStorage: packs can be large, and the corpus must not be evicted under pressure.
    // activeTab + scripting: "Add this article" reads the page only on the reader's gesture, and
    // the popup and the shortcut learn the site of the active tab from the same gesture. No
    // `tabs`: telling every tab of a change needs tab ids only, never their addresses. No
    // `storage`: everything is kept in IndexedDB.
    // offscreen (Chrome): the page whose worker compiles added articles; Firefox uses a frame.
    permissions: [
      'unlimitedStorage',
      'activeTab',
      'scripting',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Turn highlighting on or off for this site',
      },
      'add-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Add the article on this page to your briefings',
      },
    },
    // A headless browser cannot click the toolbar button, open the context menu or press an
    // extension shortcut, so the test build holds the access those gestures grant for the page
    // in the active tab (activeTab). The release build has no host permission.
    // The script every page gets (entrypoints/briefings-page.ts), once the page is loaded.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['briefings-page.js'],
        run_at: 'document_idle',
      },
    ],
    // The content script's chunks (lib/page/content-chunks.ts), which it imports on pages. At a
    // per-session address (use_dynamic_url), so no page can probe for them to learn that
    // Briefings is installed.
    web_accessible_resources: [
      {
        resources: [`${CONTENT_CHUNK_DIR}/*.js`],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
    ...(mode === 'e2e' && { host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'briefings@briefings.local',
          // The oldest Firefox that reads data_collection_permissions (desktop 140, an ESR);
          // everything else used is older (Intl.Segmenter 125, :has() 121, light-dark() 120).
          strict_min_version: '140.0',
          // Nothing the user reads leaves the device: the extension collects no data at all.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: BUNDLED_PACK_PATH, contents: await bundledPackJson() });
      files.push(...(await buildContentChunks({ mode: wxt.config.mode, plugins: uiPlugins })));
    },
  },
  vite: () => ({ plugins: [...uiPlugins(), readabilityWithoutHtml()] }),
});
