import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { openSpottedPage } from './spotting-harness';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchExtensionBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function tabIdOf(url: string): Promise<number> {
  const id = await browser.serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return tab?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

test('the built extension loads as an MV3 service worker', async () => {
  const manifest = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('Briefings');
});

test('the content script runs on a page and answers the popup about it', async () => {
  const url = server.page(
    '/article.html',
    '<!doctype html><title>An article</title><p>The weather was fine on the coast.</p>',
  );
  // Waits for the content script's first report that its work is done: it ran.
  const article = await openSpottedPage(browser, url);
  const tabId = await tabIdOf(url);

  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Briefings');
  await expect
    .poll(() => popup.locator('.tabpanel').textContent())
    .toBe('No names from your briefings found yet.');
  await popup.close();
  await article.close();
});

test('the popup says so, calmly, on a page Briefings cannot read', async () => {
  const blank = await browser.context.newPage();
  await blank.goto('about:blank');
  await blank.bringToFront();
  // The extension has no `tabs` permission: it learns the tab's id, never its address.
  const tabId = await browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  expect(tabId).toBeGreaterThan(0);
  const popup = await browser.context.newPage();
  const logged: string[] = [];
  popup.on('console', (message) => logged.push(message.text()));
  popup.on('pageerror', (error) => logged.push(error.message));
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  await expect
    .poll(() => popup.locator('main').textContent())
    .toContain("Briefings can't read this page.");
  expect(logged.filter((text) => /establish connection|receiving end/i.test(text))).toEqual([]);
  await popup.close();
  await blank.close();
});

test('the options page renders with the extension version', async () => {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await expect.poll(() => options.locator('main').textContent()).toMatch(/Version \d+\.\d+\.\d+/);
  await options.close();
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
