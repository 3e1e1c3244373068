/**
 * "Add this article" on each real page of ../shared/fixtures/pages, with the built extension in
 * Chromium, the page at its own address (served from disk; nothing leaves the machine). The
 * popup names the article as its metadata does; every attributed quote is found by search and
 * is in its speaker's briefing; the reader view opens at a quote; a second add updates instead of
 * copying; removing the article takes all of it away. Fails, never skips, when pages are missing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { openSpottedPage } from '../e2e/spotting-harness';
import { PAGES, pageHtml } from './fixture-articles';

/**
 * English articles that quote people by name: at least this many quotes attributed. (The
 * compiler reads English cues; the Spanish Infobae article gets its quotes without speakers.)
 */
const ATTRIBUTED_AT_LEAST: Record<string, number> = {
  'cnn-gates-tillerson-russia.html': 1,
  'abcnews-clinton-putin.html': 1,
};

/** How many of a page's attributed quotes are looked up in search. */
const SEARCHED = 25;

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtensionBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function popupFor(address: string): Promise<Page> {
  const tabId = await browser.serviceWorker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id;
  }, address);
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  return popup;
}

async function add(popup: Page): Promise<string> {
  await popup.getByRole('button', { name: 'Add this article' }).click();
  const status = popup.locator('.add-article__status');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/My reading/);
  return (await status.textContent()) ?? '';
}

describe.each(Object.entries(PAGES))('%s', (file, page) => {
  test('added from the popup: named as its metadata says, its quotes in search and cards, read, updated, removed', async () => {
    const html = pageHtml(file);
    await browser.context.route(page.address, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    const spotted = await openSpottedPage(browser, page.address);
    const popup = await popupFor(page.address);
    try {
      const { title, outlet } = page.expected;
      expect(await add(popup)).toMatch(
        new RegExp(`^Added to My reading: ${literally(title)} \\(${literally(outlet)}\\)\\. `),
      );
      const [saved, ...others] = await callBackground(popup, 'listReadings');
      expect(others).toEqual([]);
      expect(saved).toMatchObject({ title, outlet, url: page.expected.url });
      expect(saved?.publishedAt ?? null).toBe(page.expected.publishedAt);
      const documentId = saved?.documentId ?? '';

      const article = await callBackground(popup, 'getDocument', {
        packId: 'my-reading',
        documentId,
      });
      const attributed = article.quotes.filter((quote) => quote.speaker !== null);
      expect(attributed.length).toBeGreaterThanOrEqual(ATTRIBUTED_AT_LEAST[file] ?? 0);
      // Every attributed quote is in its speaker's briefing (one briefing read per speaker).
      const bySpeaker = new Map<string, typeof attributed>();
      for (const quote of attributed) {
        const speakerId = quote.speaker?.id ?? '';
        bySpeaker.set(speakerId, [...(bySpeaker.get(speakerId) ?? []), quote]);
      }
      for (const [speakerId, quotes] of bySpeaker) {
        const briefing = await callBackground(popup, 'getBriefing', {
          entityId: speakerId,
          quoteLimit: 500,
        });
        const starts = new Set(
          briefing.quotesBy.flatMap((q) =>
            [...q.sources, ...q.variants.map((v) => v.source)]
              .filter((source) => source.documentId === documentId)
              .map((source) => source.start),
          ),
        );
        for (const quote of quotes) {
          const text = article.text.slice(quote.start, quote.end);
          expect(starts.has(quote.start), `"${text}" is in its speaker's briefing`).toBe(true);
        }
      }
      // Search finds them, by their words (a spread of up to SEARCHED of them).
      const step = Math.max(1, Math.ceil(attributed.length / SEARCHED));
      for (const quote of attributed.filter((_, index) => index % step === 0)) {
        const text = article.text.slice(quote.start, quote.end);
        const hits = await callBackground(popup, 'search', { query: text, kinds: ['quote'] });
        expect(
          hits.some((hit) => hit.packId === 'my-reading' && hit.id === quote.quoteId),
          `search finds "${text}"`,
        ).toBe(true);
      }

      const [first] = article.quotes;
      if (first) {
        const reader = await browser.context.newPage();
        await reader.goto(
          browser.extensionUrl(`reader.html?pack=my-reading&doc=${documentId}&at=${first.start}`),
        );
        await expect
          .poll(() => reader.evaluate(() => document.activeElement?.textContent ?? ''))
          .toContain(article.text.slice(first.start, first.end));
        expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe(title);
        await reader.close();
      }

      expect(await add(popup)).toMatch(/^Updated in My reading: /);
      expect(await callBackground(popup, 'listReadings')).toHaveLength(1);

      await callBackground(popup, 'removeReading', { documentId });
      expect(await callBackground(popup, 'listReadings')).toEqual([]);
      for (const quote of attributed) {
        const briefing = await callBackground(popup, 'getBriefing', {
          entityId: quote.speaker?.id ?? '',
          quoteLimit: 500,
        }).catch(() => null);
        const left = briefing?.quotesBy.some((q) =>
          q.sources.some((source) => source.packId === 'my-reading'),
        );
        expect(left ?? false).toBe(false);
      }
    } finally {
      for (const left of await callBackground(popup, 'listReadings')) {
        await callBackground(popup, 'removeReading', { documentId: left.documentId });
      }
      await popup.close();
      await spotted.close();
      await browser.context.unroute(page.address);
    }
  });
});

function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
