/**
 * Benchmark: spotting and marking in real Chromium (DESIGN.md §6).
 *
 * Part 1, the spotting code alone: a generated 1 MB page (5,000 paragraphs) with dictionaries of
 * 100, 1,000 and 10,000 aliases, then the three largest real pages of ../shared/fixtures/pages
 * with the bundled corpus. Each load is a fresh tab running the content script's own spotting
 * code (lib/page/spotter.ts, bundled here with the dictionary passed in) once the page is
 * loaded, traced. Reported, the least of three loads: time to the first marks in the viewport,
 * total time, our work added up, the longest slice of it, the long tasks that ran our code (by
 * CPU time, from the trace; the page's own are not ours), marks created, and, alone, one walk
 * over the page's text and the matching of that text. The naive baseline, mark.js's
 * `mark(termsArray)`, runs on the same page in the same run as plain JavaScript, capped at 60 s;
 * anything it throws but a stack overflow (mark.js failing on its own) fails the benchmark.
 *
 * Part 2, the built extension (see content-script-load.ts): the release build's content script
 * size; from traces of the test build on the same pages, the injection task's CPU time and the
 * long tasks that ran our code; the first hover in a fresh tab until the card is visible.
 *
 *   npm run bench:spotting
 */ import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Entity, EntityKind } from '../../lib/pack/schema';
import {
  buildSpotDictionary,
  MAX_SPOT_TERMS,
  type SpotDictionary,
  spotTermsOf,
} from '../../lib/spotting/dictionary';
import { chromiumPath, launchExtensionBrowser } from '../harness/extension-browser';
import { startNetworkBlocker } from '../harness/network-blocker';
import { type StaticServer, startStaticServer } from '../harness/static-server';
import {
  contentScriptSizes,
  HOVER_INTENT_MS,
  type Hovers,
  type InjectionFigures,
  LOADS,
  type LoadFigures,
  measureEmptyInjection,
  measureHovers,
  measureInjection,
  measureLoads,
} from './content-script-load';
import { generatePack } from './generated-pack';
import {
  describeLongest,
  longTasks,
  type PageTask,
  type ScriptInjection,
  startTrace,
} from './page-trace';
import { seededRandom } from './random';
import { percentile } from './stats';

const ROOT = join(import.meta.dirname, '..', '..');
const REAL_PAGES = join(ROOT, '..', 'shared', 'fixtures', 'pages');
const LARGEST_REAL_PAGES = [
  'cnn-gates-tillerson-russia.html',
  'wikipedia-new-zealand.html',
  'infobae-muratov-putin-es.html',
];
const BASELINE_CAP_MS = 60_000;
const VIEWPORT = { width: 1280, height: 800 };
/** The spotting bundle's name in the page and in traces, so its work is told from the page's. */
const BUNDLE_URL = 'briefings-bench-spotter.js';

/** DESIGN.md §6 and the issue: what the content script may cost every page. */
const BUDGETS = {
  scriptBytes: 45_000,
  injectionCpuMs: 4,
  firstHoverMs: 150,
  /** After hover intent, once the card's code is loaded. */
  nextHoverMs: 100,
  /** The spotting dictionary of any packs, on one page ("a few MB per tab"). */
  largeDictionaryHeapMb: 8,
  /** Beyond the first marks with a dictionary the size of the bundled corpus's. */
  largeDictionaryFirstMarksMs: 100,
};

/** What one run measured in the page (the long tasks come from its trace). */
interface SpotRun {
  firstViewportMarksMs: number;
  totalMs: number;
  longestSliceMs: number;
  marks: number;
  /** Our slices added up (the rest of the total is the page's and the browser's time). */
  workMs: number;
}

/** Measured after the run, alone: one walk over the (marked) page, and matching its text. */
interface AloneRun {
  walkMs: number;
  matchMs: number;
  textKb: number;
}

/** The least of three loads, each figure on its own. */
interface SpotFigures extends SpotRun, AloneRun {
  ourLongTasks: PageTask[];
}

interface BaselineRun {
  outcome: 'done' | 'capped' | 'stack overflow';
  ms: number;
  marks: number;
}

/**
 * The spotting code as a script for the page: `briefingsBench(dictionary)` spots and marks, then
 * `briefingsBenchAlone()` times a walk and the matching alone (apart, so the trace of the first
 * holds only the spotting).
 */
