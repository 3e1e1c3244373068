/**
 * The first-run page in real Chromium: opened once, on install, with what the installed packs
 * cover (counted from the shipped data here, independently), the shortcuts as the browser has
 * them, and a way back to it from the popup and the options page.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { formatDateRange } from '../../components/briefing/dates';
import type { Pack } from '../../lib/pack/schema';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { callBackground } from '../../scripts/harness/background-calls';
import { builtExtensionDir } from '../../scripts/harness/built-extension';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
  welcomePageOf,
} from '../../scripts/harness/extension-browser';

let profileDir: string;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  profileDir = await mkdtemp(join(tmpdir(), 'briefings-welcome-'));
});

afterEach(async () => {
  await browser?.close();
  browser = null;
});

afterAll(async () => {
  await rm(profileDir, { recursive: true, force: true });
});

async function shipped(): Promise<{ pack: Pack; manifest: chrome.runtime.Manifest }> {
  const dir = builtExtensionDir();
  return {
    pack: JSON.parse(await readFile(join(dir, 'packs/bundled.json'), 'utf8')),
    manifest: JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')),
  };
}

/** The coverage figures as the page shows them: label → value. */
async function coverageShown(page: Page): Promise<Record<string, string>> {
  const coverage = page.getByRole('region', { name: 'What your briefings cover' });
  await coverage.locator('dl').waitFor();
  return Object.fromEntries(
    await coverage
      .locator('dl > div')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('dt')?.textContent ?? '',
          row.querySelector('dd')?.textContent ?? '',
        ]),
      ),
  );
}

test('on install the welcome page opens, with what the bundled briefings cover and the shortcuts', async () => {
  browser = await launchExtensionBrowser({ profileDir, welcomePage: 'keep' });
  const welcome = await welcomePageOf(browser.context, browser.extensionId);
  if (!welcome) throw new Error('no welcome page opened on install');
  await welcome.getByRole('heading', { name: 'Welcome to Briefings', level: 1 }).waitFor();

  const { pack, manifest } = await shipped();
  const dates = pack.documents
    .flatMap((document) => document.publishedAt?.slice(0, 10) ?? [])
    .sort();
  const kinds = (kind: string) =>
    String(pack.entities.filter((entity) => entity.kind === kind).length);
  expect(await coverageShown(welcome)).toMatchObject({
    Articles: String(new Set(pack.documents.map((d) => d.url ?? d.title)).size),
    Outlets: String(new Set(pack.documents.map((d) => d.outlet).filter(Boolean)).size),
    Published: formatDateRange(dates[0] as string, dates.at(-1) as string, null),
    People: kinds('person'),
    Organisations: kinds('organization'),
  });

  // The picture of a briefing loaded from the extension itself.
  const picture = welcome.getByRole('img', { name: /Dmitry Peskov marked/ });
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);

  // The shortcuts as the browser has them bound now (a reader may have changed them; one the
  // browser could not bind says so), with what each does.
  const bound = await welcome.evaluate(() => chrome.commands.getAll());
  const rows = await welcome
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent)),
    );
  const commands = Object.keys(manifest.commands ?? {});
  expect(commands.length).toBeGreaterThan(0);
  for (const name of commands) {
    const command = bound.find((candidate) => candidate.name === name);
    expect(rows).toContainEqual([command?.shortcut || 'Not set', command?.description]);
  }
  const addKeys = bound.find((command) => command.name === 'add-article')?.shortcut;
  const adding = welcome.getByRole('region', { name: 'Add what you read' });
  expect(await adding.textContent()).toContain(addKeys || 'none set');
  expect(await welcome.getByRole('region', { name: 'Nothing leaves your device' }).count()).toBe(1);

  expect(await seriousViolations(welcome)).toEqual([]);
  // Closed by the reader: the next start must not bring it back.
  await welcome.close();
});

test('it is shown once: a restart opens none, and the popup and options reopen it', async () => {
  browser = await launchExtensionBrowser({ profileDir, welcomePage: 'keep' });
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  // The background has started and answers: whatever it opens at start is open by now.
  await callBackground(options, 'getStatus');
  const welcomeUrl = browser.extensionUrl('welcome.html');
  expect(browser.context.pages().map((page) => page.url())).not.toContain(welcomeUrl);

  const fromOptions = options.getByRole('link', { name: 'Welcome: how Briefings works' });
  expect(await fromOptions.getAttribute('href')).toBe(welcomeUrl);

  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  const opened = browser.context.waitForEvent('page');
  await popup.getByRole('link', { name: 'How it works' }).click();
  const reopened = await opened;
  await reopened.waitForURL(welcomeUrl);
  await reopened.getByRole('heading', { name: 'Welcome to Briefings', level: 1 }).waitFor();
  expect(Number((await coverageShown(reopened)).Articles)).toBeGreaterThan(0);
  expect(await seriousViolations(popup)).toEqual([]);
});
