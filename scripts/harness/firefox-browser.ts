import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { requireBuiltExtension } from './built-extension';
import { type NetworkBlocker, startNetworkBlocker } from './network-blocker';

/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
const ADDON_ID = 'briefings@briefings.local';
/** Firefox gives each install a random moz-extension: host; a fixed one lets tests open pages. */
const EXTENSION_UUID = 'b71e5c0e-3f4a-4d2b-9c61-0b5f2e8a7d13';
/** A host that does not exist, asked for once to prove that the blocker sees what leaves. */
const BLOCKER_PROBE_URL = 'http://briefings-blocker-probe.invalid/';
/** How long a fresh install may take to open its welcome page. */
const WELCOME_WAIT_MS = 15_000;

/** Debian's Firefox ESR unless FIREFOX_PATH names another build. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install Debian's build (apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  return path;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /**
   * Everything that asked to leave 127.0.0.1 since the extension was installed: a page, the
   * extension or Firefox itself. Firefox sends all of it through the blocker, which refuses it.
   */
  offsiteRequests: string[];
  /** Opens one of the extension's pages (popup.html, options.html…) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox ESR, headless, driven over WebDriver BiDi, with the Firefox test build installed as a
 * temporary add-on in a fresh profile, and no way off the machine.
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxExtensionBrowser> {
  const extensionDir = requireBuiltExtension('test', 'firefox');
  const blocker = await startNetworkBlocker();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    // Lets the driver open moz-extension: pages in a tab, which it refuses otherwise.
    args: ['--remote-allow-system-access'],
    // Release builds ignore puppeteer's stand-in Remote Settings server (a data: URL) unless told
    // to take it; otherwise Firefox itself fetches its settings, and the blocker sees Firefox.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      ...proxyPrefs(blocker),
    },
  });
  try {
    await proveBlockerInUse(browser, blocker);
    await browser.installExtension(extensionDir);
    await (await welcomePageOf(browser))?.close();
  } catch (error) {
    await browser.close();
    await blocker.close();
    throw error;
  }
  const extensionUrl = (path: string) =>
    `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    offsiteRequests: blocker.refused,
    openExtensionPage: (path) => showInNewTab(browser, extensionUrl(path)),
    async close() {
      await browser.close();
      await blocker.close();
    },
  };
}

/**
 * Every request through the blocker, whatever its scheme; 127.0.0.1 stays direct, since Firefox
 * never sends loopback through a proxy (network.proxy.allow_hijacking_localhost is off).
 */
function proxyPrefs(blocker: NetworkBlocker): Record<string, string | number | boolean> {
  const { hostname, port } = new URL(blocker.proxyUrl);
  return {
    'network.proxy.type': 1,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.http': hostname,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': hostname,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
  };
}

/**
 * A check that "nothing left 127.0.0.1" is worth something only if requests elsewhere reach the
 * blocker: ask for one before the extension is there, see it refused, and start the list afresh.
 */
async function proveBlockerInUse(browser: Browser, blocker: NetworkBlocker): Promise<void> {
  const [page = await browser.newPage()] = await browser.pages();
  const response = await page.goto(BLOCKER_PROBE_URL);
  if (response?.status() !== 403 || !blocker.refused.includes(BLOCKER_PROBE_URL)) {
    throw new Error(`Firefox did not send ${BLOCKER_PROBE_URL} through the network blocker`);
  }
  await page.goto('about:blank');
  blocker.refused.length = 0;
}

/**
 * Firefox tells WebDriver BiDi nothing about documents in the extension's process (no load
 * events; the tab's URL stays about:blank to the driver), though scripts and input reach them.
 * So the tab is sent there and then watched until the page has loaded.
 */
async function showInNewTab(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  const arrived = new AbortController();
  const navigation = page.goto(url, { signal: arrived.signal }).catch((error: unknown) => {
    if (!arrived.signal.aborted) throw error;
  });
  await waitUntil(() => locationOf(page).then((shown) => shown.href === url && shown.loaded));
  arrived.abort();
  await navigation;
  return page;
}

/** The welcome page the extension opens on install, once it is there (null if it never is). */
async function welcomePageOf(browser: Browser): Promise<Page | null> {
  const welcomeUrl = `moz-extension://${EXTENSION_UUID}/welcome.html`;
  const deadline = Date.now() + WELCOME_WAIT_MS;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if ((await locationOf(page)).href.startsWith(welcomeUrl)) return page;
    }
    await sleep(50);
  }
  return null;
}

/** What a tab shows, read in the page itself (see showInNewTab); nothing while it changes. */
async function locationOf(page: Page): Promise<{ href: string; loaded: boolean }> {
  try {
    return await page.evaluate(() => ({
      href: location.href,
      loaded: document.readyState === 'complete',
    }));
  } catch (error) {
    // A document being replaced cannot run scripts: it shows nothing yet.
    if (error instanceof Error && /destroyed|discarded|no such frame/i.test(error.message)) {
      return { href: '', loaded: false };
    }
    throw error;
  }
}

async function waitUntil(condition: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so after ${timeout} ms`);
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
