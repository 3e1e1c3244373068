/**
 * Benchmark: spotting and marking in real Chromium (DESIGN.md §6).
 *
 * A generated 1 MB page (5,000 paragraphs) with dictionaries of 100, 1,000 and 10,000 aliases,
 * then the three largest real pages of ../shared/fixtures/pages with the bundled corpus. Each
 * run is a fresh tab running the content script's own spotting code (lib/page/spotter.ts,
 * bundled here with the dictionary passed in) from the moment the page is loaded. Reported:
 * time to the first marks in the viewport, total time, the longest slice of our work, the
 * longest task on the page (PerformanceObserver 'longtask', > 50 ms), marks created, our work
 * added up, and, alone, one walk over the page's text and the matching of that text. The naive mark.js baseline, `mark(termsArray)`, runs on the same
 * page in the same run, capped at 60 s.
 *
 *   npm run bench:spotting
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Entity, EntityKind } from '../../lib/pack/schema';
import { buildSpotDictionary, type SpotDictionary } from '../../lib/spotting/dictionary';
import { chromiumPath } from '../harness/extension-browser';
import { startNetworkBlocker } from '../harness/network-blocker';
import { type StaticServer, startStaticServer } from '../harness/static-server';
import { seededRandom } from './random';

const ROOT = join(import.meta.dirname, '..', '..');
const REAL_PAGES = join(ROOT, '..', 'shared', 'fixtures', 'pages');
const LARGEST_REAL_PAGES = [
  'cnn-gates-tillerson-russia.html',
  'wikipedia-new-zealand.html',
  'infobae-muratov-putin-es.html',
];
const BASELINE_CAP_MS = 60_000;
const VIEWPORT = { width: 1280, height: 800 };

/** What one run measured, in the page. */
interface SpotRun {
  firstViewportMarksMs: number;
  totalMs: number;
  longestSliceMs: number;
  longestTaskMs: number;
  marks: number;
  /** Our slices added up (the rest of the total is the page's and the browser's time). */
  workMs: number;
  /** One walk over the (marked) page, alone. */
  walkMs: number;
  /** Matching alone, over the page's text (textKb of it). */
  matchMs: number;
  textKb: number;
}

interface BaselineRun {
  totalMs: number | null;
  marks: number;
  outcome: string;
}

