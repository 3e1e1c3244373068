/**
 * The spotting rules in real Chromium with the built extension and its bundled corpus: one
 * fixture page per behaviour (tests/fixtures/spotting), mark.js-style.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../../scripts/harness/extension-browser';
import { type StaticServer, startStaticServer } from '../../scripts/harness/static-server';
import {
  markedNames,
  marksOn,
  openSpottedPage,
  recorded,
  updateSettings,
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

/** Opens a fixture, checks the page text did not change, and returns the names marked in it. */
async function namesMarkedIn(fixture: string): Promise<[string, string][]> {
  const spotted = await openSpottedPage(browser, `${server.origin}/${fixture}`);
  try {
    const { pristineText } = await recorded(spotted.page);
    expect(await spotted.page.evaluate(() => document.body.textContent)).toBe(pristineText);
    expect(spotted.pageErrors).toEqual([]);
    return await markedNames(spotted.page);
  } finally {
    await spotted.close();
  }
}

describe('matching', () => {
  test('whole words only', async () => {
    expect(await namesMarkedIn('whole-words.html')).toEqual([['Putin', 'vladimir-putin']]);
  });

  test('the longest alias wins', async () => {
    expect(await namesMarkedIn('longest-alias.html')).toEqual([
      ['Vladimir Putin', 'vladimir-putin'],
      ['Xi Jinping', 'xi-jinping'],
      ['Volodymyr Zelenskyy', 'volodymyr-zelensky'],
      ['Dmitry Peskov', 'dmitry-peskov'],
      ['International Criminal Court', 'icc'],
      ['Ukraine war', 'war-in-ukraine'],
    ]);
  });

  test('possessives, brackets, quotes and dashes around a name', async () => {
    expect(await namesMarkedIn('punctuation.html')).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Xi', 'xi-jinping'],
      ['Kremlin', 'kremlin'],
      ['Peskov', 'dmitry-peskov'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Blinken', 'antony-blinken'],
      ['NATO', 'nato'],
      ['Russia', 'russia'],
      ['China', 'china'],
    ]);
  });

  test('a name split across inline elements counts; across blocks or chips it does not', async () => {
    expect(await namesMarkedIn('split-inline.html')).toEqual([
      ['Xi Jinping', 'xi-jinping'],
      ['Xi Jinping', 'xi-jinping'],
      ['Vladimir Putin', 'vladimir-putin'],
      ['Dmitry Peskov', 'dmitry-peskov'],
      ['Volodymyr Zelensky', 'volodymyr-zelensky'],
      ['Putin', 'vladimir-putin'],
      ['Vladimir Putin', 'vladimir-putin'],
    ]);
  });

  test('case: names as written, capitals for long names, never "XI" or "Nato"', async () => {
    expect(await namesMarkedIn('case.html')).toEqual([
      ['PUTIN', 'vladimir-putin'],
      ['Xi', 'xi-jinping'],
      ['NATO', 'nato'],
      ['US', 'united-states'],
    ]);
  });

  test('context-required aliases only where the page names the entity outright', async () => {
    expect(await namesMarkedIn('context-required.html')).toEqual([
      ['Qin', 'qin-gang'],
      ['Qin Gang', 'qin-gang'],
    ]);
  });
});

