/**
 * Malformed and hostile packs and articles (tests/fixtures/hostile), each chosen in the real
 * options page's file input. Every one is refused with a reason a reader understands, or
 * accepted and harmless: no payload ran in any page, no link other than https appeared, and a
 * page with marks still answers at once.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AccessibleView } from '../../scripts/harness/accessible-view';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { HOSTILE_FILES, type HostileFile, PAYLOAD_FLAG } from '../fixtures/hostile/hostile-files';
import { smallPack } from '../support/packs';

/** How long a page may take to answer once marked: a frozen page takes seconds. */
const RESPONSIVE_MS = 1_000;

let browser: ExtensionBrowser;
let server: StaticServer;
let options: Page;
let folder: string;

beforeAll(async () => {
  browser = await launchExtensionBrowser();
  server = await startStaticServer();
  folder = await mkdtemp(join(tmpdir(), 'briefings-hostile-'));
  options = await browser.context.newPage();
  options.on('dialog', (dialog) => dialog.accept());
  await options.goto(browser.extensionUrl('options.html'));
  await options.locator('table.packs tbody tr').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Chooses the file in the options page; resolves to the outcome shown once it has `words`. */
async function choose(file: HostileFile, words: string): Promise<string> {
  const path = join(folder, file.name);
  await writeFile(path, file.contents());
  await options.locator('input[type=file]').setInputFiles(path);
  // Until the import ends, the status says it is working on the file.
  const shown = async () => {
    const text = (await options.locator('.import-status').first().textContent()) ?? '';
    return text.startsWith('Importing ') ? '' : text;
  };
  await expect.poll(shown, { timeout: 30_000 }).toContain(words);
  return shown();
}

/** Links in a document that go anywhere but https (or the extension's own pages). */
function unsafeLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href], area[href]')]
      .map((link) => link.getAttribute('href') ?? '')
      .filter((href) => !/^(https:|chrome-extension:|#|\?|[\w-]+\.html)/.test(href)),
  );
}

const payloadRan = (page: Page) => page.evaluate((flag) => flag in window, PAYLOAD_FLAG);

for (const file of HOSTILE_FILES) {
  const outcome = file.outcome;
  if ('refused' in outcome) {
    test(`${file.name} is refused with a reason a reader understands`, async () => {
      const before = await callBackground(options, 'listPacks');
      const shown = await choose(file, `${file.name}:`);
      for (const words of outcome.refused) expect(shown).toContain(words);
      // Never a raw browser message.
      expect(shown).not.toMatch(/64MiB|message channel|establish connection|Error:/);
      expect(await callBackground(options, 'listPacks')).toEqual(before);
    });
  } else {
    test(`${file.name} is accepted and harmless`, async () => {
      const shown = await choose(file, outcome.accepted);
      expect(shown).not.toMatch(/not imported/i);
      await options.reload();
      await options.locator('table.packs tbody tr').first().waitFor();
      expect(await payloadRan(options)).toBe(false);
      expect(await unsafeLinks(options)).toEqual([]);
      if (outcome.spotName) await cardIsHarmless(outcome.spotName);
    });
  }
}

/** A web page naming the entity: marked, answering, and its card shows the pack's text as text. */
async function cardIsHarmless(name: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(
      server.page(
        `/hostile-${name.toLowerCase().replace(/\W+/g, '-')}.html`,
        `<!doctype html><title>Report</title><p>In the morning ${name} spoke to a crowd; the mayor and the council listened.</p><p>Then the talks went on, and I left.</p>`,
      ),
    );
    const mark = page.locator('mark', { hasText: name });
    await mark.first().waitFor();
    // Ordinary words are never marked, whatever a pack's aliases say.
    expect(await page.locator('mark').allTextContents()).toEqual([name]);
    const asked = Date.now();
    await page.evaluate(() => document.body.childElementCount);
    expect(Date.now() - asked).toBeLessThan(RESPONSIVE_MS);

    const view = await AccessibleView.of(page);
    const box = await mark.first().boundingBox();
    if (!box) throw new Error(`the ${name} mark is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const card = await view.waitFor('dialog', name);
    const text = await view.text(card);
    const links = await view.evaluate(card, (element) =>
      [...element.querySelectorAll('a[href]')].map((link) => link.getAttribute('href') ?? ''),
    );
    expect(links.filter((href) => !href.startsWith('https:'))).toEqual([]);
    expect(await payloadRan(page)).toBe(false);
    expect(text).not.toBe('');
  } finally {
    await page.close();
  }
}

test('the script pack shows its markup as text in the card, and no payload ran anywhere', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(
      server.page(
        '/script-card.html',
        '<!doctype html><title>R</title><p>Olena Kovalenko said so.</p>',
      ),
    );
    const view = await AccessibleView.of(page);
    const mark = page.locator('mark', { hasText: 'Olena Kovalenko' }).first();
    await mark.waitFor();
    const box = await mark.boundingBox();
    if (!box) throw new Error('the mark is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const card = await view.waitFor('dialog', 'Olena Kovalenko');
    await expect
      .poll(() => view.text(card))
      .toContain('<script>window.hostilePayloadRan=1</script>');
    expect(await payloadRan(page)).toBe(false);
  } finally {
    await page.close();
  }
});

test('an import whose worker the browser stops midway is finished by the next one, and the page says it is imported', async () => {
  const many = smallPack('many-names', { title: 'Many names' });
  const [model] = many.entities;
  if (!model) throw new Error('the small pack has an entity');
  many.entities = many.entities.concat(
    Array.from({ length: 20_000 }, (_, index) => ({
      ...model,
      id: `many-${index}`,
      name: `Many ${index.toString(36)} Names`,
      aliases: [],
      roles: [],
    })),
  );
  const before = await callBackground(options, 'listPacks');
  const path = join(folder, 'many-names.json');
  await writeFile(path, JSON.stringify(many));
  await options.locator('input[type=file]').setInputFiles(path);
  await options
    .getByRole('status')
    .filter({ hasText: 'Importing many-names.json: saving names…' })
    .waitFor();
  // The browser stops the extension's worker midway, as it may at any time.
  const cdp = await options.context().newCDPSession(options);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker');
  if (!worker) throw new Error('no service worker target');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });

  await expect
    .poll(() => options.getByRole('status').textContent(), { timeout: 60_000 })
    .toBe('Imported “Many names”.');
  const after = await callBackground(options, 'listPacks');
  expect(after.map((pack) => pack.id).sort()).toEqual(
    [...before.map((pack) => pack.id), 'many-names'].sort(),
  );
  expect(await callBackground(options, 'checkConsistency')).toEqual([]);
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
