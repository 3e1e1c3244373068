import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { startStaticServer } from '../../scripts/harness/static-server';
import { bundledPack, smallPack } from '../support/packs';

let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  browser = await launchExtensionBrowser();
  options = await browser.context.newPage();
  options.on('dialog', (dialog) => dialog.accept());
  await options.goto(browser.extensionUrl('options.html'));
});

afterAll(async () => {
  await browser?.close();
});

async function packFile(name: string, contents: string): Promise<string> {
  const path = join(tmpdir(), `${Date.now()}-${name}`);
  await writeFile(path, contents);
  return path;
}

const packRows = () => options.locator('table.packs tbody tr');
const searchHits = (query: string) =>
  callBackground(options, 'search', { query }).then((hits) =>
    hits.map((hit) => `${hit.kind}:${hit.id}`),
  );

test('on install, the bundled corpus is listed and searchable', async () => {
  await expect.poll(() => packRows().count()).toBe(1);
  const pack = bundledPack();
  await expect.poll(() => packRows().first().textContent()).toContain(pack.title);
  expect((await searchHits('peskov'))[0]).toBe('entity:dmitry-peskov');
});

test('a pack imported on the options page becomes searchable and marked on open pages, and is gone once removed', async () => {
  const server = await startStaticServer();
  const reading = await browser.context.newPage();
  await reading.goto(
    server.page(
      '/bridge.html',
      '<!doctype html><title>Bridge</title><p>Mayor Olena Kovalenko spoke in Kyiv.</p>',
    ),
  );
  const kovalenko = reading.locator('mark[data-briefings-entity="person-olena-kovalenko"]');
  await reading.locator('mark[data-briefings-entity="kyiv"]').waitFor();
  expect(await kovalenko.count()).toBe(0);

  await options
    .locator('input[type=file]')
    .setInputFiles(await packFile('field-notes.json', JSON.stringify(smallPack())));
  await expect
    .poll(() => options.getByRole('status').textContent())
    .toBe('Imported “Field notes from Zolotyi Bereh”.');
  await expect.poll(() => packRows().count()).toBe(2);
  const row = options.locator('tr[data-pack-id="field-notes"]');
  expect(await row.locator('td').allTextContents()).toEqual(['1', '1', '1', '1', 'ExportRemove']);
  expect(await searchHits('kovalenko')).toContain('entity:person-olena-kovalenko');
  // The page already open looks for the new names without being reloaded.
  await expect.poll(() => kovalenko.textContent()).toBe('Olena Kovalenko');

  await options.getByRole('button', { name: 'Remove Field notes from Zolotyi Bereh' }).click();
  await expect.poll(() => packRows().count()).toBe(1);
  expect(await searchHits('kovalenko')).toEqual([]);
  await expect.poll(() => kovalenko.count()).toBe(0);
  expect(await reading.locator('p').textContent()).toBe('Mayor Olena Kovalenko spoke in Kyiv.');
  await reading.close();
  await server.close();
});

test('a malformed pack is refused with a readable message, and nothing changes', async () => {
  const before = await callBackground(options, 'listPacks');
  const broken = smallPack();
  broken.quotes[0]!.speakerId = 'person-nobody';
  await options
    .locator('input[type=file]')
    .setInputFiles(await packFile('broken.json', JSON.stringify(broken)));
  const alert = options.getByRole('alert');
  await expect
    .poll(() => alert.textContent())
    .toContain('broken.json: This pack was not imported: it has a problem. Nothing was changed.');
  expect(await alert.textContent()).toContain(
    'quotes[0].speakerId: no entity with id "person-nobody"',
  );
  expect(await callBackground(options, 'listPacks')).toEqual(before);
  expect(await packRows().count()).toBe(1);
});

test('a file that is not a pack at all says so', async () => {
  await options.locator('input[type=file]').setInputFiles(await packFile('notes.json', 'hello'));
  await expect
    .poll(() => options.getByRole('alert').textContent())
    .toContain('This file is not a pack: it is not valid JSON.');
});

test('export downloads a pack file that holds the pack', async () => {
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: `Export ${bundledPack().title}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${bundledPack().id}.briefings.json`);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(exported.quotes).toHaveLength(bundledPack().quotes.length);
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
