/**
 * Driving pages with the built extension for the spotting tests (e2e and real pages): open a
 * page, wait until Briefings has finished its batched work (its 'briefings:scan-idle' event,
 * never a sleep), read the marks, switch the extension off and on for the site as the popup does.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { callBackground } from '../../scripts/harness/background-calls';
import type { ExtensionBrowser } from '../../scripts/harness/extension-browser';

/** What the page's main world records of Briefings's events (set up before any page script). */
interface Recorder {
  idleEvents: number;
  lastIdleMarks: number | null;
  /** Per idle report: text segments read since the previous one (what the work cost). */
  segmentsRead: number[];
  /** The page just before the first mark went in: what "as it was" means. */
  pristineHtml: string | null;
  pristineText: string | null;
}

declare global {
  interface Window {
    briefingsRecorder?: Recorder;
  }
}

/**
 * Runs in the page before its own scripts: Playwright's addInitScript (Chromium), puppeteer's
 * evaluateOnNewDocument (Firefox).
 */
export function recordBriefingsEvents(): void {
  const recorder: Recorder = {
    idleEvents: 0,
    lastIdleMarks: null,
    segmentsRead: [],
    pristineHtml: null,
    pristineText: null,
  };
  window.briefingsRecorder = recorder;
  window.addEventListener('briefings:marking-start', () => {
    recorder.pristineHtml ??= document.documentElement.outerHTML;
    recorder.pristineText ??= document.body.textContent;
  });
  window.addEventListener('briefings:scan-idle', (event) => {
    recorder.idleEvents++;
    const { detail } = event as CustomEvent<{ marks: number; segmentsRead: number } | null>;
    recorder.lastIdleMarks = detail?.marks ?? null;
    recorder.segmentsRead.push(detail?.segmentsRead ?? Number.NaN);
  });
}

/** A page of either driver, Playwright (Chromium) or puppeteer (Firefox): both run a script in it. */
export interface RunsPageScripts {
  evaluate<Result>(script: () => Result): Promise<Result>;
}

export interface SpottedPage {
  page: Page;
  /** Uncaught errors in the page (its own scripts or anything we could have broken). */
  pageErrors: string[];
  /** console.error and console.warn messages, with where they came from. */
  consoleProblems: string[];
  close(): Promise<void>;
}

/** Opens `url` in a new tab and waits until Briefings's first batches are done. */
export async function openSpottedPage(
  browser: ExtensionBrowser,
  url: string,
  options: { waitForIdle?: boolean } = {},
): Promise<SpottedPage> {
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  const consoleProblems: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      consoleProblems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  await page.addInitScript(recordBriefingsEvents);
  await page.goto(url, { waitUntil: 'load' });
  if (options.waitForIdle ?? true) await waitForIdle(page, 1);
  return { page, pageErrors, consoleProblems, close: () => page.close() };
}

/** Waits until Briefings has reported idle at least `count` times on this page. */
export async function waitForIdle(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => (window.briefingsRecorder?.idleEvents ?? 0) >= expected,
    count,
    {
      timeout: 30_000,
    },
  );
}

export function idleCount(page: Page): Promise<number> {
  return page.evaluate(() => window.briefingsRecorder?.idleEvents ?? 0);
}

export function recorded(page: Page): Promise<Recorder> {
  return page.evaluate(() => {
    if (!window.briefingsRecorder) throw new Error('the recorder is not on this page');
    return window.briefingsRecorder;
  });
}

/** [text, entity id] of every mark, in document order, open shadow roots included. */
export function marksOn(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const found: [string, string][] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches('mark.briefings-mark')) {
          found.push([
            element.textContent ?? '',
            element.getAttribute('data-briefings-entity') ?? '',
          ]);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

/** Names as marked, a name split over elements joined back into one ("Xi" + " Jinping"). */
export async function markedNames(page: RunsPageScripts): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('mark.briefings-mark')]
      .filter((mark) => mark.hasAttribute('tabindex'))
      .map((first) => {
        let text = first.textContent ?? '';
        const entity = first.getAttribute('data-briefings-entity') ?? '';
        // Later parts of the same name cannot take focus and follow in document order.
        const all = [...document.querySelectorAll<HTMLElement>('mark.briefings-mark')];
        for (const part of all.slice(all.indexOf(first) + 1)) {
          if (part.hasAttribute('tabindex')) break;
          text += part.textContent ?? '';
        }
        return [text, entity] as [string, string];
      }),
  );
}

/** Switches Briefings on or off for a site, as the popup does (through the background). */
export async function setSiteEnabled(
  browser: ExtensionBrowser,
  host: string,
  enabled: boolean,
): Promise<void> {
  const extensionPage = await browser.context.newPage();
  try {
    await extensionPage.goto(browser.extensionUrl('options.html'));
    await callBackground(extensionPage, 'setSiteEnabled', { host, enabled });
  } finally {
    await extensionPage.close();
  }
}

/** Changes general settings (pause everywhere, every place mention), as the popup does. */
export async function updateSettings(
  browser: ExtensionBrowser,
  change: { paused?: boolean; markEveryPlaceMention?: boolean; markWholePage?: boolean },
): Promise<void> {
  const extensionPage = await browser.context.newPage();
  try {
    await extensionPage.goto(browser.extensionUrl('options.html'));
    await callBackground(extensionPage, 'updateSettings', change);
  } finally {
    await extensionPage.close();
  }
}

/** Asks the tab's content script for its summary, as the popup does. */
export async function pageSummaryOf(browser: ExtensionBrowser, url: string) {
  // Tabs are found by URL pattern, which has no fragment.
  const { origin, pathname, search } = new URL(url);
  return browser.serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    if (tab?.id === undefined) throw new Error(`no tab shows ${pageUrl}`);
    return chrome.tabs.sendMessage(tab.id, {
      id: 1,
      type: 'getPageSummary',
      data: undefined,
      timestamp: Date.now(),
    }) as Promise<{ res?: { url: string; active: boolean; mentions: Record<string, number> } }>;
  }, `${origin}${pathname}${search}`);
}