describe('what is marked', () => {
  test('nothing that is not prose or not the page’s own visible text', async () => {
    const spotted = await openSpottedPage(browser, `${server.origin}/skipped.html`);
    try {
      expect(await markedNames(spotted.page)).toEqual([
        ['Blinken', 'antony-blinken'],
        ['Peskov', 'dmitry-peskov'],
      ]);
      expect(
        await spotted.page.evaluate(() => ({
          input: document.querySelector('input')?.value,
          textarea: document.querySelector('textarea')?.value,
          title: document.title,
          editable: document.querySelector('[contenteditable]')?.innerHTML,
        })),
      ).toEqual({
        input: 'Putin',
        textarea: 'Putin in a textarea',
        title: 'Putin in the title',
        editable: '<p>Putin while editing</p>',
      });
    } finally {
      await spotted.close();
    }
  });

  test('open shadow roots are scanned; closed ones are not ours to read', async () => {
    const spotted = await openSpottedPage(browser, `${server.origin}/shadow-root.html`);
    try {
      expect(await marksOn(spotted.page)).toEqual([
        ['Blinken', 'antony-blinken'],
        ['Zelensky', 'volodymyr-zelensky'],
        ['Peskov', 'dmitry-peskov'],
      ]);
      // The mark style reaches into the shadow root too.
      const underline = await spotted.page.evaluate(() => {
        const mark = document.getElementById('scripted')?.shadowRoot?.querySelector('mark');
        return mark ? getComputedStyle(mark).textDecorationStyle : null;
      });
      expect(underline).toBe('dotted');
    } finally {
      await spotted.close();
    }
  });

  test('places at their first mention, people at every one; every place when asked', async () => {
    expect(await namesMarkedIn('density.html')).toEqual([
      ['Russia', 'russia'],
      ['Putin', 'vladimir-putin'],
      ['Moscow', 'moscow'],
      ['Putin', 'vladimir-putin'],
      ['Putin', 'vladimir-putin'],
      ['Kremlin', 'kremlin'],
    ]);
    await updateSettings(browser, { markEveryPlaceMention: true });
    try {
      const names = await namesMarkedIn('density.html');
      expect(names.filter(([, entity]) => entity === 'russia')).toHaveLength(4);
      expect(names.filter(([, entity]) => entity === 'moscow')).toHaveLength(2);
    } finally {
      await updateSettings(browser, { markEveryPlaceMention: false });
    }
  });

  test('marks look like marks: focusable, underlined, in the page’s own font and colour', async () => {
    const spotted = await openSpottedPage(browser, `${server.origin}/longest-alias.html`);
    try {
      const look = await spotted.page.evaluate(() => {
        const mark = document.querySelector('mark.briefings-mark') as HTMLElement;
        const paragraph = mark.closest('p') as HTMLElement;
        const markStyle = getComputedStyle(mark);
        const paragraphStyle = getComputedStyle(paragraph);
        return {
          tabIndex: mark.tabIndex,
          decoration: markStyle.textDecorationLine,
          sameColour: markStyle.color === paragraphStyle.color,
          sameFont: markStyle.fontFamily === paragraphStyle.fontFamily,
          background: markStyle.backgroundColor,
        };
      });
      expect(look).toEqual({
        tabIndex: 0,
        decoration: 'underline',
        sameColour: true,
        sameFont: true,
        background: 'rgba(0, 0, 0, 0)',
      });
    } finally {
      await spotted.close();
    }
  });
});

describe('where the reading is', () => {
  test('the article and its headline are marked; around them as soon as the reader asks', async () => {
    const inArticle = [
      ['Putin', 'vladimir-putin'],
      ['Xi Jinping', 'xi-jinping'],
      ['Moscow', 'moscow'],
      ['Vladimir Putin', 'vladimir-putin'],
      ['Russia', 'russia'],
      ['China', 'china'],
      ['Peskov', 'dmitry-peskov'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Kyiv', 'kyiv'],
    ];
    const spotted = await openSpottedPage(browser, `${server.origin}/region.html`);
    try {
      expect(await markedNames(spotted.page)).toEqual(inArticle);
      // The page already open follows the setting; the edition picker, furniture, stays unmarked.
      await updateSettings(browser, { markWholePage: true });
      await expect
        .poll(() => markedNames(spotted.page))
        .toEqual([
          ...inArticle,
          ['Ukraine war', 'war-in-ukraine'],
          ['Blinken', 'antony-blinken'],
          ['Brussels', 'brussels'],
          ['Stoltenberg', 'jens-stoltenberg'],
          ['NATO', 'nato'],
          ['Crimea', 'crimea'],
        ]);
      expect(spotted.pageErrors).toEqual([]);
    } finally {
      await updateSettings(browser, { markWholePage: false });
      await spotted.close();
    }
  });

  test('a page that does not say where its article is: the block of prose is', async () => {
    expect(await namesMarkedIn('region-scored.html')).toEqual([
      ['Xi Jinping', 'xi-jinping'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Xi Jinping', 'xi-jinping'],
      ['Volodymyr Zelenskyy', 'volodymyr-zelensky'],
      ['Beijing', 'beijing'],
      ['Kyiv', 'kyiv'],
      ['Zaporizhzhia', 'zaporizhzhia'],
      ['Dmitry Peskov', 'dmitry-peskov'],
      ['Kremlin', 'kremlin'],
      ['Moscow', 'moscow'],
    ]);
  });

  test('never in furniture, an amount or the page’s own outlet, wherever they are', async () => {
    expect(await namesMarkedIn('furniture.html')).toEqual([
      ['Blinken', 'antony-blinken'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Kyiv', 'kyiv'],
      ['Antony Blinken', 'antony-blinken'],
      ['Volodymyr Zelenskyy', 'volodymyr-zelensky'],
      ['Blinken', 'antony-blinken'],
      ['US', 'united-states'],
      ['Peskov', 'dmitry-peskov'],
      ['The New York Times', 'new-york-times'],
    ]);
  });
});

test('no page and no part of the extension asked for anything outside 127.0.0.1', () => {
  expect(browser.offsiteRequests).toEqual([]);
});
