/**
 * Spotting on real pages written by others (../shared/fixtures/pages, offline copies of news
 * sites and Wikipedia), with the built extension and its bundled corpus. Their requests off the
 * machine are refused (the harness proxy, and aborted early here). These tests fail, never skip,
 * when the pages are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractArticle } from '../../lib/article/extract';
import { buildSpotDictionary } from '../../lib/spotting/dictionary';
import { createMatcher, type Matcher } from '../../lib/spotting/matcher';
import { mentionsToMark } from '../../lib/spotting/mention-rules';
import { builtExtensionDir } from '../../scripts/harness/built-extension';
import {
  chromiumPath,
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { openSpottedPage, recorded, setSiteEnabled } from '../e2e/spotting-harness';
import { htmlPage } from '../support/html-page';
import { PAGES as ARTICLES, pageHtml, pagesDir } from './fixture-articles';

/** Names each page shows in its prose, by entity: at least this many marks. */
const PAGES: Record<string, Record<string, number>> = {
  'abcnews-clinton-putin.html': {
    'vladimir-putin': 20,
    russia: 1,
    moscow: 1,
    kremlin: 1,
    ukraine: 1,
  },
  'axios-am-newsletter.html': {
    'vladimir-putin': 1,
    'xi-jinping': 1,
    'volodymyr-zelensky': 1,
    'antony-blinken': 1,
    russia: 1,
    china: 1,
    ukraine: 1,
    moscow: 1,
  },
  'cnn-gates-tillerson-russia.html': { 'vladimir-putin': 4, russia: 1 },
  'infobae-muratov-putin-es.html': {
    'vladimir-putin': 8,
    kremlin: 2,
    'volodymyr-zelensky': 1,
    kyiv: 1,
  },
  'timesofindia-china-kashmir.html': { 'xi-jinping': 8, china: 1, beijing: 1 },
  'wikipedia-new-zealand.html': { china: 1 },
};

/**
 * Names each page shows only around its article or in its furniture, never to be marked there:
 * CNN on its own pages, references on Wikipedia, a trending bar, a sidebar's teasers.
 */
const NOT_MARKED: Record<string, string[]> = {
  'cnn-gates-tillerson-russia.html': ['cnn'],
  'infobae-muratov-putin-es.html': ['antony-blinken'],
  'timesofindia-china-kashmir.html': ['war-in-ukraine'],
  'wikipedia-new-zealand.html': ['new-york-times'],
};

/** Where a mark must never be: not prose, not the page's own visible text, not furniture. */
const NOT_PROSE = [
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'code',
  'pre',
  'svg',
  'math',
  'textarea',
  'select',
  'button',
  'nav',
  'form',
  '[role="navigation"]',
  '[role="search"]',
  '[role="menu"]',
  '[contenteditable]:not([contenteditable="false"])',
  '[hidden]',
  '[aria-hidden="true"]',
  // Page furniture as sites mark it up, by substring (lib/spotting/furniture.ts goes by words).
  'footer',
  'address',
  '[role="contentinfo"]',
  '[rel~="author"]',
  '[itemprop~="author"]',
  '[class*="byline" i]',
  '[class*="dateline" i]',
  '[class*="credit" i]',
  '[class*="copyright" i]',
  '[class*="breadcrumb" i]',
  '[aria-label*="breadcrumb" i]',
  '[itemtype*="BreadcrumbList"]',
  '[class*="share" i]',
  '[class*="social" i]',
  '[class*="reflist" i]',
  'ol.references',
  'cite.citation',
  '[hreflang]',
].join(', ');

/** The names of the corpus the built extension carries, matched as the content script does. */
function bundledMatcher(): Matcher {
  const pack = JSON.parse(readFileSync(join(builtExtensionDir(), 'packs/bundled.json'), 'utf8'));
  return createMatcher(buildSpotDictionary(pack.entities));
}

/**
 * The people the article names, with how often: the article as Readability reads it
 * (lib/article/extract), not as the content script's region finds it.
 */
async function peopleInArticle(file: string, matcher: Matcher): Promise<Record<string, number>> {
  const { address } = ARTICLES[file] ?? {};
  expect(address, `${file} has no address in fixture-articles.ts`).toBeDefined();
  const page = htmlPage(pageHtml(file), address as string);
  try {
    const text = extractArticle(page.document, address as string)?.text ?? '';
    expect(text.length, `no article read from ${file}`).toBeGreaterThan(500);
    const marked = mentionsToMark(text.split('\n\n'), (paragraph) => matcher.findAll(paragraph), {
      markEveryPlaceMention: false,
    });
    const people: Record<string, number> = {};
    for (const { term } of marked.flat()) {
      if (term.kind === 'person') people[term.entityId] = (people[term.entityId] ?? 0) + 1;
    }
    return people;
  } finally {
    await page.close();
  }
}

