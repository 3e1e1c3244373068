/**
 * `npm run bench:store`: the store, search and briefing API in real Chromium, with a generated
 * pack of 10,000 documents, 2,000 entities and 50,000 quotes. Timings are measured in an
 * extension page around real messages to the service worker, as the popup would see them; the
 * baseline is the round trip of a call that does no work, measured in the same run.
 */
import { createCorpusIndex, loadCorpusIndex, searchEntriesOf } from '../../lib/search/index';
import { INDEX_SAVE_DELAY_MS } from '../../lib/store/corpus-store';
import { rowsOfPack } from '../../lib/store/db';
import { callBackground, timeBackgroundCalls } from '../harness/background-calls';
import { launchExtensionBrowser } from '../harness/extension-browser';
import { generatePack } from './generated-pack';
import { seededRandom } from './random';
import { mb, ms, percentile } from './stats';

const size = { documents: 10_000, entities: 2_000, quotes: 50_000, events: 3_000 };
const pack = generatePack(size);
const fileText = JSON.stringify(pack);
console.log(
  `Pack: ${size.documents} documents, ${size.entities} entities, ${size.quotes} quotes, ${size.events} events (${mb(fileText.length)} of JSON)`,
);

const browser = await launchExtensionBrowser({ build: 'release' });
try {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await callBackground(page, 'listPacks'); // the bundled pack is seeded first

  const usageBefore = (await callBackground(page, 'getStorageSummary')).usage ?? 0;
  const importStart = performance.now();
  const outcome = await callBackground(page, 'importPack', { fileText });
  const importMs = performance.now() - importStart;
  if (!outcome.ok) throw new Error(`import failed: ${outcome.message}`);
  const usageAfter = (await callBackground(page, 'getStorageSummary')).usage ?? 0;

  // Reads are timed as a reader meets them: not in the seconds after an import, while the
  // search index is saved in the background (reads during a change are another measure).
  await page.waitForTimeout(INDEX_SAVE_DELAY_MS + 5_000);
  await callBackground(page, 'getStatus');

  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const entityIds = Array.from({ length: 200 }, () => pick(pack.entities).id);
  const queries = Array.from({ length: 200 }, (_, index) => {
    const entity = pick(pack.entities);
    const [first = '', last = ''] = entity.name.split(' ');
    const quoteWords = pick(pack.quotes).text.split(' ').slice(2, 4).join(' ');
    const variants = [
      entity.name,
      last.toLowerCase(),
      last.slice(0, 4), // typing, a prefix
      `${last.slice(0, 2)}x${last.slice(3)}`, // a typo
      `${first} ${last.slice(0, 3)}`,
      quoteWords,
      pick(pack.events).title.split(' ')[0] ?? 'talks',
      pick(pack.documents).title,
    ];
    return { query: variants[index % variants.length] as string };
  });

  const floor = await timeBackgroundCalls(page, 'getStatus', Array(200).fill(undefined));
  const briefings = await timeBackgroundCalls(
    page,
    'getBriefing',
    entityIds.map((entityId) => ({ entityId })),
  );
  const searches = await timeBackgroundCalls(page, 'search', queries);

  // The index as the store keeps it, built and reloaded here with the same code.
  const index = createCorpusIndex();
  index.addAll(searchEntriesOf(rowsOfPack(pack)));
  const indexJson = JSON.stringify(index);
  const loadStart = performance.now();
  loadCorpusIndex(indexJson);
  const loadMs = performance.now() - loadStart;

  const row = (name: string, values: number[], budget?: number) => {
    const p50 = percentile(values, 50);
    const p95 = percentile(values, 95);
    const floor95 = percentile(floor, 95);
    const verdict =
      budget === undefined ? '' : p95 <= budget ? `within ${budget} ms` : `OVER ${budget} ms`;
    console.log(
      `${name.padEnd(28)} p50 ${ms(p50).padStart(9)}  p95 ${ms(p95).padStart(9)}  ×${(p95 / floor95).toFixed(1).padStart(5)} floor  ${verdict}`,
    );
  };
  console.log(`\nImport (validate + one transaction + index): ${ms(importMs)}`);
  console.log(
    `Storage used by the pack: ${mb(usageAfter - usageBefore)}; search index ${mb(indexJson.length)} serialised, reloads in ${ms(loadMs)}`,
  );
  console.log('');
  row('message round trip (floor)', floor);
  row('briefing(entity), 200 ids', briefings, 20);
  row('search, 200 varied queries', searches, 20);
} finally {
  await browser.close();
}
