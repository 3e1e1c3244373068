/**
 * Spotting on pages that change, and the reader's controls, in real Chromium with the built
 * extension: content added over time, a page re-rendering marked text, switching off and on
 * for a site or everywhere, and the count the popup shows.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import {
  idleCount,
  markedNames,
  openSpottedPage,
  pageSummaryOf,
  recorded,
  setSiteEnabled,
  updateSettings,
  waitForIdle,
} from './spotting-harness';

const fixtures = fileURLToPath(new URL('../fixtures/spotting', import.meta.url));

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer(fixtures);
  browser = await launchExtensionBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('content added over time and a single-page navigation are spotted, batch by batch', async () => {
  const spotted = await openSpottedPage(browser, `${server.origin}/dynamic.html`);
  try {
    await spotted.page.waitForFunction(() => (window as { fixtureDone?: boolean }).fixtureDone);
    await expect
      .poll(() => markedNames(spotted.page))
      .toEqual([
        ['Blinken', 'antony-blinken'],
        ['Kyiv', 'kyiv'],
        ...Array.from({ length: 5 }, () => ['Stoltenberg', 'jens-stoltenberg']),
      ]);
    const { segmentsRead } = await recorded(spotted.page);
    // The first batch read the 200-paragraph page; later ones only what was added.
    expect(segmentsRead[0]).toBeGreaterThan(200);
    expect(segmentsRead.length).toBeGreaterThan(2);
    expect(Math.max(...segmentsRead.slice(1))).toBeLessThanOrEqual(10);
    // Nothing left of the first page's marks: the popup's count is what is on the page.
    const summary = await pageSummaryOf(browser, spotted.page.url());
    expect(summary.res?.mentions).toEqual({ 'antony-blinken': 1, kyiv: 1, 'jens-stoltenberg': 5 });
    expect(spotted.pageErrors).toEqual([]);
  } finally {
    await spotted.close();
  }
});

test('a page re-rendering marked text keeps working and ends marked', async () => {
  const spotted = await openSpottedPage(browser, `${server.origin}/rerender.html`);
  try {
    await spotted.page.waitForFunction(() => (window as { fixtureDone?: boolean }).fixtureDone);
    await expect
      .poll(() => markedNames(spotted.page), { timeout: 10_000 })
      .toEqual([
        ['Putin', 'vladimir-putin'],
        ['Peskov', 'dmitry-peskov'],
        ['Blinken', 'antony-blinken'],
        ['Zelenskyy', 'volodymyr-zelensky'],
        ['Stoltenberg', 'jens-stoltenberg'],
      ]);
    const text = await spotted.page.evaluate(() => document.getElementById('app')?.textContent);
    expect(text).toBe(
      'Update 25: Putin and PeskovBlinken said something (25).Zelenskyy (25)Stoltenberg (25)',
    );
    // The component checks its DOM at every render and throws if anything was left behind.
    expect(spotted.pageErrors).toEqual([]);
  } finally {
    await spotted.close();
  }
});

test('switching off for the site leaves the DOM as it was; on again marks it again', async () => {
  const spotted = await openSpottedPage(browser, `${server.origin}/switch-off.html`);
  const { page } = spotted;
  const snapshot = () =>
    page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      shadow: document.getElementById('widget')?.shadowRoot?.innerHTML,
    }));
  try {
    const { pristineHtml } = await recorded(page);
    const marked = await markedNames(page);
    expect(marked.length).toBeGreaterThanOrEqual(10);
    expect(await pageSummaryOf(browser, page.url())).toMatchObject({
      res: { active: true, mentions: { 'vladimir-putin': 4, 'xi-jinping': 2 } },
    });

    await setSiteEnabled(browser, '127.0.0.1', false);
    await expect.poll(() => markedNames(page)).toEqual([]);
    expect(await snapshot()).toEqual({
      html: pristineHtml,
      shadow: '<p>Stoltenberg in a shadow root</p>',
    });
    expect(await pageSummaryOf(browser, page.url())).toMatchObject({
      res: { active: false, mentions: {} },
    });

    const idleBefore = await idleCount(page);
    await setSiteEnabled(browser, '127.0.0.1', true);
    await waitForIdle(page, idleBefore + 1);
    expect(await markedNames(page)).toEqual(marked);

    await updateSettings(browser, { paused: true });
    await expect.poll(() => markedNames(page)).toEqual([]);
    expect((await snapshot()).html).toBe(pristineHtml);
    expect(spotted.pageErrors).toEqual([]);
  } finally {
    await updateSettings(browser, { paused: false });
    await setSiteEnabled(browser, '127.0.0.1', true);
    await spotted.close();
  }
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
