/**
 * The reader view in real Chromium with the built extension: opened from a quote's "Read" in the
 * briefing card on a web page (through the background, beside the page's tab) and from an
 * article found in the popup's search; the quote it was opened at is marked, in view and focused.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { AccessibleView } from '../../scripts/harness/accessible-view';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';

const screenshotsDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const PESKOV_QUOTE =
  'Undoubtedly, China has a very effective and commanding potential for mediation';
const MOSCOW_TIMES_TITLE = 'Kremlin Sees No Prospect of Chinese Mediation on Ukraine';

const ARTICLE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kremlin sees no role for Beijing as mediator</title>
<style>
  body { margin: 0; font: 19px/1.65 Georgia, serif; }
  main { max-width: 660px; margin: 0 auto; padding: 36px 24px 400px; }
</style>
</head>
<body>
<main>
  <h1>Kremlin sees no role for Beijing as mediator</h1>
  <p>Kremlin spokesman Dmitry Peskov said on Thursday that there was no prospect for now of
  Chinese mediation to end the fighting, although he praised what he called Beijing's
  potential as a peacemaker.</p>
</main>
</body>
</html>`;

let browser: ExtensionBrowser;
let server: StaticServer;
let articleUrl: string;

beforeAll(async () => {
  await mkdir(screenshotsDir, { recursive: true });
  server = await startStaticServer();
  articleUrl = server.page('/world/kremlin-mediation.html', ARTICLE);
  browser = await launchExtensionBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the reader view shows of the quote it was opened at, read in its page. */
function openedQuote(reader: Page) {
  return reader.evaluate(() => {
    const mark = document.querySelector<HTMLElement>('mark.reader__quote--target');
    if (!mark) return null;
    const box = mark.getBoundingClientRect();
    const speaker = document.getElementById(mark.getAttribute('aria-describedby') ?? '');
    return {
      text: mark.textContent,
      start: Number(mark.dataset.start),
      focused: document.activeElement === mark,
      inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
      speaker: speaker?.querySelector('.reader__speaker-name')?.textContent ?? null,
      speakerVisible: speaker ? speaker.getBoundingClientRect().height > 0 : false,
      background: getComputedStyle(mark).backgroundColor,
      targets: document.querySelectorAll('.reader__quote--target').length,
    };
  });
}

test('"Read" on a quote in the card opens the article beside the page, at that quote', async () => {
  const page = await browser.context.newPage();
  await page.goto(articleUrl);
  const mark = page.locator('mark.briefings-mark[data-briefings-entity="dmitry-peskov"]').first();
  await mark.waitFor();
  const view = await AccessibleView.of(page);
  await mark.hover();
  await view.waitFor('dialog', 'Dmitry Peskov');

  const read = await view.waitFor('button', 'Read it in The Moscow Times');
  const opened = browser.context.waitForEvent('page');
  await view.click(read);
  const reader = await opened;
  await reader.waitForLoadState();
  expect(reader.url()).toMatch(
    new RegExp(
      `^chrome-extension://${browser.extensionId}/reader\\.html\\?pack=seed-corpus&doc=seed-001&at=\\d+$`,
    ),
  );
  // The card stays as it was on the page the reader came from.
  expect(await view.find('dialog', 'Dmitry Peskov')).not.toBeNull();

  await reader.waitForSelector('mark.reader__quote--target');
  const at = Number(new URL(reader.url()).searchParams.get('at'));
  const quote = await openedQuote(reader);
  expect(quote).toMatchObject({
    text: PESKOV_QUOTE,
    start: at,
    focused: true,
    inView: true,
    speaker: 'Dmitry Peskov',
    speakerVisible: true,
    targets: 1,
  });
  // Emphasised: marked, not left in the page's own colours.
  expect(quote?.background).not.toMatch(/^rgba\(0, 0, 0, 0\)$/);
  expect(await reader.title()).toBe(MOSCOW_TIMES_TITLE);
  expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe(MOSCOW_TIMES_TITLE);
  expect(
    await reader.getByRole('link', { name: 'The original at themoscowtimes.com' }).count(),
  ).toBe(1);

  // For the picture, the whole header too: the quote is still on screen, emphasised.
  await reader.evaluate(() => window.scrollTo(0, 0));
  expect(await openedQuote(reader)).toMatchObject({ inView: true, focused: true });
  await reader.screenshot({ path: `${screenshotsDir}reader.png` });
  expect(await seriousViolations(reader)).toEqual([]);
  await reader.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(reader)).toEqual([]);
  await reader.close();
  await page.close();
});

test('an article found in the popup opens in the reader view, its quotes marked', async () => {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup
    .getByRole('searchbox', { name: 'Search your briefings' })
    .fill('Kremlin Sees No Prospect');
  const articles = popup.getByRole('group', { name: /^Articles/ });
  const hit = articles.getByRole('option').filter({ hasText: MOSCOW_TIMES_TITLE });
  await hit.waitFor();
  const opened = browser.context.waitForEvent('page');
  await hit.click();
  const reader = await opened;
  await reader.waitForLoadState();
  expect(reader.url()).toBe(browser.extensionUrl('reader.html?pack=seed-corpus&doc=seed-001'));
  const heading = reader.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.textContent()).toBe(MOSCOW_TIMES_TITLE);
  const marks = reader.locator('.reader__text mark');
  expect(await marks.count()).toBeGreaterThan(4);
  expect(await reader.locator('.reader__text mark', { hasText: PESKOV_QUOTE }).count()).toBe(1);
  // Opened at no quote: none is singled out, and focus is left to the reader.
  expect(await reader.locator('.reader__quote--target').count()).toBe(0);
  await reader.close();
  await popup.close();
});

test('an article no longer installed says so', async () => {
  const reader = await browser.context.newPage();
  await reader.goto(browser.extensionUrl('reader.html?pack=seed-corpus&doc=gone'));
  const alert = reader.getByRole('alert');
  await expect.poll(() => alert.textContent()).toBe('This article is no longer in your briefings.');
  expect(await seriousViolations(reader)).toEqual([]);
  await reader.close();
});

test('nothing asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
