/**
 * Importing a pack that is already installed, through the real options page and its file input:
 * the same content is recognised and nothing changes; another version under the same id is a
 * question with Replace, Keep both and Cancel.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Pack } from '../../lib/pack/schema';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { bundledPack, smallPack } from '../support/packs';

let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  browser = await launchExtensionBrowser();
  options = await browser.context.newPage();
  options.on('dialog', (dialog) => dialog.accept());
  await options.goto(browser.extensionUrl('options.html'));
  await options.locator('table.packs tbody tr').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
});

async function chooseFile(name: string, contents: string): Promise<void> {
  // A folder of its own, so the file keeps its name (the page names the file it speaks of).
  const path = join(await mkdtemp(join(tmpdir(), 'briefings-import-')), name);
  await writeFile(path, contents);
  await options.locator('input[type=file]').setInputFiles(path);
}

/** The field notes, revised: the same id, one more event on the timeline. */
function revisedNotes(): Pack {
  const pack = smallPack('field-notes', { title: 'Field notes, revised' });
  const [event] = pack.events;
  if (!event) throw new Error('the small pack has an event');
  pack.events.push({ ...event, id: 'event-bridge-reopened', title: 'The bridge reopens' });
  return pack;
}

/** The pack list as the reader sees it: title (with origin and id), then the counts. */
const packTable = () =>
  options
    .locator('table.packs tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.children].slice(0, 5).map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
const status = () => options.getByRole('status').textContent();
const question = (fileName: string, installedTitle: string) =>
  options.getByRole('group', {
    name: `${fileName} holds another version of “${installedTitle}”`,
    exact: true,
  });
const choices = (group: ReturnType<typeof question>) => group.getByRole('button').allTextContents();

test('the same file twice: the second time it is already installed, and nothing is added', async () => {
  await chooseFile('field-notes.json', JSON.stringify(smallPack()));
  await expect.poll(status).toBe('Imported “Field notes from Zolotyi Bereh”.');
  await expect.poll(() => options.locator('table.packs tbody tr').count()).toBe(2);
  const before = await packTable();
  const installedBefore = await callBackground(options, 'listPacks');

  await chooseFile('field-notes.json', JSON.stringify(smallPack(), null, 2));
  await expect
    .poll(status)
    .toBe('“Field notes from Zolotyi Bereh” is already installed (same content), nothing changed.');
  expect(await options.getByRole('alert').count()).toBe(0);
  expect(await packTable()).toEqual(before);
  expect(await callBackground(options, 'listPacks')).toEqual(installedBefore);
});

test('another version under the same id asks, by keyboard too; Cancel leaves the list as it was', async () => {
  const before = await packTable();
  await chooseFile('field-notes-revised.json', JSON.stringify(revisedNotes()));
  const group = question('field-notes-revised.json', 'Field notes from Zolotyi Bereh');
  await group.waitFor();
  // A question, not an error; it has the focus, so the keyboard and screen readers land on it.
  expect(await options.getByRole('alert').count()).toBe(0);
  expect(await group.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
    true,
  );
  expect(await group.getByRole('row').allTextContents()).toEqual([
    'InstalledIn this file',
    'TitleField notes from Zolotyi BerehField notes, revised',
    'Created2 June 20242 June 2024',
    'Documents11',
    'Names11',
    'Quotes11',
    'Events12',
  ]);
  expect(await choices(group)).toEqual(['Replace', 'Keep both', 'Cancel']);
  expect(await seriousViolations(options)).toEqual([]);

  for (let press = 0; press < 3; press++) await options.keyboard.press('Tab');
  expect(await options.evaluate(() => window.document.activeElement?.textContent)).toBe('Cancel');
  await options.keyboard.press('Enter');
  await expect
    .poll(status)
    .toBe('Nothing was imported from field-notes-revised.json; your packs are as they were.');
  expect(await group.count()).toBe(0);
  // The question answered, the focus is back on the file picker.
  expect(
    await options
      .locator('input[type=file]')
      .evaluate((input) => input === input.ownerDocument.activeElement),
  ).toBe(true);
  expect(await packTable()).toEqual(before);
});

test('Keep both adds a numbered copy beside the installed pack', async () => {
  await chooseFile('field-notes-revised.json', JSON.stringify(revisedNotes()));
  const group = question('field-notes-revised.json', 'Field notes from Zolotyi Bereh');
  await group.getByRole('button', { name: 'Keep both' }).click();
  await expect.poll(status).toBe('Imported “Field notes, revised (2)”.');
  await expect.poll(packTable).toEqual([
    ['Field notes from Zolotyi BerehImported · field-notes', '1', '1', '1', '1'],
    ['Field notes, revised (2)Imported · field-notes-2', '1', '1', '1', '2'],
    [expect.stringContaining(bundledPack().title), ...bundledCounts()],
  ]);
  // The copy's content is installed now: the same file again changes nothing.
  await chooseFile('field-notes-revised.json', JSON.stringify(revisedNotes()));
  await expect
    .poll(status)
    .toBe('“Field notes, revised (2)” is already installed (same content), nothing changed.');
});

test('Replace puts the new version in place of the installed one', async () => {
  await options.getByRole('button', { name: 'Remove Field notes, revised (2)' }).click();
  await expect.poll(() => options.locator('table.packs tbody tr').count()).toBe(2);
  await chooseFile('field-notes-revised.json', JSON.stringify(revisedNotes()));
  const group = question('field-notes-revised.json', 'Field notes from Zolotyi Bereh');
  await group.getByRole('button', { name: 'Replace' }).click();
  await expect.poll(status).toBe('Imported “Field notes, revised”.');
  // The list is read again after the import's message: it follows a moment later.
  await expect.poll(packTable).toEqual([
    ['Field notes, revisedImported · field-notes', '1', '1', '1', '2'],
    [expect.stringContaining(bundledPack().title), ...bundledCounts()],
  ]);
});

test('the bundled corpus, exported and imported again, is already installed; a changed copy cannot replace it', async () => {
  const before = await packTable();
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: `Export ${bundledPack().title}` }).click();
  const exported = await readFile(await (await downloading).path(), 'utf8');
  await chooseFile(`${bundledPack().id}.briefings.json`, exported);
  await expect
    .poll(status)
    .toBe(`“${bundledPack().title}” is already installed (same content), nothing changed.`);
  expect(await packTable()).toEqual(before);

  const changed = JSON.parse(exported) as Pack;
  changed.quotes = changed.quotes.slice(1);
  await chooseFile('changed.json', JSON.stringify(changed));
  const group = question('changed.json', bundledPack().title);
  await group.waitFor();
  expect(await choices(group)).toEqual(['Keep both', 'Cancel']);
  expect(await seriousViolations(options)).toEqual([]);
  await group.getByRole('button', { name: 'Cancel' }).click();
  await expect
    .poll(status)
    .toBe('Nothing was imported from changed.json; your packs are as they were.');
  expect(await packTable()).toEqual(before);
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});

function bundledCounts(): string[] {
  const pack = bundledPack();
  return [pack.documents, pack.entities, pack.quotes, pack.events].map((rows) =>
    rows.length.toLocaleString('en'),
  );
}
