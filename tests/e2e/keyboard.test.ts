/**
 * The keyboard, in real Chromium with the built extension: one Tab stop per name on a page, the
 * next/previous mark shortcut (Alt+Shift+. and Alt+Shift+,) opening each card in turn, and in
 * the popup, Escape going back one level and the view tabs following the arrow keys.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { AccessibleView } from '../../scripts/harness/accessible-view';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { idleCount, openSpottedPage, type SpottedPage, waitForIdle } from './spotting-harness';

const FILLER =
  '<p>Traders watched the markets and the weather, and said little about either of them.</p>';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Putin and the Kremlin</title></head>
<body>
<header><a href="/">Front page</a> <label>Search <input type="search" id="search"></label></header>
<main>
<h1>Putin speaks again</h1>
<p>Vladimir Putin said on Monday that talks could go on. Kremlin spokesman Dmitry Peskov
agreed, and Putin repeated it.</p>
<p>Later Putin met Peskov again; the Kremlin said Putin was pleased.</p>
${FILLER.repeat(30)}
<p id="far">Far below, Peskov spoke once more.</p>
</main>
<footer><a href="/about">About us</a> <span id="widget"></span></footer>
<script>
  // A comment box inside a web component, as some sites have.
  document.getElementById('widget').attachShadow({ mode: 'open' }).innerHTML =
    '<input aria-label="Your comment">';
</script>
</body></html>`;

let browser: ExtensionBrowser;
let server: StaticServer;
let articleUrl: string;

beforeAll(async () => {
  server = await startStaticServer();
  articleUrl = server.page('/world/putin-speaks.html', ARTICLE);
  browser = await launchExtensionBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What has focus on the page: a mark's entity and text, or another element's tag. */
function focusedOn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return 'body';
    const entity = active.getAttribute('data-briefings-entity');
    return entity === null ? active.localName : `${entity}: ${active.textContent}`;
  });
}

/** The index of the focused mark among all marks of the page, in document order. */
function focusedMarkIndex(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...document.querySelectorAll('mark.briefings-mark')].indexOf(
      document.activeElement as Element,
    ),
  );
}

test('Tab stops once per name, at its first mark, among the page’s own stops', async () => {
  const spotted = await openSpottedPage(browser, articleUrl);
  const { page } = spotted;
  try {
    const marksPerEntity = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const mark of document.querySelectorAll('mark.briefings-mark')) {
        const entity = mark.getAttribute('data-briefings-entity') ?? '';
        counts[entity] = (counts[entity] ?? 0) + 1;
      }
      return counts;
    });
    // The page names Putin five times and Peskov three: more marks than names.
    expect(marksPerEntity['vladimir-putin']).toBeGreaterThanOrEqual(5);
    expect(marksPerEntity['dmitry-peskov']).toBeGreaterThanOrEqual(3);

    const stops: string[] = [];
    for (let presses = 0; presses < 6; presses++) {
      await page.keyboard.press('Tab');
      stops.push(await focusedOn(page));
    }
    // Putin's stop is his first mark, in the headline; the footer's link follows Peskov.
    expect(stops).toEqual([
      'a',
      'input',
      'vladimir-putin: Putin',
      'kremlin: Kremlin',
      'dmitry-peskov: Dmitry Peskov',
      'a',
    ]);
    expect(await focusedMarkIndex(page)).toBe(-1);

    // A live page adds a paragraph above: its names' first marks are there now, and so are the stops.
    const idleBefore = await idleCount(page);
    await page.evaluate(() => {
      const breaking = document.createElement('p');
      breaking.id = 'breaking';
      breaking.textContent = 'Breaking: Peskov and Putin spoke.';
      document.querySelector('main')?.prepend(breaking);
    });
    await waitForIdle(page, idleBefore + 1);
    const tabStops = await page.evaluate(() =>
      [...document.querySelectorAll('mark.briefings-mark[tabindex="0"]')].map(
        (mark) =>
          `${mark.getAttribute('data-briefings-entity')}${mark.closest('#breaking') ? ' (new)' : ''}`,
      ),
    );
    expect(tabStops).toEqual(['dmitry-peskov (new)', 'vladimir-putin (new)', 'kremlin']);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await spotted.close();
  }
});

