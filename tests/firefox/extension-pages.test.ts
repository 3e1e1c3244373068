/**
 * The popup and the options page in real Firefox (ESR, headless) with the Firefox build: search
 * finds the bundled corpus offline, and a pack imported on the options page is listed, searchable
 * and marked on a page; nothing asked of anywhere but 127.0.0.1.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type FirefoxExtensionBrowser,
  launchFirefoxWithExtension,
} from '../../scripts/harness/firefox-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { smallPack } from '../support/packs';

let firefox: FirefoxExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer();
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Types a search in the popup: the hits it lists and the words it emphasises, as text. */
async function searchInPopup(query: string): Promise<{ hits: string[]; emphasised: string[] }> {
  const popup = await firefox.openExtensionPage('popup.html');
  try {
    const searchBox = await popup.waitForSelector(
      '::-p-aria([name="Search your briefings"][role="searchbox"])',
    );
    await searchBox?.type(query);
    await popup.waitForSelector('[role="listbox"] [role="option"]');
    const textsOf = (selector: string) =>
      popup.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
    return {
      hits: await textsOf('[role="listbox"] [role="option"]'),
      emphasised: await textsOf('[role="listbox"] [role="option"] mark'),
    };
  } finally {
    await popup.close();
  }
}

const statusOf = (page: Page) =>
  page.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '');
const packRowsOf = (page: Page) =>
  page.$$eval('table.packs tbody tr', (rows) =>
    rows.map((row) => row.getAttribute('data-pack-id')),
  );

test('searching in the popup finds a name from the bundled corpus, the match emphasised', async () => {
  const { hits, emphasised } = await searchInPopup('peskov');
  expect(hits[0]).toContain('Dmitry Peskov');
  expect(emphasised[0]).toBe('Peskov');
});

test('a pack imported on the options page is listed, found by search and marked on a page', async () => {
  const reading = await firefox.browser.newPage();
  await reading.goto(
    server.page(
      '/bridge.html',
      '<!doctype html><title>Bridge</title><p>Mayor Olena Kovalenko spoke in Kyiv.</p>',
    ),
  );
  // Kyiv is in the bundled corpus; the mayor is only in the pack about to be imported.
  await reading.waitForSelector('mark[data-briefings-entity="kyiv"]');
  const kovalenkoMarks = () =>
    reading.$$eval('mark[data-briefings-entity="person-olena-kovalenko"]', (marks) =>
      marks.map((mark) => mark.textContent),
    );
  expect(await kovalenkoMarks()).toEqual([]);

  const options = await firefox.openExtensionPage('options.html');
  await options.waitForSelector('table.packs tbody tr');
  const installedBefore = await packRowsOf(options);
  const file = join(await mkdtemp(join(tmpdir(), 'briefings-import-')), 'field-notes.json');
  await writeFile(file, JSON.stringify(smallPack()));
  const input = await options.waitForSelector('input[type=file]');
  await input?.uploadFile(file);

  await expect.poll(() => statusOf(options)).toBe('Imported “Field notes from Zolotyi Bereh”.');
  await expect
    .poll(async () => (await packRowsOf(options)).sort())
    .toEqual([...installedBefore, 'field-notes'].sort());
  await options.close();

  expect((await searchInPopup('kovalenko')).hits[0]).toContain('Olena Kovalenko');
  // The page already open looks for the new names without being reloaded.
  await expect.poll(kovalenkoMarks).toEqual(['Olena Kovalenko']);
  await reading.close();
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(firefox.offsiteRequests).toEqual([]);
});