async function bundleSpotter(): Promise<string> {
  const entryId = 'virtual:briefings-bench-entry';
  const entry = `
    import { Highlighter } from '@/lib/spotting/highlighter';
    import { OwnMarks } from '@/lib/page/own-marks';
    import { PageSpotter } from '@/lib/page/spotter';
    import { runInIdleSlices } from '@/lib/page/scheduler';
    import { MatcherBuilder } from '@/lib/spotting/matcher';
    import { TextWalker } from '@/lib/spotting/text-walker';

    let matcher = null;
    window.briefingsBench = async (dictionary) => {
      const owner = new AbortController();
      let longestSliceMs = 0;
      let workMs = 0;
      const lifetime = {
        signal: owner.signal,
        requestIdleCallback: (callback, options) => requestIdleCallback((deadline) => {
          const start = performance.now();
          callback(deadline);
          const slice = performance.now() - start;
          workMs += slice;
          longestSliceMs = Math.max(longestSliceMs, slice);
        }, options),
        setTimeout: (handler, timeout) => setTimeout(handler, timeout),
      };
      const start = performance.now();
      const builder = new MatcherBuilder(dictionary);
      await runInIdleSlices(lifetime, owner.signal, (hasTimeLeft) => builder.addTerms(hasTimeLeft));
      matcher = builder.build();
      let firstViewportMarksMs = 0;
      const summary = await new Promise((resolve) => {
        new PageSpotter(document, {
          matcher,
          markEveryPlaceMention: false,
          lifetime,
          loadHighlighter: async () => new Highlighter(new OwnMarks()),
          hooks: {
            onViewportMarked: () => { firstViewportMarksMs = performance.now() - start; },
            onIdle: resolve,
          },
        }).start();
      });
      return {
        firstViewportMarksMs,
        totalMs: performance.now() - start,
        longestSliceMs,
        marks: summary.marks,
        workMs,
      };
    };
    window.briefingsBenchAlone = () => {
      const walkStart = performance.now();
      const texts = [];
      new TextWalker(document.body, { onSegment: (segment) => texts.push(segment.text) }).walk(() => true);
      const walkMs = performance.now() - walkStart;
      const matchStart = performance.now();
      let characters = 0;
      for (const text of texts) {
        matcher.findAll(text);
        characters += text.length;
      }
      return { walkMs, matchMs: performance.now() - matchStart, textKb: characters / 1000 };
    };
  `;
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
    plugins: [
      {
        name: 'briefings-bench-entry',
        resolveId: (id) => (id === entryId ? `\0${entryId}.ts` : null),
        load: (id) => (id === `\0${entryId}.ts` ? entry : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      rollupOptions: { input: entryId, output: { format: 'iife' } },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error('vite returned no bundle');
  const chunk = result.output.find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the bundle has no script');
  return `${chunk.code}\n//# sourceURL=${BUNDLE_URL}`;
}

const SYLLABLES =
  'ka lo mi ra ven dor sta bel qui nor tas fel gri mon sul var esk ith pol dun'.split(' ');
const FILLER = (
  'the of and said on in a to was for with that its at by from as it has had an be were but ' +
  'officials government talks week meeting agreement statement minister report country ' +
  'year people economic security reporters press conference during new after before'
).split(' ');

/** Invented people: "First Last", with "Last" as an alias (two aliases per entity). */
function inventedEntities(count: number): Entity[] {
  const random = seededRandom(7);
  const word = (syllables: number) => {
    let text = '';
    for (let index = 0; index < syllables; index++) {
      text += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    }
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const entities: Entity[] = [];
  const used = new Set<string>();
  while (entities.length < count) {
    const first = word(2);
    const last = word(3);
    if (used.has(last)) continue;
    used.add(last);
    const kind: EntityKind = entities.length % 10 === 0 ? 'place' : 'person';
    entities.push({
      id: `invented-${entities.length}`,
      name: `${first} ${last}`,
      kind,
      aliases: [last],
      description: '',
      roles: [],
      origin: 'gazetteer',
    });
  }
  return entities;
}

/** About 1 MB: 5,000 paragraphs with some inline markup and a name from the first 50 entities. */
function generatedPage(entities: readonly Entity[]): string {
  const random = seededRandom(42);
  const words = (count: number) =>
    Array.from({ length: count }, () => FILLER[Math.floor(random() * FILLER.length)]).join(' ');
  const paragraphs: string[] = [];
  for (let index = 0; index < 5000; index++) {
    const entity = entities[Math.floor(random() * Math.min(50, entities.length))] as Entity;
    const mention = random() < 0.5 ? entity.name : (entity.aliases[0] ?? entity.name);
    paragraphs.push(
      `<p>${words(12)} <a href="#p${index}">${words(3)}</a> ${mention} ${words(10)} <b>${words(2)}</b> ${words(6)}.</p>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated page</title></head><body><article>${paragraphs.join('\n')}</article></body></html>`;
}

function bundledEntities(): Entity[] {
  const pack = join(ROOT, '.output', 'chrome-mv3', 'packs', 'bundled.json');
  if (!existsSync(pack))
    throw new Error(`No bundled pack at ${pack}: run \`npm run build\` first.`);
  return (JSON.parse(readFileSync(pack, 'utf8')) as { entities: Entity[] }).entities;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.route(
    (target) => target.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** One load: spotting traced from its start to its end, then the walk and matching alone. */
async function spotOnce(
  browser: Browser,
  url: string,
  bundle: string,
  dictionary: SpotDictionary,
): Promise<SpotRun & AloneRun & { ourLongTasks: PageTask[] }> {
  const page = await openPage(browser, url);
  try {
    await page.addScriptTag({ content: bundle });
    const trace = await startTrace(page);
    const run = await page.evaluate(
      (terms) =>
        (
          window as unknown as { briefingsBench(d: SpotDictionary): Promise<SpotRun> }
        ).briefingsBench(terms),
      dictionary,
    );
    const tasks = (await trace.stop()).tasks((scriptUrl) => scriptUrl === BUNDLE_URL);
    const alone = (await page.evaluate('briefingsBenchAlone()')) as AloneRun;
    return { ...run, ...alone, ourLongTasks: longTasks(tasks).ours };
  } finally {
    await page.close();
  }
}

/** Three loads; each figure is the least the three saw. */
async function spot(
  browser: Browser,
  url: string,
  bundle: string,
  dictionary: SpotDictionary,
): Promise<SpotFigures> {
  const runs: Awaited<ReturnType<typeof spotOnce>>[] = [];
  for (let index = 0; index < LOADS; index++) {
    runs.push(await spotOnce(browser, url, bundle, dictionary));
  }
  const least = (pick: (run: SpotFigures) => number) => Math.min(...runs.map(pick));
  const quietest = runs.reduce((best, run) =>
    (run.ourLongTasks[0]?.cpuMs ?? 0) < (best.ourLongTasks[0]?.cpuMs ?? 0) ? run : best,
  );
  return {
    firstViewportMarksMs: least((run) => run.firstViewportMarksMs),
    totalMs: least((run) => run.totalMs),
    workMs: least((run) => run.workMs),
    longestSliceMs: least((run) => run.longestSliceMs),
    ourLongTasks: quietest.ourLongTasks,
    marks: quietest.marks,
    walkMs: least((run) => run.walkMs),
    matchMs: least((run) => run.matchMs),
    textKb: quietest.textKb,
  };
}

/**
 * mark.js's `mark(termsArray)`, as a naive extension would call it. Plain JavaScript, sent to the
 * page as text, so that nothing of this script's compiler (its helpers) can reach the page.
 * Past the cap a callback stops it; a stack overflow is mark.js failing, and said so; anything
 * else it throws rejects the evaluation, and fails the benchmark.
 */
const NAIVE_BASELINE = `(terms, capMs) => {
  class PastTheCap extends Error {}
  const start = performance.now();
  let marks = 0;
  const stopPastCap = () => {
    if (performance.now() - start > capMs) throw new PastTheCap();
  };
  try {
    new Mark(document.body).mark(terms, {
      separateWordSearch: false,
      accuracy: 'exactly',
      each: () => { marks++; },
      filter: () => { stopPastCap(); return true; },
      noMatch: stopPastCap,
    });
    return { outcome: 'done', ms: performance.now() - start, marks };
  } catch (error) {
    const ms = performance.now() - start;
    if (error instanceof PastTheCap) return { outcome: 'capped', ms, marks };
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { outcome: 'stack overflow', ms, marks };
    }
    throw error;
  }
}`;

async function naiveBaseline(browser: Browser, url: string, terms: string[]): Promise<BaselineRun> {
  const page = await openPage(browser, url);
  try {
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js') });
    return (await page.evaluate(
      `(${NAIVE_BASELINE})(${JSON.stringify(terms)}, ${BASELINE_CAP_MS})`,
    )) as BaselineRun;
  } catch (error) {
    throw new Error(`the naive baseline failed with ${terms.length} aliases`, { cause: error });
  } finally {
    await page.close();
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

const started = Date.now();
const elapsedSeconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const progress = (what: string | undefined) =>
  console.log(`done: ${what} (at ${elapsedSeconds()})`);

function describeBaseline(baseline: BaselineRun, ours: SpotFigures): string[] {
  const seconds = `${(baseline.ms / 1000).toFixed(1)} s`;
  switch (baseline.outcome) {
    case 'done':
      return [
        `${seconds} (${baseline.marks} marks)`,
        `${(baseline.ms / ours.totalMs).toFixed(0)}×`,
      ];
    case 'capped':
      return [
        `> ${BASELINE_CAP_MS / 1000} s (capped; ${baseline.marks} marks)`,
        `> ${(BASELINE_CAP_MS / ours.totalMs).toFixed(0)}×`,
      ];
    case 'stack overflow':
      return [`stack overflow after ${seconds} (mark.js failed)`, 'n/a (failed)'];
  }
}

function spotRow(label: string, run: SpotFigures, baseline: string[]): string[] {
  return [
    label,
    ms(run.firstViewportMarksMs),
    ms(run.totalMs),
    ms(run.workMs),
    ms(run.longestSliceMs),
    describeLongest(run.ourLongTasks),
    String(run.marks),
    ms(run.walkMs),
    `${run.matchMs.toFixed(1)} ms / ${run.textKb.toFixed(0)} KB`,
    ...baseline,
  ];
}

/** Part 1: the spotting code alone, and the naive baseline beside it. */
async function spottingAlone(server: StaticServer, bundle: string): Promise<string[][]> {
  const blocker = await startNetworkBlocker();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [`--proxy-server=${blocker.proxyUrl}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const rows: string[][] = [];
  try {
    const invented = inventedEntities(5000);
    const html = generatedPage(invented);
    const pageUrl = server.page('/generated.html', html);
    console.log(`Generated page: ${(html.length / 1e6).toFixed(2)} MB, 5,000 paragraphs.\n`);
    for (const aliases of [100, 1000, 10_000]) {
      // The spotting code measured on its own, past the bound the background puts on what pages
      // get (MAX_SPOT_TERMS): the 10,000-alias row is the code's, not a page's, dictionary.
      const dictionary: SpotDictionary = {
        version: `generated-${aliases}`,
        terms: spotTermsOf(invented.slice(0, aliases / 2)),
        leftOut: 0,
      };
      const run = await spot(browser, pageUrl, bundle, dictionary);
      const terms = dictionary.terms.map((term) => term.text);
      const baseline = await naiveBaseline(browser, pageUrl, terms);
      rows.push(
        spotRow(
          `generated 1 MB, ${aliases.toLocaleString('en')} aliases`,
          run,
          describeBaseline(baseline, run),
        ),
      );
      progress(rows.at(-1)?.[0]);
    }
    const dictionary = buildSpotDictionary(bundledEntities());
    for (const file of LARGEST_REAL_PAGES) {
      const run = await spot(browser, `${server.origin}/${file}`, bundle, dictionary);
      const size = readFileSync(join(REAL_PAGES, file)).length;
      rows.push(
        spotRow(
          `${file} (${(size / 1e6).toFixed(1)} MB), bundled corpus (${dictionary.terms.length} aliases)`,
          run,
          ['n/a', 'n/a'],
        ),
      );
      progress(file);
    }
  } finally {
    await browser.close();
    await blocker.close();
  }
  return rows;
}

/**
 * The 200,000-entity pack (600,000 names and aliases): what the dictionary the background
 * sends costs a page, beside a dictionary the size of the bundled corpus's on the same page.
 * The JS heap is read after a forced garbage collection, before the dictionary arrives and once
 * the page is marked, with the dictionary and the matcher held as the content script holds them.
 */
async function largeDictionary(server: StaticServer, bundle: string): Promise<string[]> {
  const { entities } = generatePack({ documents: 1, entities: 200_000, quotes: 0, events: 0 });
  const html = generatedPage(entities);
  const pageUrl = server.page('/generated-large-dictionary.html', html);
  const large = buildSpotDictionary(entities);
  const corpusSized = buildSpotDictionary(entities.slice(0, bundledEntities().length));
  const blocker = await startNetworkBlocker();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [`--proxy-server=${blocker.proxyUrl}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const measure = async (dictionary: SpotDictionary) => ({
      run: await spot(browser, pageUrl, bundle, dictionary),
      heapMb: await heapAddedBy(browser, pageUrl, bundle, dictionary),
      sentMb: new TextEncoder().encode(JSON.stringify(dictionary)).length / 1e6,
    });
    const reference = await measure(corpusSized);
    progress(`large dictionary: reference, ${corpusSized.terms.length} terms`);
    const measured = await measure(large);
    progress(`large dictionary: ${large.terms.length} terms`);
    const firstMarksBudgetMs =
      reference.run.firstViewportMarksMs + BUDGETS.largeDictionaryFirstMarksMs;
    const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
    const describe = (label: string, { run, heapMb, sentMb }: typeof reference) =>
      `  ${label}: heap added ${heapMb.toFixed(1)} MB, sent ${sentMb.toFixed(2)} MB; first marks in viewport ${ms(run.firstViewportMarksMs)}, total ${ms(run.totalMs)}, longest slice ${ms(run.longestSliceMs)}, our long tasks ${describeLongest(run.ourLongTasks)}, ${run.marks} marks`;
    return [
      `A pack of 200,000 entities (${(html.length / 1e6).toFixed(2)} MB generated page, least of ${LOADS} loads; heap from one more):`,
      describe(
        `${entities.length.toLocaleString('en')} entities, ${large.terms.length.toLocaleString('en')} terms sent`,
        measured,
      ),
      describe(
        `reference, ${corpusSized.terms.length} terms (the bundled corpus's size)`,
        reference,
      ),
      `  budget heap ≤ ${BUDGETS.largeDictionaryHeapMb} MB per tab: ${verdict(measured.heapMb <= BUDGETS.largeDictionaryHeapMb)}`,
      `  budget first marks ≤ the reference's + ${BUDGETS.largeDictionaryFirstMarksMs} ms (${ms(firstMarksBudgetMs)}): ${verdict(measured.run.firstViewportMarksMs <= firstMarksBudgetMs)}`,
      `  budget no long task running our code: ${verdict(measured.run.ourLongTasks.length === 0)}`,
    ];
  } finally {
    await browser.close();
    await blocker.close();
  }
}

/** The JS heap a page holds once spotted, beyond what it held with the spotting code loaded. */
async function heapAddedBy(
  browser: Browser,
  url: string,
  bundle: string,
  dictionary: SpotDictionary,
): Promise<number> {
  const page = await openPage(browser, url);
  try {
    await page.addScriptTag({ content: bundle });
    const cdp = await page.context().newCDPSession(page);
    const usedHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const before = await usedHeap();
    await page.evaluate(async (sent) => {
      const held = window as unknown as {
        briefingsDictionary: SpotDictionary;
        briefingsBench(d: SpotDictionary): Promise<SpotRun>;
      };
      held.briefingsDictionary = sent;
      await held.briefingsBench(sent);
    }, dictionary);
    return ((await usedHeap()) - before) / 1e6;
  } finally {
    await page.close();
  }
}

const describeInjection = (injection: ScriptInjection) =>
  `${injection.cpuMs.toFixed(1)} ms CPU (compile ${injection.compileMs.toFixed(1)}, run ${injection.runMs.toFixed(1)}; ${injection.wallMs.toFixed(1)} ms clock)`;

/** Part 2: the built extension on the same kind of pages. */
async function builtExtension(server: StaticServer): Promise<string[]> {
  const sizes = contentScriptSizes();
  const everyPageBytes = sizes.injected.bytes + sizes.pageWork.bytes;
  const corpusPage = server.page('/generated-corpus.html', generatedPage(bundledEntities()));
  const pages: [string, string][] = [
    ['generated 1 MB, names of the bundled corpus', corpusPage],
    ...LARGEST_REAL_PAGES.map((file): [string, string] => [file, `${server.origin}/${file}`]),
  ];
  const release = await launchExtensionBrowser({ build: 'release' });
  let released: InjectionFigures;
  try {
    released = await measureInjection(release, corpusPage);
  } finally {
    await release.close();
  }
  const { injection, untilFirstMark } = released;
  const emptyInjection = await measureEmptyInjection(corpusPage);
  progress('injection, release build, and of an empty content script');
  const browser = await launchExtensionBrowser({ build: 'test' });
  const loads: [string, LoadFigures][] = [];
  try {
    for (const [label, url] of pages) {
      loads.push([label, await measureLoads(browser, url)]);
      progress(`${label}, test build`);
    }
    // In a browser of its own: the traced loads before leave nothing behind that the card uses.
    const hoverPage = LARGEST_REAL_PAGES[2] as string;
    const hoverBrowser = await launchExtensionBrowser({ build: 'test' });
    let hovers: Hovers;
    try {
      hovers = await measureHovers(hoverBrowser, `${server.origin}/${hoverPage}`);
    } finally {
      await hoverBrowser.close();
    }
    const firstHover = percentile(hovers.firstMs, 50);
    const nextHover = percentile(hovers.nextMs, 50) - HOVER_INTENT_MS;
    const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
    const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
    const lines = [
      `Content script (release build, minified, as shipped), what every page loads: ${kb(everyPageBytes)}`,
      `  injected: ${kb(sizes.injected.bytes)} (gzip ${kb(sizes.injected.gzipBytes)}); its work on the page, imported once the page is idle: ${kb(sizes.pageWork.bytes)} (gzip ${kb(sizes.pageWork.gzipBytes)})`,
      `  budget ≤ ${kb(BUDGETS.scriptBytes)}: ${verdict(everyPageBytes <= BUDGETS.scriptBytes)}`,
      '',
      `Injection task (release build, generated page, least of ${LOADS} fresh loads): ${describeInjection(injection)}`,
      `  baseline, an empty content script on the same page: ${describeInjection(emptyInjection)}; ours ${(injection.cpuMs / emptyInjection.cpuMs).toFixed(1)}× the empty script's`,
      `  budget ≤ ${BUDGETS.injectionCpuMs} ms CPU: ${verdict(injection.cpuMs <= BUDGETS.injectionCpuMs)}`,
      `  then, in that load until the first mark, our code ran in ${untilFirstMark.tasks} tasks: longest ${untilFirstMark.longestCpuMs.toFixed(1)} ms CPU, ${untilFirstMark.totalCpuMs.toFixed(1)} ms CPU in all (its work on the page, imported in the first idle moment)`,
      '',
      `Per page, from traces of the test build (its script is larger), least of ${LOADS} fresh loads each:`,
      ...loads.map(([label, load]) =>
        [
          `  ${label}: ${load.marks} marks`,
          `    injection task: ${describeInjection(load.injection)}`,
          `    long tasks running our code: ${describeLongest(load.ourLongTasks)}`,
          `    the page's own long tasks: ${describeLongest(load.pageLongTasks)}`,
        ].join('\n'),
      ),
      `  budget: no long task running our code: ${verdict(loads.every(([, load]) => load.ourLongTasks.length === 0))}`,
      '',
      `First hover in a fresh tab (${hoverPage}), the card's code not loaded: pointer on the first mark → first frame with the card, ${hovers.firstMs.length} tabs:`,
      `  ${hovers.firstMs.map(ms).join(', ')}; median ${ms(firstHover)} (of which ${HOVER_INTENT_MS} ms hover intent, by design)`,
      `  budget ≤ ${BUDGETS.firstHoverMs} ms: ${verdict(firstHover <= BUDGETS.firstHoverMs)}`,
      'Then another name in the same tab: pointer on its mark → first frame with the card:',
      `  ${hovers.nextMs.map(ms).join(', ')}; median ${ms(nextHover)} after the ${HOVER_INTENT_MS} ms hover intent`,
      `  budget ≤ ${BUDGETS.nextHoverMs} ms after hover intent: ${verdict(nextHover <= BUDGETS.nextHoverMs)}`,
    ];
    return lines;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(REAL_PAGES)) throw new Error(`The real pages are missing (${REAL_PAGES}).`);
  const bundle = await bundleSpotter();
  const server = await startStaticServer(REAL_PAGES);
  try {
    const rows = await spottingAlone(server, bundle);
    console.log(`\nThe spotting code alone: each figure the least of ${LOADS} loads.`);
    printTable(
      [
        'page, dictionary',
        'first marks in viewport',
        'total',
        'our work',
        'longest slice',
        'our long tasks > 50 ms CPU',
        'marks',
        'one walk',
        'matching / page text',
        'naive mark(terms)',
        'naive / ours',
      ],
      rows,
    );
    console.log(
      '\nBudgets (DESIGN.md §6): no long task caused by spotting; matching ≤ 30 ms per MB; viewport first, the rest in idle slices.',
    );
    console.log(
      `Pages get at most ${MAX_SPOT_TERMS.toLocaleString('en')} terms (the dictionary's bound); the generated rows give the spotting code its dictionary directly.`,
    );
    const large = await largeDictionary(server, bundle);
    console.log(`\n${large.join('\n')}`);
    const extension = await builtExtension(server);
    console.log(`\nThe built extension.\n${extension.join('\n')}`);
  } finally {
    await server.close();
  }
  console.log(`\nWall time: ${elapsedSeconds()}`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

await main();
