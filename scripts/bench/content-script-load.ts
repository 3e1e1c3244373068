/**
 * The content script as a reader meets it, in Chromium with the built extension: what it weighs,
 * what its injection costs the page, which long tasks it causes while marking, and how long the
 * first card takes in a fresh tab. Figures come from DevTools traces of the page's main thread
 * (see page-trace.ts); each load is a fresh tab, and every figure is the least of three loads.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { CONTENT_CHUNK_DIR } from '../../lib/page/content-chunk-paths';
import { builtExtensionDir } from '../harness/built-extension';
import { type ExtensionBrowser, launchExtensionBrowser } from '../harness/extension-browser';
import {
  fromExtension,
  longTasks,
  type PageTask,
  type PageTrace,
  type ScriptInjection,
  startTrace,
} from './page-trace';

/** The script every page gets, as the manifest names it. */
const CONTENT_SCRIPT = 'briefings-page.js';
export const LOADS = 3;
const FIRST_HOVER_TABS = 5;
/** How long the test build may take to mark a large page. */
const SCAN_TIMEOUT_MS = 120_000;

/**
 * Recorded in the page from its first script, in plain JavaScript (no helper of this script's
 * compiler can reach the page): the page's last layout shift, when the pass over the page ends,
 * when the pointer first reaches a mark once armed, and the first frame after the card then
 * opens (a card opening later, or the pointer meeting the mark again as the page changes, does
 * not count). The event names are the test build's (lib/page/start.ts SCAN_IDLE_EVENT,
 * lib/popover/controller.ts POPOVER_OPEN_EVENT).
 */
const PAGE_RECORDER = `
  window.briefingsBench = { scanned: false, armed: false, pointerAt: null, cardVisibleAt: null, shiftedAt: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.briefingsBench.shiftedAt = entry.startTime;
  }).observe({ type: 'layout-shift', buffered: true });
  window.addEventListener('briefings:scan-idle', () => { window.briefingsBench.scanned = true; });
  document.addEventListener('pointerover', (event) => {
    const bench = window.briefingsBench;
    if (bench.armed && event.target.closest?.('mark.briefings-mark')) {
      bench.armed = false;
      bench.pointerAt = performance.now();
    }
  }, true);
  window.addEventListener('briefings:popover-open', () => {
    const bench = window.briefingsBench;
    if (bench.pointerAt === null || bench.cardVisibleAt !== null) return;
    requestAnimationFrame(() => { bench.cardVisibleAt = performance.now(); });
  });
`;

interface RecordedTimes {
  scanned: boolean;
  pointerAt: number | null;
  cardVisibleAt: number | null;
}
const recorded = (page: Page) =>
  page.evaluate('window.briefingsBench') as Promise<RecordedTimes | undefined>;

/** As in lib/popover/controller.ts: how long the pointer rests on a name before the card opens. */
export const HOVER_INTENT_MS = 120;

export interface ScriptSize {
  bytes: number;
  gzipBytes: number;
}

/** What every page loads: the injected script, and the work it imports once the page is idle. */
export interface ContentScriptSizes {
  injected: ScriptSize;
  pageWork: ScriptSize;
}

/** The release build's content script and its page chunk, as shipped. */
export function contentScriptSizes(): ContentScriptSizes {
  const sizeOf = (file: string): ScriptSize => {
    const code = readFileSync(join(builtExtensionDir('release'), file));
    return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  };
  return {
    injected: sizeOf(CONTENT_SCRIPT),
    pageWork: sizeOf(`${CONTENT_CHUNK_DIR}/page.js`),
  };
}

/** One load of a page, traced from navigation until the content script's first pass is over. */
export interface LoadFigures {
  injection: ScriptInjection;
  /** Long tasks that ran our code, longest first. */
  ourLongTasks: PageTask[];
  /** The page's own long tasks (none of our code in them), for context. */
  pageLongTasks: PageTask[];
  marks: number;
}

