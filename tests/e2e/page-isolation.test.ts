/**
 * What a web page can learn from Briefings, and make it do, in the release build as readers
 * install it (test builds label marks and announce their work to the page, for tests). A page
 * that listens for messages, reads the marks' attributes, forges events and plants marks of its
 * own learns nothing beyond the text Briefings wrapped, and cannot open or alter the card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { AccessibleView } from '../../scripts/harness/accessible-view';
import { builtExtensionDir } from '../../scripts/harness/built-extension';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';

const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Talks in Moscow</title></head>
<body><main>
  <h1>Talks in Moscow</h1>
  <p>Kremlin spokesman Dmitry Peskov said on Thursday that there was no prospect for now of
  Chinese mediation, two weeks after Vladimir Putin hosted Xi Jinping for talks.</p>
  <p id="later"></p>
</main></body></html>`;

/** The page's own spying, from its first script: every message its window receives. */
function spyOnMessages(): void {
  const received: string[] = [];
  Object.assign(window, { receivedMessages: received });
  window.addEventListener('message', (event) => received.push(JSON.stringify(event.data)));
}

let server: StaticServer;
let browser: ExtensionBrowser;
let page: Page;
let articleUrl: string;

beforeAll(async () => {
  server = await startStaticServer();
  articleUrl = server.page('/world/talks.html', ARTICLE);
  browser = await launchExtensionBrowser({ build: 'release' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await page?.close();
});

async function openArticle(): Promise<void> {
  page = await browser.context.newPage();
  await page.addInitScript(spyOnMessages);
  await page.goto(articleUrl);
  await page.locator('mark.briefings-mark', { hasText: 'Dmitry Peskov' }).waitFor();
  await page.locator('mark.briefings-mark', { hasText: 'Xi Jinping' }).waitFor();
}

const cardHosts = () => page.locator('briefings-popover').count();

test('the page receives no message, and marks carry no entity id or pack data', async () => {
  await openArticle();
  expect(await page.evaluate('window.receivedMessages')).toEqual([]);
  const attributes = await page.evaluate(() =>
    [...document.querySelectorAll('mark.briefings-mark')].flatMap((mark) =>
      [...mark.attributes].map((attribute) => `${attribute.name}=${attribute.value}`),
    ),
  );
  expect(attributes.length).toBeGreaterThan(0);
  // Our class, the keyboard's stop, and mark.js's own flag: nothing of what a mark names.
  for (const attribute of attributes)
    expect(attribute).toMatch(/^(class=briefings-mark|tabindex=-?[01]|data-markjs=true)$/);
});

test('forged events and marks of the page open no card; the reader’s pointer does', async () => {
  await openArticle();
  await page.evaluate(() => {
    const forged = document.createElement('mark');
    forged.className = 'briefings-mark';
    forged.dataset.briefingsEntity = 'dmitry-peskov';
    forged.tabIndex = 0;
    forged.textContent = 'VERIFIED BY BRIEFINGS';
    document.querySelector('main')?.prepend(forged);
    const real = [...document.querySelectorAll<HTMLElement>('mark.briefings-mark')].find(
      (mark) => mark.textContent === 'Dmitry Peskov',
    );
    for (const target of [forged, real]) {
      if (!target) throw new Error('no mark to forge events on');
      const init = { bubbles: true, composed: true };
      target.dispatchEvent(new PointerEvent('pointerover', init));
      target.dispatchEvent(new FocusEvent('focusin', init));
      target.dispatchEvent(new MouseEvent('click', init));
      target.dispatchEvent(new KeyboardEvent('keydown', { ...init, key: 'Enter' }));
      target.dispatchEvent(
        new KeyboardEvent('keydown', { ...init, code: 'Period', altKey: true, shiftKey: true }),
      );
    }
  });
  await page.waitForTimeout(600);
  expect(await cardHosts()).toBe(0);

  // The reader's own pointer on the planted mark: it is not one of ours.
  await page.getByText('VERIFIED BY BRIEFINGS').hover();
  await page.waitForTimeout(600);
  expect(await cardHosts()).toBe(0);
  await page.getByText('VERIFIED BY BRIEFINGS').click();
  await page.waitForTimeout(300);
  expect(await cardHosts()).toBe(0);

  // On a mark of ours it opens, and every word of its heading comes from the reader's packs.
  await page.locator('mark.briefings-mark', { hasText: 'Dmitry Peskov' }).hover();
  const view = await AccessibleView.of(page);
  await view.waitFor('dialog', 'Dmitry Peskov');
});

test('events a page sends cannot stop Briefings: text it adds later is still marked', async () => {
  await openArticle();
  await page.evaluate(() => {
    for (const type of ['wxt:content-script-started', 'briefings:wxt:content-script-started']) {
      window.postMessage({ type, contentScriptName: 'briefings' }, '*');
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'briefings' } }));
      window.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'briefings' } }));
    }
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const later = document.getElementById('later');
    if (later) later.textContent = 'Later, Vladimir Putin spoke again.';
  });
  await page.locator('#later mark.briefings-mark', { hasText: 'Vladimir Putin' }).waitFor();
  expect(await page.locator('mark.briefings-mark', { hasText: 'Dmitry Peskov' }).count()).toBe(1);
});

test('the release build has no code that posts to or dispatches on the page', () => {
  const release = builtExtensionDir('release');
  const files = ['briefings-page.js', 'page.js', 'highlighter.js', 'popover.js'];
  for (const file of files.map((name, index) => (index === 0 ? name : `content-ui/${name}`))) {
    const code = readFileSync(join(release, file), 'utf8');
    expect(code, file).not.toMatch(/postMessage|dispatchEvent|data-briefings-entity/);
  }
});
