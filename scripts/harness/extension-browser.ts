import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type BuildKind, requireBuiltExtension } from './built-extension';
import { type NetworkBlocker, startNetworkBlocker } from './network-blocker';

/** Debian's Chromium unless CHROMIUM_PATH names another build. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's build (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * URLs that a page, frame, content script, extension page or the service worker asked for
   * outside 127.0.0.1 and the extension itself. Refused by the blocker, but listed so tests can
   * say who asked.
   */
  offsiteRequests: string[];
  blocker: NetworkBlocker;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension loaded, in a fresh profile (or `profileDir`, kept on close,
 * to test what survives a restart), and no way off the machine.
 */
export async function launchExtensionBrowser(
  options: {
    headless?: boolean;
    profileDir?: string;
    build?: BuildKind;
    /** Another extension than Briefings (a benchmark's baseline): its folder. */
    extensionDir?: string;
    /**
     * Every page runs as if in front. Here each page is a tab, and the browser slows the timers
     * of tabs behind others; a toolbar popup and the tab under it are both in view.
     */
    allPagesInFront?: boolean;
    /**
     * On a fresh profile the extension opens its welcome page, as on a reader's first install.
     * By default it is closed before the test starts, so that a test's pages are the only tabs;
     * `keep` leaves it open for the tests about it.
     */
    welcomePage?: 'close' | 'keep';
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir =
    options.extensionDir ?? requireBuiltExtension(options.build ?? 'test', 'chrome');
  const blocker = await startNetworkBlocker();
  const freshProfile =
    options.profileDir === undefined || (await readdir(options.profileDir)).length === 0;
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'briefings-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--proxy-server=${blocker.proxyUrl}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.allPagesInFront
        ? [
            '--disable-background-timer-throttling',
            '--disable-renderer-backgrounding',
            '--disable-backgrounding-occluded-windows',
          ]
        : []),
    ],
  });
  const offsiteRequests: string[] = [];
  context.on('request', (request) => {
    if (isOffsite(request.url())) offsiteRequests.push(request.url());
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  if (freshProfile && options.welcomePage !== 'keep') {
    await (await welcomePageOf(context, extensionId))?.close();
  }
  return {
    context,
    extensionId,
    serviceWorker,
    offsiteRequests,
    blocker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      await blocker.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** How long a fresh install may take to open its welcome page. */
const WELCOME_WAIT_MS = 15_000;

/** The welcome page the extension opens on install, once it is there (null if it never is). */
export async function welcomePageOf(
  context: BrowserContext,
  extensionId: string,
): Promise<Page | null> {
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + WELCOME_WAIT_MS;
  while (Date.now() < deadline) {
    const page = context.pages().find((candidate) => candidate.url().startsWith(welcomeUrl));
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

function isOffsite(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'ws:' && protocol !== 'wss:') {
    return false; // chrome-extension:, data:, blob:, about: never touch the network
  }
  return hostname !== '127.0.0.1';
}
