/**
 * A worker stopped in the middle of a large change (Target.closeTarget, as the browser kills
 * it) leaves the store in the old state or the new one: the consistency check finds nothing
 * once it starts again, and a later change still completes. Also what the options page shows
 * while a large pack is removed.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generatePack } from '../../scripts/bench/generated-pack';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { importOnOptionsPage } from '../../scripts/harness/options-import';
import { stopServiceWorker } from '../../scripts/harness/stop-worker';
import { smallPack } from '../support/packs';

/** 10,000 names and 1,200 other rows: a couple of dozen batches to remove. */
const large = generatePack({ documents: 100, entities: 10_000, quotes: 1_000, events: 100 });
const largeText = JSON.stringify(large);
const nameInLarge = large.entities[123]?.name as string;
const entityInLarge = large.entities[123]?.id as string;

let browser: ExtensionBrowser;
let options: Page;
let largeFile: string;

beforeAll(async () => {
  browser = await launchExtensionBrowser();
  options = await browser.context.newPage();
  options.on('dialog', (dialog) => dialog.accept());
  await options.goto(browser.extensionUrl('options.html'));
  largeFile = join(tmpdir(), `${Date.now()}-large-pack.json`);
  await writeFile(largeFile, largeText);
});

afterAll(async () => {
  await browser?.close();
});

const installedIds = async () =>
  (await callBackground(options, 'listPacks')).map((pack) => pack.id);
const statusTexts = () => options.getByRole('status').allTextContents();
const removalStatus = () => options.locator('p.removal');

async function installLarge(): Promise<void> {
  const outcome = await importOnOptionsPage(options, { name: 'large.json', text: largeText });
  expect(outcome.ok).toBe(true);
  await options.reload();
}

/** Stops the worker, then wakes it with a message, as any page of the extension would. */
async function stopAndRestart(): Promise<void> {
  await stopServiceWorker(browser.context, options, browser.extensionId);
  await expect.poll(() => installedIds().then(() => true), { timeout: 20_000 }).toBe(true);
}

/** The large pack is there whole, with its names searchable, or not at all. */
async function expectOldOrNew(): Promise<'old' | 'new'> {
  expect(await callBackground(options, 'checkConsistency')).toEqual([]);
  const installed = (await callBackground(options, 'listPacks')).find(
    (pack) => pack.id === large.id,
  );
  const hits = await callBackground(options, 'search', { query: nameInLarge, kinds: ['entity'] });
  const found = hits.some((hit) => hit.id === entityInLarge);
  if (installed) {
    expect(installed.counts.entities).toBe(large.entities.length);
    expect(found).toBe(true);
    return 'new';
  }
  expect(found).toBe(false);
  await expect(callBackground(options, 'getBriefing', { entityId: entityInLarge })).rejects.toThrow(
    'Nothing in your briefings is about this name any more.',
  );
  return 'old';
}

/** A later change completes, and leaves the store consistent. */
async function expectLaterChangeCompletes(): Promise<void> {
  const outcome = await importOnOptionsPage(
    options,
    { name: 'field-notes.json', text: JSON.stringify(smallPack()) },
    { choice: 'Replace' },
  );
  expect(outcome.ok).toBe(true);
  await callBackground(options, 'removePack', { packId: 'field-notes' });
  expect(await callBackground(options, 'checkConsistency')).toEqual([]);
}

/** Whole percent of the removal shown on the options page, or null when none is shown. */
async function removalPercent(): Promise<number | null> {
  const text = (await removalStatus().count()) > 0 ? await removalStatus().textContent() : null;
  const percent = text?.match(/(\d+)%/)?.[1];
  return percent === undefined ? null : Number(percent);
}

test.each([
  ['as it starts, before any batch', 0],
  ['about halfway', 40],
  ['near the end', 85],
])('a removal stopped %s is finished by the restarted worker', async (_, killAtPercent) => {
  await installLarge();
  await options.getByRole('button', { name: `Remove ${large.title}` }).click();
  await expect
    .poll(removalPercent, { interval: 10, timeout: 30_000 })
    .toBeGreaterThanOrEqual(killAtPercent);
  await stopAndRestart();
  // Hidden at once, before the restarted worker has finished deleting.
  expect(await installedIds()).not.toContain(large.id);
  expect(await expectOldOrNew()).toBe('old');
  await expectLaterChangeCompletes();
});

test.each([
  ['while the file is read and checked', 'reading'],
  ['while its names are saved', 'saving names'],
  ['while it is indexed for search', 'indexing for search'],
])('an import stopped %s leaves the old state or the new one', async (_, stage) => {
  await options.reload();
  await options.locator('input[type=file]').setInputFiles(largeFile);
  await expect
    .poll(() => statusTexts().then((texts) => texts.join(' ')), {
      interval: 10,
      timeout: 30_000,
    })
    .toContain(`${stage}…`);
  await stopAndRestart();
  // The page's import ends either way: installed, or said to be interrupted.
  await options
    .locator('p.import-status--done, div.import-status--failed')
    .waitFor({ timeout: 60_000 });
  const outcome = await expectOldOrNew();
  console.log(`import stopped while ${stage}: ${outcome} state`);
  await expectLaterChangeCompletes();
  if (outcome === 'new') await callBackground(options, 'removePack', { packId: large.id });
});

test('the options page shows a removal with its progress, and a change asked meanwhile waits with its reason', async () => {
  await installLarge();
  await options.getByRole('button', { name: `Remove ${large.title}` }).click();
  await expect
    .poll(() => removalStatus().textContent())
    .toMatch(new RegExp(`^Removing “${large.title.replace(/[()]/g, '\\$&')}”… \\d+%`));
  await expect(removalStatus().getByRole('progressbar').count()).resolves.toBe(1);
  const smallFile = join(tmpdir(), `${Date.now()}-field-notes.json`);
  await writeFile(smallFile, JSON.stringify(smallPack()));
  await options.locator('input[type=file]').setInputFiles(smallFile);
  await expect
    .poll(() => statusTexts().then((texts) => texts.join(' ')))
    .toContain(`Waiting for the removal of “${large.title}” to finish; then`);
  // Both done: the large pack gone, the small one in.
  await expect
    .poll(
      () =>
        options
          .locator('table.packs tbody tr')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-pack-id'))),
      {
        timeout: 60_000,
      },
    )
    .toEqual(expect.arrayContaining(['field-notes']));
  expect(await installedIds()).not.toContain(large.id);
  await expect.poll(() => removalStatus().count()).toBe(0);
  expect(await callBackground(options, 'checkConsistency')).toEqual([]);
});