test('Alt+Shift+. and Alt+Shift+, move to the next and previous mark and open its card', async () => {
  const spotted: SpottedPage = await openSpottedPage(browser, articleUrl);
  const { page } = spotted;
  const view = await AccessibleView.of(page);
  try {
    // Nothing focused: the first mark on screen, the headline's Putin.
    await page.keyboard.press('Alt+Shift+Period');
    expect(await focusedOn(page)).toBe('vladimir-putin: Putin');
    expect(await focusedMarkIndex(page)).toBe(0);
    await view.waitFor('dialog', 'Vladimir Putin');

    // The next mark names Putin again: one Tab passes over, which the shortcut still reaches.
    await page.keyboard.press('Alt+Shift+Period');
    expect(await focusedOn(page)).toBe('vladimir-putin: Vladimir Putin');
    expect(await focusedMarkIndex(page)).toBe(1);
    await view.waitFor('dialog', 'Vladimir Putin');

    await page.keyboard.press('Alt+Shift+Period');
    expect(await focusedOn(page)).toBe('kremlin: Kremlin');
    await view.waitFor('dialog', 'Kremlin');
    await view.waitForGone('dialog', 'Vladimir Putin');

    await page.keyboard.press('Alt+Shift+Period');
    expect(await focusedOn(page)).toBe('dmitry-peskov: Dmitry Peskov');
    await view.waitFor('dialog', 'Dmitry Peskov');

    await page.keyboard.press('Alt+Shift+Comma');
    expect(await focusedOn(page)).toBe('kremlin: Kremlin');
    await view.waitFor('dialog', 'Kremlin');

    // The card keeps its keys: Enter moves into it, Escape closes it and returns to the name.
    await page.keyboard.press('Enter');
    await expect.poll(() => view.focused()).toMatchObject({ role: 'dialog', name: 'Kremlin' });
    await page.keyboard.press('Escape');
    await view.waitForGone('dialog');
    expect(await focusedOn(page)).toBe('kremlin: Kremlin');

    // Backwards past the first mark wraps round to the last, far below: brought into view.
    for (const _ of [1, 2, 3]) await page.keyboard.press('Alt+Shift+Comma');
    expect(await focusedOn(page)).toBe('dmitry-peskov: Peskov');
    await view.waitFor('dialog', 'Dmitry Peskov');
    const far = page.locator('#far mark');
    await expect
      .poll(() =>
        far.evaluate((mark) => {
          const box = mark.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Typing in a field is the reader's: the shortcut does nothing there.
    await page.locator('#search').focus();
    await page.keyboard.press('Alt+Shift+Period');
    expect(await focusedOn(page)).toBe('input');
    const comment = page.getByRole('textbox', { name: 'Your comment' });
    await comment.focus();
    await page.keyboard.press('Alt+Shift+Period');
    expect(await comment.evaluate((input) => input.getRootNode() instanceof ShadowRoot)).toBe(true);
    expect(await comment.evaluate((input) => input.matches(':focus'))).toBe(true);
  } finally {
    await spotted.close();
  }
});

test('on a page with no names, Alt+Shift+. and Alt+Shift+, stay the page’s own keys', async () => {
  const plainUrl = server.page(
    '/plain.html',
    '<!doctype html><html lang="en"><head><title>Recipes</title></head><body><main><h1>Bread</h1><p>Flour, water, salt and time.</p></main></body></html>',
  );
  const spotted = await openSpottedPage(browser, plainUrl);
  const { page } = spotted;
  try {
    await page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { shortcutSeen: boolean[] }).shortcutSeen = seen;
      // Bubbling, after any listener of the extension: what the page's own shortcut would see.
      window.addEventListener('keydown', (event) => {
        if (event.code === 'Period' || event.code === 'Comma') seen.push(event.defaultPrevented);
      });
    });
    await page.keyboard.press('Alt+Shift+Period');
    await page.keyboard.press('Alt+Shift+Comma');
    const seen = await page.evaluate(
      () => (window as unknown as { shortcutSeen: boolean[] }).shortcutSeen,
    );
    expect(seen).toEqual([false, false]);
  } finally {
    await spotted.close();
  }
});

test('in the popup, Escape goes back one level and the arrow keys move between tabs', async () => {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.extensionUrl('popup.html'));
  try {
    const searchBox = popup.getByRole('searchbox', { name: 'Search your briefings' });
    const results = popup.getByRole('listbox', { name: 'Search results' });
    await searchBox.fill('peskov');
    await expect.poll(() => results.getByRole('option').count()).toBeGreaterThan(0);
    await searchBox.press('Enter');
    const heading = popup.getByRole('article').getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toBe('Dmitry Peskov');

    // Briefing → results, as they were.
    await popup.keyboard.press('Escape');
    await expect.poll(() => results.getByRole('option').count()).toBeGreaterThan(0);
    expect(await searchBox.inputValue()).toBe('peskov');
    // Results → an empty search, focus in the box.
    await popup.keyboard.press('Escape');
    await expect.poll(() => searchBox.inputValue()).toBe('');
    expect(await searchBox.evaluate((box) => box === document.activeElement)).toBe(true);

    const pageTab = popup.getByRole('tab', { name: 'On this page' });
    const timelineTab = popup.getByRole('tab', { name: 'Timeline' });
    expect(await pageTab.getAttribute('aria-selected')).toBe('true');
    // One Tab stop for the row: from the box, Tab reaches the selected tab, then its panel.
    await popup.keyboard.press('Tab');
    expect(await pageTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    await popup.keyboard.press('ArrowRight');
    expect(await timelineTab.getAttribute('aria-selected')).toBe('true');
    expect(await timelineTab.evaluate((tab) => tab === document.activeElement)).toBe(true);
    const panel = popup.getByRole('tabpanel', { name: 'Timeline' });
    expect(await panel.getAttribute('id')).toBe(await timelineTab.getAttribute('aria-controls'));
    await expect.poll(() => panel.locator('li').count()).toBeGreaterThan(0);
    await popup.keyboard.press('Home');
    expect(await pageTab.getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('End');
    expect(await timelineTab.getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('ArrowLeft');
    expect(await pageTab.getAttribute('aria-selected')).toBe('true');
    expect(await seriousViolations(popup)).toEqual([]);
  } finally {
    await popup.close();
  }
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
