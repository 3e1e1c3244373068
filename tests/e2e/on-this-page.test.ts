import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { AccessibleView } from '../../scripts/harness/accessible-view';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { markedNames, openSpottedPage, type SpottedPage } from './spotting-harness';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Talks in Moscow</title></head><body>
<main>
<h1>Putin and Xi Jinping meet in Moscow</h1>
<p>Kremlin spokesman Dmitry Peskov said the talks went well. Peskov added that Vladimir Putin
was pleased.</p>
${'<p>Filler paragraph about the weather and the markets, long enough to push the rest down.</p>'.repeat(40)}
<p id="late">Late in the day Putin spoke again, and Xi Jinping left for Beijing.</p>
</main></body></html>`;

/** Russia named nine times, one of them as "Russia's" and one as the "Russian Federation". */
const RUSSIA_ARTICLE = `<!doctype html><html lang="en"><head><title>Russia and Ukraine</title></head><body>
<main>
<h1>Russia weighs its options</h1>
<p>Russia said on Monday that Russia would not change course. Russia's envoy agreed.</p>
<p>Officials in Ukraine said Russia had moved troops; Ukraine asked for help.</p>
${'<p>Filler paragraph about the weather and the markets, long enough to push the rest down.</p>'.repeat(10)}
<p>The Russian Federation denied it. Russia, the ministry said, wanted talks in Moscow.</p>
<p>Russia and Ukraine met again. Vladimir Putin spoke; Russia listened.</p>
</main></body></html>`;

let profileDir: string;
let browser: ExtensionBrowser;
let server: StaticServer;
let url: string;
let russiaUrl: string;

beforeAll(async () => {
  profileDir = await mkdtemp(join(tmpdir(), 'briefings-restart-'));
  server = await startStaticServer();
  url = server.page('/talks.html', ARTICLE);
  russiaUrl = server.page('/russia.html', RUSSIA_ARTICLE);
  browser = await launchExtensionBrowser({ profileDir });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(profileDir, { recursive: true, force: true });
});

async function popupFor(article: Page): Promise<Page> {
  const tabId = await browser.serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return tab?.id;
  }, article.url());
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  return popup;
}

const foundList = (popup: Page) => popup.getByRole('list', { name: 'Names on this page' });

test('the popup lists the names on the page with their counts; choosing one reveals it', async () => {
  const spotted: SpottedPage = await openSpottedPage(browser, url);
  const popup = await popupFor(spotted.page);
  const rows = foundList(popup).locator('li');
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  const counted = Object.fromEntries(
    await rows.evaluateAll((items) =>
      items.map((item) => [
        item.querySelector('.found__name span')?.firstChild?.textContent ?? '',
        Number.parseInt(item.querySelector('.found__count')?.textContent ?? '', 10),
      ]),
    ),
  );
  const marks = await markedNames(spotted.page);
  const markCount = (entityId: string) => marks.filter(([, id]) => id === entityId).length;
  expect(counted).toMatchObject({
    'Vladimir Putin': markCount('vladimir-putin'),
    'Dmitry Peskov': markCount('dmitry-peskov'),
    'Xi Jinping': markCount('xi-jinping'),
  });
  expect(counted['Vladimir Putin']).toBe(3);
  await popup.screenshot({ path: 'docs/screenshots/popup-on-this-page.png' });

  // Only the article's first screen is in view; Beijing is named far below it.
  const beijing = spotted.page.locator('mark[data-briefings-entity="beijing"]').first();
  expect(await beijing.isVisible()).toBe(true);
  expect(await isInViewport(beijing)).toBe(false);
  await foundList(popup)
    .getByRole('button', { name: /^Beijing/ })
    .click();
  await expect.poll(() => isInViewport(beijing)).toBe(true);
  expect(await beijing.getAttribute('class')).toContain('briefings-mark--revealed');
  await popup.close();
  await spotted.close();
});

test('every mention counts, not only marks: a place marked once shows its full count, most first', async () => {
  const spotted = await openSpottedPage(browser, russiaUrl);
  const marks = await markedNames(spotted.page);
  expect(marks.filter(([, id]) => id === 'russia')).toHaveLength(1);
  let popup = await popupFor(spotted.page);
  // What a screen reader hears, from Chromium's accessibility tree.
  const names = async () =>
    (await (await AccessibleView.of(popup)).findAll('button'))
      // Chromium puts a space before a comma from a column of its own; speech is the same.
      .map((button) => button.name.replaceAll(' ,', ','))
      .filter((name) => name.includes('mention'));
  await expect
    .poll(names)
    .toEqual([
      'Russia, Place, 9 mentions',
      'Ukraine, Place, 3 mentions',
      'Moscow, Place, 1 mention',
      'Vladimir Putin, Person, 1 mention',
    ]);
  expect(await foundList(popup).locator('li').first().textContent()).toContain('9 mentions');
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.close();

  // A live page names Russia twice more: the count follows.
  await spotted.page.evaluate(() => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Late news: Russia and Russia’s allies met.';
    document.querySelector('main')?.append(paragraph);
  });
  popup = await popupFor(spotted.page);
  await expect.poll(names).toContain('Russia, Place, 11 mentions');
  await popup.close();
  await spotted.close();
});

test('switching a site off in the popup unmarks it, and the choice survives a restart', async () => {
  let spotted = await openSpottedPage(browser, url);
  let popup = await popupFor(spotted.page);
  const siteSwitch = () => popup.getByRole('switch', { name: /Highlight on 127\.0\.0\.1/ });
  await expect.poll(() => siteSwitch().isChecked()).toBe(true);
  await siteSwitch().click();
  await expect.poll(() => markedNames(spotted.page)).toEqual([]);
  await expect
    .poll(() => popup.locator('.tabpanel').textContent())
    .toBe('Highlighting is off on this page.');
  await browser.close();

  browser = await launchExtensionBrowser({ profileDir });
  spotted = await openSpottedPage(browser, url, { waitForIdle: false });
  popup = await popupFor(spotted.page);
  await expect.poll(() => siteSwitch().isChecked()).toBe(false);
  await expect
    .poll(() => popup.locator('.tabpanel').textContent())
    .toBe('Highlighting is off on this page.');
  expect(await markedNames(spotted.page)).toEqual([]);

  await siteSwitch().click();
  await expect
    .poll(() => markedNames(spotted.page).then((marks) => marks.length))
    .toBeGreaterThan(3);
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});

function isInViewport(locator: ReturnType<Page['locator']>): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}
