/**
 * The reader decides what is marked, in real Chromium with the built extension: the card's menu
 * (hide a name everywhere, not this person on this site, highlighting off here), the options
 * page's lists and kinds of names, and every choice reaching open tabs without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { type AccessibleElement, AccessibleView } from '../../scripts/harness/accessible-view';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';

const ARTICLE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Kremlin sees no role for Beijing</title></head>
<body>
<main>
  <h1>Kremlin sees no role for Beijing as mediator</h1>
  <p>Kremlin spokesman Dmitry Peskov said there was no prospect for now of Chinese mediation.
  Peskov spoke after Vladimir Putin hosted Xi Jinping in Moscow.</p>
  <p>Diplomats in Russia and China expected little change before the summer.</p>
</main>
</body>
</html>`;

let browser: ExtensionBrowser;
let server: StaticServer;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startStaticServer();
  server.page('/world/one.html', ARTICLE);
  server.page('/world/two.html', ARTICLE);
  browser = await launchExtensionBrowser({ allPagesInFront: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  // Whatever a test chose, the next starts with every name marked everywhere.
  const options = await openOptions();
  const { hiddenNames, exclusions, sites } = await callBackground(options, 'getSettings');
  for (const { id } of hiddenNames) {
    await callBackground(options, 'setNameHidden', { entityId: id, hidden: false });
  }
  for (const { host, entity } of exclusions) {
    await callBackground(options, 'setExcludedOnSite', {
      host,
      entityId: entity.id,
      excluded: false,
    });
  }
  for (const { host } of sites)
    await callBackground(options, 'setSiteEnabled', { host, enabled: true });
  await callBackground(options, 'updateSettings', { hiddenKinds: [] });
  for (const page of pages.splice(0)) await page.close();
});

/** A news page on 127.0.0.1 (or on another site: `localhost`, the same server), once marked. */
async function openArticle(path: string, host = '127.0.0.1'): Promise<Page> {
  const page = await browser.context.newPage();
  pages.push(page);
  const url = new URL(server.origin);
  url.hostname = host;
  url.pathname = path;
  await page.goto(url.href);
  await page.waitForSelector(markSelector('dmitry-peskov'));
  return page;
}

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  pages.push(options);
  await options.goto(browser.extensionUrl('options.html'));
  await options.getByRole('heading', { name: 'Names marked on pages' }).waitFor();
  return options;
}

const markSelector = (entityId: string) =>
  `mark.briefings-mark[data-briefings-entity="${entityId}"]`;

const marksOf = (page: Page, entityId: string) => page.locator(markSelector(entityId)).count();

/** Waits until the page shows this many marks of the entity (the change needs no reload). */
async function waitForMarks(page: Page, entityId: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([selector, expected]) => document.querySelectorAll(selector).length === expected,
    [markSelector(entityId), count] as const,
  );
}

/** Opens an entity's card from the keyboard, as a reader without a mouse does. */
async function openCard(page: Page, entityId: string, name: string) {
  const view = await AccessibleView.of(page);
  await page.locator(markSelector(entityId)).first().focus();
  await page.keyboard.press('Enter');
  await view.waitFor('dialog', name);
  return view;
}

/** Opens the card's menu with the keyboard and picks one of its items. */
async function choose(view: AccessibleView, page: Page, name: string, item: string) {
  await view.click(await view.waitFor('button', `Marking choices for ${name}`));
  // The menu opens on its first item.
  await waitForFocus(view, 'menuitem', 'Hide this name');
  for (let presses = 0; presses < 3; presses++) {
    if ((await view.focused())?.name === item) break;
    await page.keyboard.press('ArrowDown');
  }
  expect(await view.focused()).toMatchObject({ role: 'menuitem', name: item });
  await page.keyboard.press('Enter');
}

