/**
 * "Add this article" on real pages written by others (../shared/fixtures/pages): the article each
 * one holds, as extractArticle reads it and as the built /extract-article.js returns it in
 * Chromium, where the page sits at its original address (served from disk; nothing leaves the
 * machine). Only what each page's own metadata honestly gives is asserted: a page without a
 * machine-readable date has none, even when its text prints one. These tests fail, never skip,
 * when the pages or the build are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExtractedArticle, extractArticle } from '../../lib/article/extract';
import { builtExtensionDir } from '../../scripts/harness/built-extension';
import { chromiumPath } from '../../scripts/harness/extension-browser';
import { type NetworkBlocker, startNetworkBlocker } from '../../scripts/harness/network-blocker';
import { htmlPage } from '../support/html-page';
import { PAGES, type PageCase, pageHtml } from './fixture-articles';

/**
 * The page's text as written, roughly: its body's text without scripts and styles. (Also run in
 * Chromium, given no document: the page's own.)
 */
function writtenText(doc: Document = document): string {
  const body = doc.body.cloneNode(true) as HTMLElement;
  for (const hidden of body.querySelectorAll('script, style, noscript, template')) hidden.remove();
  return (body.textContent ?? '').replace(/\s+/g, ' ');
}

function expectTheArticle(article: ExtractedArticle | null, page: PageCase, shown: string) {
  // Neither null nor undefined (what a script that ends on no value hands back).
  expect(article).toBeTypeOf('object');
  expect(article).not.toBeNull();
  const { text, byline: _byline, ...fields } = article as ExtractedArticle;
  expect(fields).toEqual(page.expected);
  for (const sentence of page.sentences) expect(text).toContain(sentence);
  for (const furniture of page.furniture) {
    expect(shown, `"${furniture}" is not on the page: the check would prove nothing`).toContain(
      furniture,
    );
    expect(text).not.toContain(furniture);
  }
  expect(text).not.toMatch(/\n{3,}|[ \t]{2,}|^\s|\s$/);
  expect(text.split('\n\n').every((paragraph) => paragraph.trim() !== '')).toBe(true);
}

describe.each(Object.entries(PAGES))('%s', (file, page) => {
  test('extractArticle reads the article and what its metadata says', async () => {
    const html = htmlPage(pageHtml(file), page.address);
    try {
      const article = extractArticle(html.document, page.address);
      expectTheArticle(article, page, writtenText(html.document));
    } finally {
      await html.close();
    }
  });
});

describe('the built /extract-article.js in Chromium', () => {
  const script = join(builtExtensionDir('test'), 'extract-article.js');
  let browser: Browser;
  let blocker: NetworkBlocker;

  beforeAll(async () => {
    blocker = await startNetworkBlocker();
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [`--proxy-server=${blocker.proxyUrl}`, '--no-sandbox', '--disable-gpu'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await blocker?.close();
  });

  test('is built, and neither a content script nor web-accessible', () => {
    expect(existsSync(script), `no ${script}: run \`npm run build:test\` first`).toBe(true);
    const manifest = readFileSync(join(builtExtensionDir('test'), 'manifest.json'), 'utf8');
    // Web-accessible: the content script's own chunks only (lib/page/content-chunks.ts).
    const resources = JSON.parse(manifest).web_accessible_resources.flatMap(
      (entry: { resources: string[] }) => entry.resources,
    );
    expect(resources).toEqual(['content-ui/*.js']);
    expect(manifest).not.toContain('extract-article');
  });

  test.each(Object.entries(PAGES))(
    '%s: the script evaluates to the article, as executeScript returns it',
    async (file, page) => {
      const html = pageHtml(file);
      const context = await browser.newContext({ serviceWorkers: 'block' });
      try {
        // The page at its own address, from disk; anything else it asks for is refused.
        await context.route('**/*', (route) =>
          route.request().url() === page.address
            ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
            : route.abort(),
        );
        const tab = await context.newPage();
        await tab.goto(page.address, { waitUntil: 'load' });
        // A script's value is its last statement's, which is what executeScript hands back.
        const article = (await tab.evaluate(readFileSync(script, 'utf8'))) as ExtractedArticle;
        const shown = await tab.evaluate(writtenText, undefined);
        expectTheArticle(article, page, shown);
      } finally {
        await context.close();
      }
    },
  );
});
