import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Pack } from '../../lib/pack/schema';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { importOnOptionsPage } from '../../scripts/harness/options-import';
import { anotherVersionOf } from '../support/packs';

let browser: ExtensionBrowser;
let popup: Page;

beforeAll(async () => {
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
const results = () => popup.getByRole('listbox', { name: 'Search results' });
const noMatches = () => popup.locator('[role="status"]', { hasText: 'Nothing in your briefings' });

/** The titles of one group of hits ("Names", "Quotes"…), once the search has answered. */
async function titlesIn(heading: string): Promise<string[]> {
  const group = results().getByRole('group', { name: new RegExp(`^${heading}`) });
  return group.locator('.result__title').allTextContents();
}

/** How many articles the installed packs hold, as the options page lists them. */
async function articlesInstalled(): Promise<number> {
  const packs = await callBackground(popup, 'listPacks');
  return packs.reduce((sum, pack) => sum + pack.counts.documents, 0);
}

describe('names as people mistype them find the right person or place', () => {
  test.each([
    ['Zelenksy', 'Volodymyr Zelensky'],
    ['Putn', 'Vladimir Putin'],
    ['Kiev', 'Kyiv'],
    ['Selenskyj', 'Volodymyr Zelensky'],
  ])('"%s" finds %s first among the names', async (typed, name) => {
    await searchBox().fill(typed);
    await expect.poll(() => titlesIn('Names').then((titles) => titles[0])).toBe(name);
  });

  test('choosing the name opens its briefing', async () => {
    await searchBox().fill('Zelenksy');
    await expect
      .poll(() => titlesIn('Names').then((titles) => titles[0]))
      .toBe('Volodymyr Zelensky');
    await searchBox().press('Enter');
    await expect
      .poll(() => popup.getByRole('article').getByRole('heading', { level: 2 }).textContent())
      .toBe('Volodymyr Zelensky');
    await popup.getByRole('button', { name: '← Back' }).click();
  });
});

describe('a search that finds nothing', () => {
  test('offers the name meant, and choosing it searches for it', async () => {
    await searchBox().fill('Makronne');
    const meant = noMatches().getByRole('button', { name: 'Emmanuel Macron' });
    await meant.waitFor();
    expect(await noMatches().textContent()).toContain('Did you mean Emmanuel Macron?');
    expect(await seriousViolations(popup)).toEqual([]);
    await meant.click();
    expect(await searchBox().inputValue()).toBe('Emmanuel Macron');
    await expect.poll(() => titlesIn('Names').then((titles) => titles[0])).toBe('Emmanuel Macron');
  });

  test('says what the briefings cover, and offers no name when none is close', async () => {
    await searchBox().fill('quetzalcoatl');
    await expect
      .poll(() => noMatches().textContent())
      .toContain(`Your briefings cover ${await articlesInstalled()} articles from `);
    const said = (await noMatches().textContent()) ?? '';
    expect(said).toMatch(/\d+ people, \d+ organisations, \d+ places and \d+ topics\.$/);
    expect(said).not.toContain('Did you mean');
    expect(await seriousViolations(popup)).toEqual([]);
  });
});

describe('the same pack installed twice', () => {
  let quotesOnce: string[];
  let coverageOnce: string;

  beforeAll(async () => {
    await searchBox().fill('peace plan');
    await quoteHits().nth(1).waitFor();
    quotesOnce = await quoteTexts();
    await searchBox().fill('quetzalcoatl');
    await noMatches()
      .getByText(/^Your briefings cover/)
      .waitFor();
    coverageOnce = (await noMatches().textContent()) ?? '';

    const [bundled] = await callBackground(popup, 'listPacks');
    const file = await callBackground(popup, 'exportPack', { packId: bundled?.id ?? '' });
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const copy = JSON.stringify(anotherVersionOf(JSON.parse(file.text) as Pack));
    const outcome = await importOnOptionsPage(
      options,
      { name: 'copy.json', text: copy },
      { choice: 'Keep both' },
    );
    await options.close();
    expect(outcome.ok).toBe(true);
    expect(await callBackground(popup, 'listPacks')).toHaveLength(2);
    await searchBox().fill('');
  });

  const quoteHits = () =>
    results()
      .getByRole('group', { name: /^Quotes/ })
      .getByRole('option');
  /** The quote hits' texts, in order. */
  const quoteTexts = () => quoteHits().locator('.result__snippet').allTextContents();

  test('a search shows each quote once', async () => {
    await searchBox().fill('peace plan');
    await expect.poll(() => titlesIn('Quotes').then((titles) => titles.length)).toBeGreaterThan(1);
    const quotes = await quoteTexts();
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(quotes).toEqual(quotesOnce);
  });

  test('the briefings cover the same articles as before', async () => {
    await searchBox().fill('quetzalcoatl');
    await expect.poll(() => noMatches().textContent()).toContain('Your briefings cover');
    expect(await noMatches().textContent()).toBe(coverageOnce);
  });
});
