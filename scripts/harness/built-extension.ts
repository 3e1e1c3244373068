import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which build: `release` is what users install; `test` is the e2e mode, the same code that also
 * tells the page when its work is done and holds the host access a headless browser cannot grant
 * by a click (wxt.config.ts).
 */
export type BuildKind = 'release' | 'test';
export type TargetBrowser = 'chrome' | 'firefox';

const folders: Record<TargetBrowser, Record<BuildKind, string>> = {
  chrome: { release: 'chrome-mv3', test: 'chrome-mv3-e2e' },
  firefox: { release: 'firefox-mv2', test: 'firefox-mv2-e2e' },
};

const buildCommands: Record<TargetBrowser, Record<BuildKind, string>> = {
  chrome: { release: 'npm run build', test: 'npm run build:test' },
  firefox: { release: 'npm run build:firefox', test: 'npm run build:test:firefox' },
};

export function builtExtensionDir(build: BuildKind = 'test', browser: TargetBrowser = 'chrome') {
  return fileURLToPath(new URL(`../../.output/${folders[browser][build]}`, import.meta.url));
}

/** The build's folder, or an error that says which command makes it. */
export function requireBuiltExtension(build: BuildKind, browser: TargetBrowser): string {
  const dir = builtExtensionDir(build, browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${dir}: run \`${buildCommands[browser][build]}\` first.`,
    );
  }
  return dir;
}