let browser: ExtensionBrowser;
let plainBrowser: BrowserContext;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer(pagesDir);
  browser = await launchExtensionBrowser();
  plainBrowser = await (await chromium.launch({ executablePath: chromiumPath() })).newContext();
  // Offline copies: everything they ask of other hosts fails at once rather than at the proxy.
  // (The extension's own files, which its content script imports, are no host's.)
  for (const context of [browser.context, plainBrowser]) {
    await context.route(
      (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await plainBrowser?.browser()?.close();
  await server?.close();
});

/**
 * The page's own uncaught errors, from a browser without Briefings, collected for as long as the
 * caller keeps it open: some pages throw late (CNN's script rejects a missing resource seconds in).
 */
async function pageOwnErrors(
  url: string,
): Promise<{ errors: string[]; close: () => Promise<void> }> {
  const page = await plainBrowser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { errors, close: () => page.close() };
}

function marksOutsideProse(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((notProse) => {
    return [...document.querySelectorAll<HTMLElement>('mark.briefings-mark')]
      .filter(
        (mark) =>
          mark.closest(notProse) !== null || !mark.checkVisibility({ visibilityProperty: true }),
      )
      .map((mark) => `${mark.textContent} in ${mark.parentElement?.outerHTML.slice(0, 120)}`);
  }, selector);
}

/** Names marked, by entity: each name counted at its first part (the part with a tabindex). */
function markCounts(page: Page, tabindex = '[tabindex]'): Promise<Record<string, number>> {
  return page.evaluate((selector) => {
    const counts: Record<string, number> = {};
    for (const mark of document.querySelectorAll<HTMLElement>(selector)) {
      const entity = mark.getAttribute('data-briefings-entity') ?? '';
      counts[entity] = (counts[entity] ?? 0) + 1;
    }
    return counts;
  }, `mark.briefings-mark${tabindex}`);
}

describe.each(Object.entries(PAGES))('%s', (file, expectedAtLeast) => {
  test('names in the prose are marked, only there, without changing the page', async () => {
    // Missing pages fail each test (a skipped test would pass unnoticed).
    expect(existsSync(pagesDir), `the real pages are missing: expected them in ${pagesDir}`).toBe(
      true,
    );
    expect(existsSync(`${pagesDir}/${file}`), `${file} is missing from ${pagesDir}`).toBe(true);
    const url = `${server.origin}/${file}`;
    const withoutBriefings = await pageOwnErrors(url);
    const spotted = await openSpottedPage(browser, url);
    const { page } = spotted;
    try {
      const { pristineText, pristineHtml } = await recorded(page);
      expect(await page.evaluate(() => document.body.textContent)).toBe(pristineText);

      const counts = await markCounts(page);
      for (const [entityId, atLeast] of Object.entries(expectedAtLeast)) {
        expect(counts[entityId] ?? 0, `marks of ${entityId}`).toBeGreaterThanOrEqual(atLeast);
      }
      expect(await marksOutsideProse(page, NOT_PROSE)).toEqual([]);
      for (const entityId of NOT_MARKED[file] ?? []) {
        expect(counts[entityId] ?? 0, `marks of ${entityId}`).toBe(0);
      }
      // Everyone the article names is marked wherever it names them.
      const people = await peopleInArticle(file, bundledMatcher());
      for (const [entityId, mentions] of Object.entries(people)) {
        expect(counts[entityId] ?? 0, `marks of ${entityId}`).toBeGreaterThanOrEqual(mentions);
      }
      // One Tab stop per name, however often the page names it (ABC News: Putin 20+ times).
      const oneEach = Object.fromEntries(Object.keys(counts).map((entityId) => [entityId, 1]));
      expect(await markCounts(page, '[tabindex="0"]')).toEqual(oneEach);

      // Nothing of ours in the console, and no page error the page does not have without us.
      const ours = spotted.consoleProblems.filter(
        (message) => message.includes('[Briefings]') || message.includes('chrome-extension://'),
      );
      expect(ours).toEqual([]);
      const newErrors = spotted.pageErrors.filter(
        (error) => !withoutBriefings.errors.includes(error),
      );
      expect(newErrors).toEqual([]);

      await setSiteEnabled(browser, '127.0.0.1', false);
      await page.waitForFunction(() => document.querySelector('mark.briefings-mark') === null);
      // Inline styles left aside: the page's own scripts restyle elements as they run (CNN sizes
      // its header to the layout), and Briefings never writes a style attribute of the page's.
      const withoutInlineStyles = (html: string | null) => html?.replace(/ style="[^"]*"/g, '');
      expect(
        withoutInlineStyles(await page.evaluate(() => document.documentElement.outerHTML)),
      ).toBe(withoutInlineStyles(pristineHtml));
    } finally {
      await setSiteEnabled(browser, '127.0.0.1', true);
      await spotted.close();
      await withoutBriefings.close();
    }
  });
});
