/**
 * A page in real Firefox (ESR, headless) with the Firefox build: names marked as in Chromium (the
 * same fixture pages, the same names), the briefing card on pointing and from the keyboard, and
 * nothing asked of anywhere but 127.0.0.1.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { FirefoxAccessibleView } from '../../scripts/harness/firefox-accessible-view';
import {
  type FirefoxExtensionBrowser,
  launchFirefoxWithExtension,
} from '../../scripts/harness/firefox-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { markedNames, recordBriefingsEvents } from '../e2e/spotting-harness';

const fixtures = fileURLToPath(new URL('../fixtures/spotting', import.meta.url));

let firefox: FirefoxExtensionBrowser;
let server: StaticServer;
let page: Page;
/** Uncaught errors in the page: never ours to cause. */
let pageErrors: string[];

beforeAll(async () => {
  server = await startStaticServer(fixtures);
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(() => {
  pageErrors = [];
});

afterEach(async () => {
  if (page && !page.isClosed()) await page.close();
  expect(pageErrors).toEqual([]);
});

/** Opens a fixture page and waits until Briefings says its first batches are done. */
async function openSpotted(fixture: string): Promise<void> {
  page = await firefox.browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.evaluateOnNewDocument(recordBriefingsEvents);
  await page.goto(`${server.origin}/${fixture}`);
  await page.waitForFunction(() => (window.briefingsRecorder?.idleEvents ?? 0) >= 1, {
    timeout: 30_000,
  });
}

function markOf(entityId: string) {
  return page.waitForSelector(`mark.briefings-mark[data-briefings-entity="${entityId}"]`);
}

/** What has keyboard focus on the page, as its text. */
const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

test('names are marked as in Chromium, the page text unchanged', async () => {
  await openSpotted('longest-alias.html');
  expect(await markedNames(page)).toEqual([
    ['Vladimir Putin', 'vladimir-putin'],
    ['Xi Jinping', 'xi-jinping'],
    ['Volodymyr Zelenskyy', 'volodymyr-zelensky'],
    ['Dmitry Peskov', 'dmitry-peskov'],
    ['International Criminal Court', 'icc'],
    ['Ukraine war', 'war-in-ukraine'],
  ]);
  const recorder = await page.evaluate(() => window.briefingsRecorder);
  expect(await page.evaluate(() => document.body.textContent)).toBe(recorder?.pristineText);
  // The page can read what Briefings reports (Firefox keeps content-script objects from it).
  expect(recorder?.lastIdleMarks).toBe(6);
  await page.close();

  await openSpotted('split-inline.html');
  expect(await markedNames(page)).toEqual([
    ['Xi Jinping', 'xi-jinping'],
    ['Xi Jinping', 'xi-jinping'],
    ['Vladimir Putin', 'vladimir-putin'],
    ['Dmitry Peskov', 'dmitry-peskov'],
    ['Volodymyr Zelensky', 'volodymyr-zelensky'],
    ['Putin', 'vladimir-putin'],
    ['Vladimir Putin', 'vladimir-putin'],
  ]);
});

test('pointing at a name opens its briefing card; moving away closes it', async () => {
  await openSpotted('longest-alias.html');
  const view = new FirefoxAccessibleView(page);
  expect(await view.find('dialog')).toBeNull();

  await (await markOf('dmitry-peskov'))?.hover();
  const card = await view.waitFor('dialog', 'Dmitry Peskov');
  expect(await card.isVisible()).toBe(true);
  const text = await card.evaluate((element) => element.textContent);
  expect(text).toContain('Kremlin spokesman');
  expect(text).toContain('Said by Dmitry Peskov');
  expect(text).toContain('The Moscow Times · 6 April 2023');
  // Pointing does not take the focus from the page.
  expect(await view.hasFocus(card)).toBe(false);

  await page.mouse.move(5, 790, { steps: 4 });
  await view.waitForGone('dialog');
});

test('keyboard only: Tab to a name, Enter opens its card with the focus in it, Escape closes it and returns to the name', async () => {
  await openSpotted('longest-alias.html');
  const view = new FirefoxAccessibleView(page);
  await markOf('dmitry-peskov');
  for (let presses = 0; presses < 10 && (await focusedText()) !== 'Dmitry Peskov'; presses++) {
    await page.keyboard.press('Tab');
  }
  expect(await focusedText()).toBe('Dmitry Peskov');

  await page.keyboard.press('Enter');
  const card = await view.waitFor('dialog', 'Dmitry Peskov');
  expect(await card.isVisible()).toBe(true);
  expect(await view.hasFocus(card)).toBe(true);

  await page.keyboard.press('Escape');
  await view.waitForGone('dialog');
  expect(await focusedText()).toBe('Dmitry Peskov');
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(firefox.offsiteRequests).toEqual([]);
});
