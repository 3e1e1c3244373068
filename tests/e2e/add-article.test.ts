/**
 * "Add this article" in real Chromium with the built extension: from the popup on a page, and
 * as files on the options page. What the reader sees: the popup's answer, the new person marked
 * on the open page without a reload, the quote in search and in the card, no second copy on a
 * second add, and nothing left after a removal.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { AccessibleView } from '../../scripts/harness/accessible-view';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { markedNames, openSpottedPage, setSiteEnabled } from './spotting-harness';

const fixtures = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
const screenshotsDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let browser: ExtensionBrowser;
let server: StaticServer;
let articleUrl: string;

beforeAll(async () => {
  server = await startStaticServer();
  articleUrl = server.page(
    '/harbour-strike.html',
    await readFile(`${fixtures}harbour-strike.html`, 'utf8'),
  );
  browser = await launchExtensionBrowser();
});

/** Each test starts with no saved articles, whatever the one before it left. */
afterEach(async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  for (const article of await callBackground(page, 'listReadings')) {
    await callBackground(page, 'removeReading', { documentId: article.documentId });
  }
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function popupFor(page: Page): Promise<Page> {
  const tabId = await browser.serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return tab?.id;
  }, page.url());
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  return popup;
}

async function addFromPopup(popup: Page): Promise<string> {
  await popup.getByRole('button', { name: 'Add this article' }).click();
  const status = popup.locator('.add-article__status');
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/My reading/);
  return (await status.textContent()) ?? '';
}

test('added from the popup: its new people are marked at once, its quotes found and in cards', async () => {
  const spotted = await openSpottedPage(browser, articleUrl);
  expect((await markedNames(spotted.page)).map(([name]) => name)).not.toContain('Tomas Brekke');
  const popup = await popupFor(spotted.page);

  const said = await addFromPopup(popup);
  expect(said).toMatch(
    /^Added to My reading: Harbour strike enters second week \(The Coastal Ledger\)\. \d+ quotes \(\d+ attributed\); new: .*Tomas Brekke/,
  );
  // The popup's list of names on the page has them too.
  const found = popup.getByRole('list', { name: 'Names on this page' });
  await expect.poll(() => found.textContent()).toContain('Tomas Brekke');
  await popup.screenshot({ path: `${screenshotsDir}add-article.png` });

  // The open page learns the new names without a reload.
  await expect
    .poll(async () => (await markedNames(spotted.page)).map(([name]) => name))
    .toContain('Tomas Brekke');

  // Search finds the quote, under its speaker.
  await popup.getByRole('searchbox').fill('night shifts');
  const hit = popup
    .getByRole('group', { name: /^Quotes/ })
    .getByRole('option')
    .filter({ hasText: 'night shifts are safe' });
  await expect.poll(() => hit.count()).toBe(1);
  expect(await hit.textContent()).toContain('Tomas Brekke');

  // The card of the new person, on the page, shows what he said.
  const view = await AccessibleView.of(spotted.page);
  await spotted.page.locator('mark.briefings-mark', { hasText: 'Tomas Brekke' }).first().hover();
  await view.waitFor('dialog');
  await view.waitFor('StaticText', 'We are not going back until the night shifts are safe');

  // A second add of the same page updates it: still one article, one copy of each quote.
  expect(await addFromPopup(popup)).toMatch(/^Updated in My reading: Harbour strike/);
  const readings = await callBackground(popup, 'listReadings');
  expect(readings.map((article) => article.title)).toEqual(['Harbour strike enters second week']);
  const quotes = await callBackground(popup, 'search', { query: 'night shifts', kinds: ['quote'] });
  expect(quotes.filter((quote) => quote.packId === 'my-reading')).toHaveLength(1);
  await popup.close();
  await spotted.close();
});

test('a site the reader switched off still allows an explicit add', async () => {
  await setSiteEnabled(browser, '127.0.0.1', false);
  const spotted = await openSpottedPage(browser, articleUrl, { waitForIdle: false });
  const popup = await popupFor(spotted.page);
  expect(await addFromPopup(popup)).toMatch(/^Added to My reading: Harbour strike/);
  expect(await markedNames(spotted.page)).toEqual([]);
  await setSiteEnabled(browser, '127.0.0.1', true);
  await popup.close();
  await spotted.close();
});

test('the options page imports a .txt and an .html article, lists them, and removes one', async () => {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await options
    .locator('input[type="file"]')
    .setInputFiles([`${fixtures}wire-grain-corridor.txt`, `${fixtures}harbour-strike.html`]);
  const status = options.getByRole('status').filter({ hasText: 'files imported' });
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('2 of 2 files');
  expect(await status.locator('li').allTextContents()).toEqual([
    expect.stringMatching(/^wire-grain-corridor\.txt: Added “Ukraine, Turkey discuss grain/),
    expect.stringMatching(/^harbour-strike\.html: Added “Harbour strike enters second week”/),
  ]);

  const table = options.getByRole('region', { name: 'My reading' });
  const rows = table.locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  const harbour = rows.filter({ hasText: 'Harbour strike' });
  expect(await harbour.textContent()).toContain('The Coastal Ledger');
  expect(await harbour.textContent()).toContain('12 March 2024');

  options.once('dialog', (dialog) => dialog.accept());
  await harbour.getByRole('button', { name: /^Remove/ }).click();
  await expect.poll(() => rows.count()).toBe(1);
  const gone = await callBackground(options, 'search', { query: 'cranes stand still' });
  expect(gone.filter((hit) => hit.packId === 'my-reading')).toEqual([]);
  const kept = await callBackground(options, 'search', { query: 'corridor that works' });
  expect(kept.some((hit) => hit.packId === 'my-reading')).toBe(true);
  await options.close();
});
