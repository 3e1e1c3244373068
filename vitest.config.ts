import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { readabilityWithoutHtml } from './lib/article/readability-without-html';

/** Readability as the extension bundles it: run through the same build step, not as published. */
const readabilityAsBuilt = {
  plugins: [readabilityWithoutHtml()],
  server: { deps: { inline: ['@mozilla/readability'] } },
};

export default defineConfig({
  test: {
    projects: [
      {
        // Unit tier: plain modules, components in happy-dom, browser APIs from WXT's fakeBrowser.
        plugins: [WxtVitest(), preact(), ...readabilityAsBuilt.plugins],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/unit/setup.ts'],
          server: readabilityAsBuilt.server,
          // The store's tests of large changes take 3–5 s here, and `npm test` runs the browser
          // tiers alongside on a shared two-core machine: 5 s failed a passing test.
          testTimeout: 30_000,
        },
      },
      {
        // End-to-end tier: the built extension in Debian's Chromium, driven by playwright-core.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // A shared two-core machine: give the browser time before a polled check fails.
          expect: { poll: { timeout: 5_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Firefox tier: the Firefox build in Debian's Firefox ESR, driven by puppeteer-core over
        // WebDriver BiDi: the core paths, not every case the Chromium tier covers.
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          expect: { poll: { timeout: 5_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Real pages written by others (../shared/fixtures/pages): its own script, since they live
        // outside the repository. It fails, never skips, when they are missing.
        plugins: readabilityAsBuilt.plugins,
        // The tests match the corpus with the extension's own modules, which import from `@/`.
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'real-pages',
          server: readabilityAsBuilt.server,
          include: ['tests/real-pages/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          expect: { poll: { timeout: 5_000 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