async function tracedLoad(browser: ExtensionBrowser, url: string): Promise<LoadFigures> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript({ content: PAGE_RECORDER });
    const trace = await startTrace(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction('window.briefingsBench.scanned === true', undefined, {
      timeout: SCAN_TIMEOUT_MS,
    });
    const pageTrace = await trace.stop();
    const injection = injectionIn(pageTrace, browser, url);
    const long = longTasks(pageTrace.tasks(fromExtension(browser.extensionId)));
    const marks = await page.locator('mark.briefings-mark').count();
    return { injection, ourLongTasks: long.ours, pageLongTasks: long.page, marks };
  } finally {
    await page.close();
  }
}

function injectionIn(
  trace: PageTrace,
  browser: ExtensionBrowser,
  url: string,
  script = CONTENT_SCRIPT,
): ScriptInjection {
  const scriptUrl = browser.extensionUrl(script);
  const injection = trace.injection(scriptUrl);
  if (!injection) throw new Error(`the trace of ${url} shows no run of ${scriptUrl}`);
  return injection;
}

/** The injection task, and all our work from it until the first mark. */
export interface InjectionFigures {
  injection: ScriptInjection;
  /** Every task that ran our code until the first mark was on the page. */
  untilFirstMark: { tasks: number; longestCpuMs: number; totalCpuMs: number };
}

/**
 * The injection task, least of three fresh loads, traced until the first mark is on the page:
 * for the release build, which says nothing to the page about its work. With it, what our code
 * did in that load until the first mark (the injected script imports its work in idle time).
 */
export async function measureInjection(
  browser: ExtensionBrowser,
  url: string,
): Promise<InjectionFigures> {
  const loads: InjectionFigures[] = [];
  for (let index = 0; index < LOADS; index++) {
    const trace = await tracedUntil(browser, url, (page) =>
      page
        .locator('mark.briefings-mark')
        .first()
        .waitFor({ state: 'attached', timeout: SCAN_TIMEOUT_MS }),
    );
    const ours = trace.tasks(fromExtension(browser.extensionId)).filter((task) => task.ours);
    loads.push({
      injection: injectionIn(trace, browser, url),
      untilFirstMark: {
        tasks: ours.length,
        longestCpuMs: Math.max(...ours.map((task) => task.cpuMs)),
        totalCpuMs: ours.reduce((sum, task) => sum + task.cpuMs, 0),
      },
    });
  }
  return loads.reduce((least, load) =>
    load.injection.cpuMs < least.injection.cpuMs ? load : least,
  );
}

/**
 * The baseline: what injecting an empty content script costs the same page in the same run (the
 * browser's own part of any content script), least of three fresh loads.
 */
