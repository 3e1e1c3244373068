/**
 * A briefing a reader can trust at a glance, on the card in real Chromium with the built
 * extension: what it rests on and how that sits against the page's own date, strong material
 * first (a few quoted words only in their sentence), one role for titles that say the same
 * thing, no repeats when a pack is installed twice, and a card as light or dark as its page.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Pack } from '../../lib/pack/schema';
import { seriousViolations } from '../../scripts/harness/accessibility';
import { type AccessibleElement, AccessibleView } from '../../scripts/harness/accessible-view';
import { callBackground } from '../../scripts/harness/background-calls';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { importOnOptionsPage } from '../../scripts/harness/options-import';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import { anotherVersionOf } from '../support/packs';

/** A news page from December 2016, as its metadata says, in the page's own colours. */
function articlePage(colours: { background: string; text: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Putin sends a message to Washington</title>
<meta property="article:published_time" content="2016-12-18T09:30:00Z">
<style>
  body { margin: 0; background: ${colours.background}; color: ${colours.text}; font: 19px/1.6 Georgia, serif; }
  main { max-width: 660px; margin: 0 auto; padding: 40px 24px 600px; }
</style>
</head>
<body>
<main>
  <h1>Putin sends a message to Washington</h1>
  <p>Vladimir Putin said on Sunday that he was ready to talk. The Kremlin gave no date, and
  Dmitry Peskov declined to say more.</p>
</main>
</body>
</html>`;
}

let browser: ExtensionBrowser;
let server: StaticServer;
let lightUrl: string;
let darkUrl: string;
let page: Page;
let view: AccessibleView;

beforeAll(async () => {
  server = await startStaticServer();
  lightUrl = server.page('/2016/light.html', articlePage({ background: '#fdfdfb', text: '#111' }));
  darkUrl = server.page('/2016/dark.html', articlePage({ background: '#15171a', text: '#e8e8e8' }));
  browser = await launchExtensionBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await page?.close();
});

async function open(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(url);
  await page.waitForSelector('mark.briefings-mark[data-briefings-entity="vladimir-putin"]');
  view = await AccessibleView.of(page);
}

/** Points at the first mark of an entity and waits for its card, loaded. */
async function cardFor(entityId: string, name: string): Promise<AccessibleElement> {
  const box = await page
    .locator(`mark.briefings-mark[data-briefings-entity="${entityId}"]`)
    .first()
    .boundingBox();
  if (!box) throw new Error(`no ${entityId} mark on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const card = await view.waitFor('dialog', name);
  // Shown once the briefing is in (the heading alone is there while it loads).
  await view.waitFor('button', 'Open in Briefings');
  return card;
}

async function withOptionsPage<T>(call: (options: Page) => Promise<T>): Promise<T> {
  const options = await browser.context.newPage();
  try {
    await options.goto(browser.extensionUrl('options.html'));
    return await call(options);
  } finally {
    await options.close();
  }
}

/** The card's background, as painted, and whether it is dark (relative luminance). */
function cardIsDark(card: AccessibleElement): Promise<boolean> {
  return view.evaluate(card, (element) => {
    const [red = 0, green = 0, blue = 0] = (
      getComputedStyle(element).backgroundColor.match(/[\d.]+/g) ?? []
    ).map(Number);
    const linear = (c: number) =>
      c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue) < 0.18;
  });
}

describe('time and scope', () => {
  test('the card says what the briefing rests on and that it is later than this 2016 page', async () => {
    await open(lightUrl);
    const card = await cardFor('vladimir-putin', 'Vladimir Putin');
    const text = await view.text(card);
    expect(text).toMatch(/Based on \d+ articles, \d{1,2} \w{3}( \d{4})? – \d{1,2} \w{3} \d{4}/);
    expect(text).toContain('This page: 18 Dec 2016. This briefing: 2023, later than this page.');
  });

  test('the popup shows the same scope line for a briefing', async () => {
    page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html?entity=vladimir-putin'));
    const scope = page.locator('.bf-scope__basis');
    await scope.waitFor();
    expect(await scope.textContent()).toMatch(/^Based on \d+ articles, .+ \d{4}$/);
    // The popup is not on a page: no relation to a page's date.
    expect(await page.locator('.bf-scope__page').count()).toBe(0);
  });
});

