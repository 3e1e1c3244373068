import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from '../../scripts/harness/accessibility';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';

const SCREENSHOTS = 'docs/screenshots';
let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await launchExtensionBrowser();
  popup = await browser.context.newPage();
  // The size Chromium gives the toolbar popup.
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.extensionUrl('popup.html'));
});

afterAll(async () => {
  await browser?.close();
});

const searchBox = () => popup.getByRole('searchbox', { name: 'Search your briefings' });

test('searching offline groups hits by kind and emphasises the match', async () => {
  await searchBox().fill('peskov');
  const results = popup.getByRole('listbox', { name: 'Search results' });
  await expect
    .poll(() => results.locator('.results__heading').allTextContents())
    .toEqual([
      expect.stringMatching(/^Names \d+$/),
      expect.stringMatching(/^Quotes \d+$/),
      expect.stringMatching(/^Articles \d+$/),
    ]);
  expect(await results.getByRole('option').first().textContent()).toContain('Dmitry Peskov');
  expect(await results.locator('mark').first().textContent()).toBe('Peskov');
  await popup.screenshot({ path: `${SCREENSHOTS}/popup-search.png` });
  expect(await seriousViolations(popup)).toEqual([]);
});

test('filters narrow the hits to a kind', async () => {
  const quotesChip = popup.locator('.filters label.chip', { hasText: 'Quotes' });
  await quotesChip.click();
  expect(await popup.getByRole('checkbox', { name: 'Quotes' }).isChecked()).toBe(true);
  const results = popup.getByRole('listbox', { name: 'Search results' });
  await expect
    .poll(() => results.locator('.results__heading').allTextContents())
    .toEqual([expect.stringMatching(/^Quotes \d+$/)]);
  await quotesChip.click();
});

test('the keyboard opens a hit as a briefing with quotes, sources and wording differences', async () => {
  await searchBox().fill('commanding potential');
  await expect.poll(() => popup.getByRole('option').count()).toBeGreaterThan(0);
  await searchBox().press('Enter');
  const briefing = popup.getByRole('article');
  await expect
    .poll(() => briefing.getByRole('heading', { level: 2 }).textContent())
    .toBe('Dmitry Peskov');
  const text = await briefing.textContent();
  expect(text).toContain('Kremlin spokesman');
  expect(text).toContain(
    'Undoubtedly, China has a very effective and commanding potential for mediation',
  );
  expect(text).toMatch(/2 sources/);
  await popup.screenshot({ path: `${SCREENSHOTS}/popup-briefing.png`, fullPage: true });
  expect(await seriousViolations(popup)).toEqual([]);
  await popup.getByRole('button', { name: '← Back' }).click();
  await searchBox().fill('');
});

test('the timeline shows the corpus in order, with each date at its precision', async () => {
  await popup.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = popup.getByRole('list', { name: 'Timeline' });
  await expect.poll(() => timeline.locator('li.timeline__event').count()).toBeGreaterThan(5);
  const dates = await timeline
    .locator('li.timeline__event time')
    .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
  expect(dates).toEqual([...dates].sort());
  const crimea = timeline.locator('li.timeline__event', { hasText: 'annexes Crimea' });
  expect(await crimea.locator('time').textContent()).toBe('2014');
  expect(await timeline.locator('.bf-date--inferred').count()).toBeGreaterThan(0);
  await popup.screenshot({ path: `${SCREENSHOTS}/popup-timeline.png`, fullPage: true });
  expect(await seriousViolations(popup)).toEqual([]);

  await popup.getByLabel('Events of').selectOption({ label: 'Volodymyr Zelensky' });
  await expect
    .poll(() => timeline.locator('li.timeline__event .timeline__title').allTextContents())
    .toEqual([expect.stringContaining('Zelensky')]);
});

test('an event found by search opens the timeline at that event, emphasised and focused', async () => {
  await searchBox().fill('annexes Crimea');
  const event = popup
    .getByRole('group', { name: /^Timeline/ })
    .getByRole('option')
    .first();
  await event.waitFor();
  const eventId = await event.getAttribute('id');
  const title = await event.locator('.result__title').textContent();
  for (
    let presses = 0;
    (await searchBox().getAttribute('aria-activedescendant')) !== eventId;
    presses++
  ) {
    if (presses > 40) throw new Error('the arrow keys never reached the event');
    await searchBox().press('ArrowDown');
  }
  await searchBox().press('Enter');

  expect(await popup.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe(
    'true',
  );
  expect(await searchBox().inputValue()).toBe('');
  // Every event again, not only the name chosen before.
  expect(await popup.getByLabel('Events of').inputValue()).toBe('');
  const emphasised = popup.locator('li.timeline__event--emphasised');
  await expect.poll(() => emphasised.locator('.timeline__title').textContent()).toBe(title);
  expect(await emphasised.evaluate((item) => document.activeElement === item)).toBe(true);
  const box = await emphasised.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 600).toBe(true);
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the options page has no serious accessibility problems', async () => {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(browser.extensionUrl('options.html'));
  await expect.poll(() => options.locator('table.packs tbody tr').count()).toBe(1);
  await options.screenshot({ path: `${SCREENSHOTS}/options.png`, fullPage: true });
  expect(await seriousViolations(options)).toEqual([]);
  await options.close();
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