export async function measureEmptyInjection(
  url: string,
  code = 'void 0;\n',
): Promise<ScriptInjection> {
  const folder = await mkdtemp(join(tmpdir(), 'briefings-empty-script-'));
  try {
    const manifest = {
      manifest_version: 3,
      name: 'An empty content script',
      version: '1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['http://*/*'], js: ['empty.js'], run_at: 'document_idle' }],
    };
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(folder, 'background.js'), '');
    await writeFile(join(folder, 'empty.js'), code);
    const browser = await launchExtensionBrowser({ extensionDir: folder, welcomePage: 'keep' });
    try {
      return await leastInjection(browser, url, 'empty.js', (page) => page.waitForTimeout(500));
    } finally {
      await browser.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function leastInjection(
  browser: ExtensionBrowser,
  url: string,
  script: string,
  ranUntil: (page: Page) => Promise<void>,
): Promise<ScriptInjection> {
  const injections: ScriptInjection[] = [];
  for (let index = 0; index < LOADS; index++) {
    injections.push(injectionIn(await tracedUntil(browser, url, ranUntil), browser, url, script));
  }
  return injections.reduce((least, injection) =>
    injection.cpuMs < least.cpuMs ? injection : least,
  );
}

/** A fresh tab loading `url`, traced until `ranUntil` settles. */
async function tracedUntil(
  browser: ExtensionBrowser,
  url: string,
  ranUntil: (page: Page) => Promise<void>,
): Promise<PageTrace> {
  const page = await browser.context.newPage();
  try {
    const trace = await startTrace(page);
    await page.goto(url, { waitUntil: 'load' });
    await ranUntil(page);
    return await trace.stop();
  } finally {
    await page.close();
  }
}

/** Three fresh loads; for each figure, the load where it was least. */
export async function measureLoads(browser: ExtensionBrowser, url: string): Promise<LoadFigures> {
  const loads: LoadFigures[] = [];
  for (let index = 0; index < LOADS; index++) loads.push(await tracedLoad(browser, url));
  const leastBy = (cost: (load: LoadFigures) => number) =>
    loads.reduce((best, load) => (cost(load) < cost(best) ? load : best));
  const longestOurs = (load: LoadFigures) => load.ourLongTasks[0]?.cpuMs ?? 0;
  const quietest = leastBy(longestOurs);
  return {
    injection: leastBy((load) => load.injection.cpuMs).injection,
    ourLongTasks: quietest.ourLongTasks,
    pageLongTasks: leastBy((load) => load.pageLongTasks[0]?.cpuMs ?? 0).pageLongTasks,
    marks: quietest.marks,
  };
}

export interface Hovers {
  /** Pointer reaching the first mark → first frame with the card, per fresh tab. */
  firstMs: number[];
  /** Then, in the same tab, another name (the card's code loaded by then). */
  nextMs: number[];
}

/**
 * In fresh tabs, once the page is marked, the pointer rests on the first mark: nothing of the
 * card has been used in that tab before. Then it leaves, and rests on a mark of another name.
 */
export async function measureHovers(browser: ExtensionBrowser, url: string): Promise<Hovers> {
  const hovers: Hovers = { firstMs: [], nextMs: [] };
  for (let index = 0; index < FIRST_HOVER_TABS; index++) {
    const page = await browser.context.newPage();
    try {
      await page.addInitScript({ content: PAGE_RECORDER });
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction('window.briefingsBench.scanned === true', undefined, {
        timeout: SCAN_TIMEOUT_MS,
      });
      const first = page.locator('mark.briefings-mark').first();
      hovers.firstMs.push(await pointerToCard(page, first));
      const firstEntity = await first.getAttribute('data-briefings-entity');
      await page.mouse.move(0, 0);
      const other = page
        .locator(`mark.briefings-mark:not([data-briefings-entity="${firstEntity}"])`)
        .first();
      hovers.nextMs.push(await pointerToCard(page, other));
    } finally {
      await page.close();
    }
  }
  return hovers;
}

/**
 * Pages keep moving after they load (images that fail collapse, late scripts insert blocks):
 * a name that moves from under the resting pointer rightly opens nothing. The mark is scrolled
 * to first, and the pointer comes once the page has not moved for a while.
 */
const SETTLED_MS = 500;
const SETTLE_TIMEOUT_MS = 10_000;

/** Rests the pointer on `mark`: the time from its arrival to the first frame with the card. */
async function pointerToCard(page: Page, mark: Locator): Promise<number> {
  await mark.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    `performance.now() - window.briefingsBench.shiftedAt > ${SETTLED_MS}`,
    undefined,
    { timeout: SETTLE_TIMEOUT_MS },
  );
  await page.evaluate(
    'Object.assign(window.briefingsBench, { armed: true, pointerAt: null, cardVisibleAt: null })',
  );
  await mark.hover();
  await page.waitForFunction('window.briefingsBench.cardVisibleAt !== null', undefined, {
    timeout: 30_000,
  });
  const times = await recorded(page);
  if (times?.pointerAt == null || times.cardVisibleAt == null) {
    throw new Error('the page recorded no pointer on a mark before the card');
  }
  return times.cardVisibleAt - times.pointerAt;
}