/** The titles for Putin's office that the packs print. */
const SAME_ROLE = /^Russia(n|[’']s) President$/;

describe('strongest material first', () => {
  test('a few quoted words are never shown alone: only folded away, in their sentence', async () => {
    await open(lightUrl);
    const card = await cardFor('kremlin', 'Kremlin');
    const shown = await view.evaluate(card, (element) => ({
      quotes: [...element.querySelectorAll('.bf-quote__text')].map((quote) => quote.textContent),
      alsoOpen: element.querySelector('details.bf-also')?.hasAttribute('open') ?? null,
    }));
    const words = (quote: string | null) => (quote ?? '').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    for (const quote of shown.quotes) expect(words(quote), quote ?? '').toBeGreaterThan(5);
    expect(shown.alsoOpen).toBe(false);

    const inContext = await view.evaluate(card, (element) => {
      element.querySelector<HTMLElement>('details.bf-also > summary')?.click();
      return [...element.querySelectorAll('.bf-quote__context')]
        .filter((sentence) => sentence.checkVisibility())
        .map((sentence) => ({
          sentence: sentence.textContent ?? '',
          quoted: sentence.querySelector('mark')?.textContent ?? '',
        }));
    });
    expect(inContext.length).toBeGreaterThan(0);
    for (const { sentence, quoted } of inContext) {
      expect(words(quoted)).toBeLessThanOrEqual(5);
      // The sentence says more than the quoted words: it is the source's own sentence.
      expect(words(sentence)).toBeGreaterThan(words(quoted) + 3);
    }
  });

  test('roles that say the same thing from two packs are one, with the sources of both', async () => {
    await open(lightUrl);
    const before = await rolesOf(await cardFor('vladimir-putin', 'Vladimir Putin'));
    await page.close();
    // The bundled pack itself gives "Russia’s President" and "Russian President": one role.
    const [role] = before;
    expect(before).toHaveLength(1);
    expect(role?.title).toMatch(SAME_ROLE);

    const text = 'Russian President Vladimir Putin spoke to reporters on Friday.';
    const pack = {
      format: 'briefings-pack',
      version: 1,
      id: 'desk-notes',
      title: 'Desk notes',
      createdAt: '2023-05-05',
      documents: [
        {
          id: 'desk-1',
          title: 'Putin speaks to reporters',
          outlet: 'Desk Notes',
          publishedAt: '2023-05-05',
          datePrecision: 'day',
          dateBasis: 'printed',
          text,
        },
      ],
      entities: [
        {
          id: 'vladimir-putin',
          name: 'Vladimir Putin',
          kind: 'person',
          aliases: [],
          description: '',
          roles: [
            {
              title: 'Russian President',
              sources: [{ documentId: 'desk-1', start: 0, end: 'Russian President'.length }],
            },
          ],
          origin: 'gazetteer',
        },
      ],
      quotes: [],
      events: [],
    };
    const outcome = await withOptionsPage((options) =>
      importOnOptionsPage(options, { name: 'desk-notes.json', text: JSON.stringify(pack) }),
    );
    expect(outcome).toMatchObject({ ok: true });
    try {
      await open(lightUrl);
      const after = await rolesOf(await cardFor('vladimir-putin', 'Vladimir Putin'));
      expect(after).toHaveLength(1);
      expect(after[0]?.title).toMatch(SAME_ROLE);
      expect(after[0]?.sources).toBe((role?.sources ?? 0) + 1);
    } finally {
      await withOptionsPage((options) =>
        callBackground(options, 'removePack', { packId: 'desk-notes' }),
      );
    }
  });

  /** Each role's title and how many sources it names ("N sources", or one). */
  function rolesOf(card: AccessibleElement) {
    return view.evaluate(card, (element) =>
      [...element.querySelectorAll('.bf-role')].map((role) => ({
        title: role.querySelector('.bf-role__title')?.textContent ?? '',
        sources: role.querySelectorAll('.bf-sources__list li').length || 1,
      })),
    );
  }
});

describe('a pack installed twice ("Keep both")', () => {
  test('the card shows every quote once, with one set of sources', async () => {
    await open(lightUrl);
    const before = await quotesOf(await cardFor('dmitry-peskov', 'Dmitry Peskov'));
    await page.close();

    const copy = await withOptionsPage(async (options) => {
      const [bundled] = await callBackground(options, 'listPacks');
      if (!bundled) throw new Error('no bundled pack');
      const file = await callBackground(options, 'exportPack', { packId: bundled.id });
      const copy = JSON.stringify(anotherVersionOf(JSON.parse(file.text) as Pack));
      return importOnOptionsPage(
        options,
        { name: 'copy.json', text: copy },
        { choice: 'Keep both' },
      );
    });
    expect(copy.ok).toBe(true);
    expect(await withOptionsPage((options) => callBackground(options, 'listPacks'))).toHaveLength(
      2,
    );

    await open(lightUrl);
    const after = await quotesOf(await cardFor('dmitry-peskov', 'Dmitry Peskov'));
    expect(after).toEqual(before);
    expect(new Set(after.map((quote) => quote.text)).size).toBe(after.length);
  });

  /** Every quote in the card, shown or not yet, with how many sources it lists. */
  function quotesOf(card: AccessibleElement) {
    return view.evaluate(card, (element) =>
      [...element.querySelectorAll('.bf-quote')].map((quote) => ({
        text: quote.querySelector('.bf-quote__text, .bf-quote__context')?.textContent ?? '',
        sources: quote.querySelectorAll('.bf-sources__list li').length || 1,
      })),
    );
  }
});

describe('light or dark like the page', () => {
  test('a light card on a light page and a dark card on a dark page, whatever the system says', async () => {
    await open(lightUrl, 'dark');
    expect(await cardIsDark(await cardFor('vladimir-putin', 'Vladimir Putin'))).toBe(false);
    await page.close();

    await open(darkUrl, 'light');
    const card = await cardFor('vladimir-putin', 'Vladimir Putin');
    expect(await cardIsDark(card)).toBe(true);
    // The dark card on its dark page reads well: axe on its markup in an open page.
    const markup = await view.evaluate(
      card,
      (element) => (element.getRootNode() as ShadowRoot).innerHTML,
    );
    const copy = await browser.context.newPage();
    await copy.emulateMedia({ colorScheme: 'light' });
    await copy.goto(
      server.page(
        '/card-dark.html',
        `<!doctype html><html lang="en"><head><title>Card</title></head><body style="background:#15171a">${markup}</body></html>`,
      ),
    );
    expect(await seriousViolations(copy)).toEqual([]);
    await copy.close();
  });

  test("the reader's choice in options wins over the page", async () => {
    await withOptionsPage((options) =>
      callBackground(options, 'updateSettings', { cardAppearance: 'dark' }),
    );
    try {
      await open(lightUrl, 'light');
      expect(await cardIsDark(await cardFor('vladimir-putin', 'Vladimir Putin'))).toBe(true);
    } finally {
      await withOptionsPage((options) =>
        callBackground(options, 'updateSettings', { cardAppearance: 'page' }),
      );
    }
  });
});