/** The spotting code as a script for the page: `window.briefingsBench(dictionary)`. */
async function bundleSpotter(): Promise<string> {
  const entryId = 'virtual:briefings-bench-entry';
  const entry = `
    import { PageSpotter } from '@/lib/page/spotter';
    import { runInIdleSlices } from '@/lib/page/scheduler';
    import { MatcherBuilder } from '@/lib/spotting/matcher';
    import { TextWalker } from '@/lib/spotting/text-walker';

    window.briefingsBench = async (dictionary) => {
      const longTasks = [];
      new PerformanceObserver((list) => longTasks.push(...list.getEntries()))
        .observe({ type: 'longtask', buffered: false });
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
      const matcher = builder.build();
      let firstViewportMarksMs = 0;
      const summary = await new Promise((resolve) => {
        new PageSpotter(document, {
          matcher,
          markEveryPlaceMention: false,
          lifetime,
          hooks: {
            onViewportMarked: () => { firstViewportMarksMs = performance.now() - start; },
            onIdle: resolve,
          },
        }).start();
      });
      const totalMs = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the last long task report
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
      const matchMs = performance.now() - matchStart;
      const ours = longTasks.filter((task) => task.startTime >= start && task.startTime <= walkStart);
      return {
        firstViewportMarksMs,
        totalMs,
        longestSliceMs,
        longestTaskMs: Math.max(0, ...ours.map((task) => task.duration)),
        marks: summary.marks,
        workMs,
        walkMs,
        matchMs,
        textKb: characters / 1000,
      };
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
  return chunk.code;
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
    const entity = entities[Math.floor(random() * 50)] as Entity;
    const mention = random() < 0.5 ? entity.name : (entity.aliases[0] as string);
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

async function spot(browser: Browser, url: string, bundle: string, dictionary: SpotDictionary) {
  const page = await openPage(browser, url);
  try {
    await page.addScriptTag({ content: bundle });
    return await page.evaluate(
      (terms) =>
        (
          window as unknown as { briefingsBench(d: SpotDictionary): Promise<SpotRun> }
        ).briefingsBench(terms),
      dictionary,
    );
  } finally {
    await page.close();
  }
}

/** mark.js's `mark(termsArray)`, as a naive extension would call it; stopped past the cap. */
async function naiveBaseline(browser: Browser, url: string, terms: string[]): Promise<BaselineRun> {
  const page = await openPage(browser, url);
  try {
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js') });
    return await page.evaluate(
      ([keywords, capMs]) => {
        type MarkConstructor = new (
          context: Element,
        ) => { mark(keywords: string[], options: Record<string, unknown>): void };
        const MarkJs = (window as unknown as { Mark: MarkConstructor }).Mark;
        const start = performance.now();
        let marks = 0;
        // Inline callbacks only: this function runs in the page, without the bundler's helpers.
        try {
          new MarkJs(document.body).mark(keywords, {
            separateWordSearch: false,
            accuracy: 'exactly',
            each: () => {
              marks++;
            },
            filter: () => {
              if (performance.now() - start > capMs) throw new Error('capped');
              return true;
            },
            noMatch: () => {
              if (performance.now() - start > capMs) throw new Error('capped');
            },
          });
          return { totalMs: performance.now() - start, marks, outcome: 'done' };
        } catch (error) {
          const outcome =
            error instanceof RangeError ? 'stack overflow' : `> ${capMs / 1000} s (stopped)`;
          return { totalMs: null, marks, outcome };
        }
      },
      [terms, BASELINE_CAP_MS] as const,
    );
  } finally {
    await page.close();
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const bundle = await bundleSpotter();
  const blocker = await startNetworkBlocker();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [`--proxy-server=${blocker.proxyUrl}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const server: StaticServer = await startStaticServer(
    existsSync(REAL_PAGES) ? REAL_PAGES : undefined,
  );
  const rows: string[][] = [];
  try {
    const invented = inventedEntities(5000);
    const html = generatedPage(invented);
    const pageUrl = server.page('/generated.html', html);
    console.log(`Generated page: ${(html.length / 1e6).toFixed(2)} MB, 5,000 paragraphs.\n`);
    for (const aliases of [100, 1000, 10_000]) {
      const dictionary = buildSpotDictionary(invented.slice(0, aliases / 2));
      const run = await spot(browser, pageUrl, bundle, dictionary);
      const baseline = await naiveBaseline(
        browser,
        pageUrl,
        dictionary.terms.map((term) => term.text),
      );
      rows.push([
        `generated 1 MB, ${aliases.toLocaleString('en')} aliases`,
        ms(run.firstViewportMarksMs),
        ms(run.totalMs),
        ms(run.workMs),
        ms(run.longestSliceMs),
        run.longestTaskMs > 0 ? ms(run.longestTaskMs) : 'none',
        String(run.marks),
        ms(run.walkMs),
        `${run.matchMs.toFixed(1)} ms / ${run.textKb.toFixed(0)} KB`,
        baseline.totalMs === null
          ? baseline.outcome
          : `${ms(baseline.totalMs)} (${baseline.marks} marks)`,
      ]);
      console.log(`done: ${rows.at(-1)?.[0]}`);
    }
    if (!existsSync(REAL_PAGES)) {
      console.log(`\nThe real pages are missing (${REAL_PAGES}): skipping that part.`);
    } else {
      const dictionary = buildSpotDictionary(bundledEntities());
      for (const file of LARGEST_REAL_PAGES) {
        const url = `${server.origin}/${file}`;
        const run = await spot(browser, url, bundle, dictionary);
        const size = readFileSync(join(REAL_PAGES, file)).length;
        rows.push([
          `${file} (${(size / 1e6).toFixed(1)} MB), bundled corpus (${dictionary.terms.length} aliases)`,
          ms(run.firstViewportMarksMs),
          ms(run.totalMs),
          ms(run.workMs),
          ms(run.longestSliceMs),
          run.longestTaskMs > 0 ? `${ms(run.longestTaskMs)} (incl. the page's own)` : 'none',
          String(run.marks),
          ms(run.walkMs),
          `${run.matchMs.toFixed(1)} ms / ${run.textKb.toFixed(0)} KB`,
          'n/a',
        ]);
        console.log(`done: ${file}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await blocker.close();
  }
  printTable(
    [
      'page, dictionary',
      'first marks in viewport',
      'total',
      'our work',
      'longest slice',
      'longest task > 50 ms',
      'marks',
      'one walk',
      'matching / page text',
      'naive mark(terms)',
    ],
    rows,
  );
  console.log(
    '\nBudgets (DESIGN.md §6): no long task caused by spotting; matching ≤ 30 ms per MB; viewport first, the rest in idle slices.',
  );
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