async function waitForFocus(view: AccessibleView, role: string, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const focused = await view.focused();
    if (focused?.role === role && focused.name === name) return;
    if (Date.now() > deadline) throw new Error(`focus is on ${JSON.stringify(focused)}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/**
 * axe cannot enter the card's closed shadow root: its markup and styles, as rendered (menu,
 * notice and Undo included), are checked in an open page.
 */
async function cardViolations(view: AccessibleView, card: AccessibleElement) {
  const markup = await view.evaluate(
    card,
    (element) => (element.getRootNode() as ShadowRoot).innerHTML,
  );
  const copy = await browser.context.newPage();
  pages.push(copy);
  await copy.goto(
    server.page(
      '/card-copy.html',
      `<!doctype html><html lang="en"><head><title>Card</title></head><body>${markup}</body></html>`,
    ),
  );
  return seriousViolations(copy);
}

/** The card's notice of what a choice did, once it says `text`. */
async function waitForNotice(view: AccessibleView, text: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const notices = await view.findAll('status');
    const texts = await Promise.all(notices.map((notice: AccessibleElement) => view.text(notice)));
    if (texts.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`no notice "${text}"; saw ${JSON.stringify(texts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('"Hide this name" takes its marks off every open tab at once; options shows it again', async () => {
  const first = await openArticle('/world/one.html');
  const second = await openArticle('/world/two.html');
  expect(await marksOf(second, 'dmitry-peskov')).toBe(2);
  const view = await openCard(first, 'dmitry-peskov', 'Dmitry Peskov');

  // Escape closes the menu, not the card, and focus goes back to the menu button.
  await view.click(await view.waitFor('button', 'Marking choices for Dmitry Peskov'));
  await view.waitFor('menu');
  await waitForFocus(view, 'menuitem', 'Hide this name');
  await first.keyboard.press('Escape');
  await view.waitForGone('menu');
  expect(await view.find('dialog', 'Dmitry Peskov')).not.toBeNull();
  await waitForFocus(view, 'button', 'Marking choices for Dmitry Peskov');

  await choose(view, first, 'Dmitry Peskov', 'Hide this name');
  await waitForNotice(
    view,
    'Dmitry Peskov is hidden: it is no longer marked on any page. Options can show it again.',
  );
  await waitForMarks(first, 'dmitry-peskov', 0);
  await waitForMarks(second, 'dmitry-peskov', 0);
  // Only that name: the others stay marked (the page is marked afresh, so they come back).
  await second.waitForSelector(markSelector('vladimir-putin'));
  // The card stays to say what happened, though its name is no longer marked.
  const card = await view.waitFor('dialog', 'Dmitry Peskov');
  expect(await cardViolations(view, card)).toEqual([]);

  const options = await openOptions();
  // Hidden from pages, still in the briefings: search finds it.
  const hits = await callBackground(options, 'search', { query: 'Peskov', kinds: ['entity'] });
  expect(hits.map((hit) => hit.title)).toContain('Dmitry Peskov');
  expect(await seriousViolations(options)).toEqual([]);
  await options.getByRole('button', { name: 'Show again: Dmitry Peskov' }).click();
  await waitForMarks(first, 'dmitry-peskov', 2);
  await waitForMarks(second, 'dmitry-peskov', 2);
  await options.getByText('No name is hidden.', { exact: false }).waitFor();
});

test('"Not this person here" stops marking the name on this site only, and Undo brings it back', async () => {
  const here = await openArticle('/world/one.html');
  const elsewhere = await openArticle('/world/two.html', 'localhost');
  const putinMarks = await marksOf(here, 'vladimir-putin');
  expect(putinMarks).toBeGreaterThan(0);
  const view = await openCard(here, 'vladimir-putin', 'Vladimir Putin');

  await choose(view, here, 'Vladimir Putin', 'Not this person here');
  await waitForNotice(view, 'Vladimir Putin is no longer marked on 127.0.0.1.');
  await waitForMarks(here, 'vladimir-putin', 0);
  expect(await marksOf(elsewhere, 'vladimir-putin')).toBe(putinMarks);
  await waitForMarks(here, 'dmitry-peskov', 2);

  const options = await openOptions();
  await options.getByRole('button', { name: 'Mark again: Vladimir Putin on 127.0.0.1' }).waitFor();

  await view.click(await view.waitFor('button', 'Undo'));
  await waitForNotice(view, 'Vladimir Putin is marked on 127.0.0.1 again.');
  await waitForMarks(here, 'vladimir-putin', putinMarks);
  await options.reload();
  await options.getByText('None. Choose “Not this person here”', { exact: false }).waitFor();
});

test('"Turn off highlighting here" takes every mark off the site until undone', async () => {
  const page = await openArticle('/world/one.html');
  const view = await openCard(page, 'dmitry-peskov', 'Dmitry Peskov');
  await choose(view, page, 'Dmitry Peskov', 'Turn off highlighting here');
  await waitForNotice(view, 'Highlighting is off on 127.0.0.1.');
  await page.waitForFunction(() => document.querySelectorAll('mark.briefings-mark').length === 0);

  await view.click(await view.waitFor('button', 'Undo'));
  await waitForNotice(view, 'Highlighting is on again on 127.0.0.1.');
  await waitForMarks(page, 'dmitry-peskov', 2);
});

test('switching places off in options takes place marks off open pages, and back on', async () => {
  const page = await openArticle('/world/one.html');
  expect(await marksOf(page, 'russia')).toBe(1);
  const options = await openOptions();
  const places = options.getByRole('checkbox', { name: 'Places' });
  expect(await places.isChecked()).toBe(true);

  await places.click();
  await waitForMarks(page, 'russia', 0);
  await waitForMarks(page, 'china', 0);
  await waitForMarks(page, 'dmitry-peskov', 2);
  expect(await marksOf(page, 'russia')).toBe(0);
  expect(await places.isChecked()).toBe(false);

  await places.click();
  await waitForMarks(page, 'russia', 1);
});
