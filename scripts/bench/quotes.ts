/**
 * Benchmark: quote attribution on news the compiler was not written from (PolNeAR, scored with the
 * rules of ../shared/tools/score_quotes.py --direct), plus the bundled corpus.
 *
 *   npm run bench:quotes [-- --split dev|train] [-v] [--min-recall R] [--min-precision P]
 *
 * The bundled corpus has no gold file: its expected speakers live in tests/unit/corpus/quotes.test.ts,
 * a vitest file this script cannot import, so for it only counts and spans are reported.
 * Exits 1 when a corpus fails to compile or to score, or (with bars) when PolNeAR misses them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type ArticleFile,
  compileCorpus,
  GAZETTEER_FILE_NAME,
  type Gazetteer,
  isArticleFileName,
  parseGazetteer,
} from '../../lib/corpus';
import type { Entity, Pack } from '../../lib/pack/schema';
import {
  checkSpans,
  type Gold,
  type ListedQuote,
  type Miss,
  pythonFixed,
  type QuoteScore,
  scoreListedQuotes,
  scoreQuotes,
  summaryLines,
  verboseLines,
} from './quote-scoring';

const REPO = join(import.meta.dirname, '..', '..');
const POLNEAR = join(REPO, '..', 'shared', 'corpora', 'polnear');
const BUNDLED = join(REPO, 'corpus');
const PRONOUN_QUOTES = join(import.meta.dirname, 'data', 'pronoun-quotes-dev.json');
const USAGE =
  'usage: npm run bench:quotes [-- --split dev|train] [-v] [--min-recall R] [--min-precision P]';

interface Options {
  split: string;
  verbose: boolean;
  minRecall: number | undefined;
  minPrecision: number | undefined;
}

interface CompiledCorpus {
  name: string;
  pack: Pack;
  compileMs: number;
}

class UsageError extends Error {}

function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n${USAGE}`);
    return 2;
  }
  let failed = false;
  const attempt = <T>(what: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      failed = true;
      console.error(`FAILED ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  const polnearName = `polnear-${options.split}`;
  const polnearFolder = join(POLNEAR, options.split, 'articles');
  const polnear = attempt(`to compile ${polnearName}`, () =>
    compile(polnearName, readArticles(polnearFolder), { entities: [], events: [] }),
  );
  const bundled = attempt('to compile the bundled corpus', () =>
    compile(
      'bundled',
      readArticles(BUNDLED),
      parseGazetteer(readText(join(BUNDLED, GAZETTEER_FILE_NAME)), `corpus/${GAZETTEER_FILE_NAME}`),
    ),
  );
  const score =
    polnear &&
    attempt(`to score ${polnearName}`, () =>
      scoreQuotes(polnear.pack, readGold(options.split), { direct: true }),
    );
  const bundledSpans =
    bundled && attempt('to check the bundled spans', () => checkSpans(bundled.pack));

  console.log(
    `Quote attribution: PolNeAR ${options.split} scored as score_quotes.py --direct; the bundled corpus has no gold (counts and spans only).\n`,
  );
  const rows: string[][] = [];
  if (polnear && score) rows.push(scoredRow(polnear, score));
  if (bundled && bundledSpans) {
    rows.push(countRow(bundled, `${bundledSpans.spansExact}/${bundledSpans.spansTotal}`));
  }
  printTable(
    [
      'corpus',
      'articles',
      'quotes',
      'attributed',
      'gold core',
      'found',
      'right speaker',
      'recall',
      'precision',
      'spans exact',
      'compile ms',
    ],
    rows,
  );

  if (polnear && score) {
    console.log(`\n${polnearName}, in score_quotes.py's words:`);
    if (options.verbose) for (const line of verboseLines(score)) console.log(`  ${line}`);
    for (const line of summaryLines(score)) console.log(`  ${line}`);
    printMissesByCause(polnearName, score);
  }
  if (options.verbose && bundled && bundledSpans) {
    for (const span of bundledSpans.spanMismatches) {
      console.log(
        `  bundled span ${span.quoteId}: ${JSON.stringify(span.text)} != ${JSON.stringify(span.printed)}`,
      );
    }
  }

  console.log(
    '\nDiscovered entities (per article: those it names in full, quotes or gives a role):',
  );
  for (const corpus of [polnear, bundled]) {
    if (corpus) printDiscovered(corpus, options.verbose);
  }

  if (polnear) attempt('the pronoun check', () => printPronounCheck(polnear, options));

  if (score && !barsHold(score, options)) return 1;
  return failed ? 1 : 0;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    split: 'dev',
    verbose: false,
    minRecall: undefined,
    minPrecision: undefined,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '-v') {
      options.verbose = true;
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined) throw new UsageError(`${arg} needs a value`);
    index++;
    if (arg === '--split') {
      if (!/^[a-z]+$/.test(value)) throw new UsageError(`no split "${value}"`);
      options.split = value;
    } else if (arg === '--min-recall') options.minRecall = parseBar(arg, value);
    else if (arg === '--min-precision') options.minPrecision = parseBar(arg, value);
    else throw new UsageError(`unknown option ${arg}`);
  }
  return options;
}

function parseBar(option: string, value: string): number {
  const bar = Number(value);
  if (value.trim() === '' || Number.isNaN(bar)) throw new UsageError(`${option} needs a number`);
  return bar;
}

/** The script's bars: recall and precision as asked, and (with either bar) every span exact. */
function barsHold(score: QuoteScore, options: Options): boolean {
  if (options.minRecall === undefined && options.minPrecision === undefined) return true;
  const problems = [
    score.recall < (options.minRecall ?? 0) ? `recall below ${options.minRecall}` : undefined,
    score.precision < (options.minPrecision ?? 0)
      ? `precision below ${options.minPrecision}`
      : undefined,
    score.spansTotal === 0 || score.spansExact < score.spansTotal
      ? 'spans not all exact'
      : undefined,
  ].filter((problem) => problem !== undefined);
  for (const problem of problems) console.error(`FAILED bar: ${problem}`);
  return problems.length === 0;
}

function compile(name: string, articles: ArticleFile[], gazetteer: Gazetteer): CompiledCorpus {
  const start = performance.now();
  const pack = compileCorpus(articles, gazetteer);
  return { name, pack, compileMs: performance.now() - start };
}

/** The folder's articles, read as `npm run corpus -- build` reads them. */
function readArticles(folder: string): ArticleFile[] {
  const names = readdirSync(folder).filter(isArticleFileName).sort();
  if (names.length === 0) throw new Error(`${folder}: no .txt or .md articles`);
  return names.map((name) => ({
    fileName: join(folder, name),
    contents: readText(join(folder, name)),
  }));
}

function readText(path: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
}

function readGold(split: string): Gold {
  return JSON.parse(readText(join(POLNEAR, split, 'gold.json'))) as Gold;
}

function attributedCount(pack: Pack): number {
  return pack.quotes.filter((quote) => quote.speakerId !== null).length;
}

function scoredRow(corpus: CompiledCorpus, score: QuoteScore): string[] {
  return [
    corpus.name,
    String(corpus.pack.documents.length),
    String(score.packQuotes),
    String(score.packAttributed),
    String(score.goldScored),
    String(score.found),
    String(score.rightSpeaker),
    pythonFixed(score.recall, 3),
    `${pythonFixed(score.precision, 3)} (${score.correct}/${score.attributedMatching})`,
    `${score.spansExact}/${score.spansTotal}`,
    corpus.compileMs.toFixed(0),
  ];
}

function countRow(corpus: CompiledCorpus, spans: string): string[] {
  const none = '–';
  return [
    corpus.name,
    String(corpus.pack.documents.length),
    String(corpus.pack.quotes.length),
    String(attributedCount(corpus.pack)),
    none,
    none,
    none,
    none,
    none,
    spans,
    corpus.compileMs.toFixed(0),
  ];
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function printMissesByCause(name: string, score: QuoteScore): void {
  const missed = score.goldScored - score.rightSpeaker;
  console.log(`\nMisses by cause (${name}: ${missed} of ${score.goldScored} gold core quotes):`);
  const byCause = (cause: Miss['cause']) => score.misses.filter((miss) => miss.cause === cause);
  console.log(`  not found (no pack quote overlaps)  ${byCause('not found').length}`);
  console.log(`  found, no speaker                   ${byCause('no speaker').length}`);
  const wrongSpeaker = byCause('wrong speaker');
  console.log(
    `  wrong speaker                       ${wrongSpeaker.length}${countsByMethod(wrongSpeaker)}`,
  );
  console.log(
    `Precision errors (attributed pack quotes matching gold, wrong speaker): ${score.wrong.length}${countsByMethod(score.wrong)}`,
  );
}

/** "  (name 3, pronoun 2)": by the attribution method(s) of the pack quote's sources. */
function countsByMethod(items: readonly { methods: string[] }[]): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const method = item.methods.join('+') || 'none';
    counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted.length === 0
    ? ''
    : `  (${sorted.map(([method, count]) => `${method} ${count}`).join(', ')})`;
}

function printDiscovered(corpus: CompiledCorpus, verbose: boolean): void {
  const { pack } = corpus;
  const discovered = pack.entities.filter((entity) => entity.origin === 'discovered');
  const kinds = new Map<string, number>();
  for (const entity of discovered) kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1);
  const documentsOf = documentsNaming(pack, discovered);
  const perDocument = pack.documents.map((document) => ({
    id: document.id,
    count: discovered.filter((entity) => documentsOf.get(entity)?.has(document.id)).length,
  }));
  const most = perDocument.reduce(
    (best, document) => (document.count > best.count ? document : best),
    { id: '–', count: 0 },
  );
  const mean = perDocument.reduce((sum, document) => sum + document.count, 0) / perDocument.length;
  const pairs = duplicatePairs(pack.entities).filter(
    ([a, b]) => a.origin === 'discovered' || b.origin === 'discovered',
  );
  const duplicates = new Set(
    pairs.flatMap((pair) => pair.filter((entity) => entity.origin === 'discovered')),
  );
  console.log(
    `  ${corpus.name}: ${discovered.length} (${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none'}); ` +
      `per article mean ${mean.toFixed(2)}, max ${most.count} (${most.id}); ` +
      `${duplicates.size} duplicate another entity of the pack`,
  );
  if (verbose) {
    for (const [a, b] of pairs) {
      console.log(`    duplicate  ${describeEntity(a)} ~ ${describeEntity(b)}`);
    }
  }
}

/**
 * The documents where the compiler found each entity: those printing its full name (aliases are
 * left out: every discovered person has their bare surname as one), quoting it, or naming its role.
 */
function documentsNaming(pack: Pack, entities: readonly Entity[]): Map<Entity, Set<string>> {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const found = new Map(
    entities.map((entity) => [
      entity,
      new Set([
        ...pack.documents
          .filter((document) => printsWholeWords(document.text, entity.name))
          .map((document) => document.id),
        ...entity.roles.flatMap((role) => role.sources.map((source) => source.documentId)),
      ]),
    ]),
  );
  for (const quote of pack.quotes) {
    const speaker = quote.speakerId === null ? undefined : byId.get(quote.speakerId);
    if (speaker === undefined) continue;
    for (const source of quote.sources) found.get(speaker)?.add(source.documentId);
  }
  return found;
}

function describeEntity(entity: Entity): string {
  return `${JSON.stringify(entity.name)} (${entity.kind}, ${entity.origin}, ${entity.id})`;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function printsWholeWords(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + words.length] ?? ' ';
    if (!WORD_CHARACTER.test(before) && !WORD_CHARACTER.test(after)) return true;
  }
  return false;
}

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sen',
  'senator',
  'rep',
  'representative',
  'gov',
  'governor',
  'president',
  'vice',
  'secretary',
  'gen',
  'general',
  'rev',
  'sir',
  'lord',
  'lady',
  'judge',
  'mayor',
]);

/** A name's words, lowercase, without leading honorifics ("Mr.", "Sen.") or initials ("J."). */
function nameTokens(name: string): string[] {
  const tokens = name
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/\s+/)
    .map((token) => token.replace(/[.,;:"()]/g, ''))
    .filter((token) => token !== '');
  let first = 0;
  while (first < tokens.length && HONORIFICS.has(tokens[first] as string)) first++;
  return tokens.slice(first).filter((token) => token.length > 1);
}

/**
 * Pairs of same-kind entities that name one party: one's name, normalised, is the other's name or
 * alias, or is a single word equal to the last word of the other's name ("Trump", "Mr. Trump" ~
 * "Donald Trump"). Alias against alias is not compared: the compiler gives every discovered person
 * their surname as an alias, so that would pair relatives ("Ted Cruz" ~ "Heidi Cruz").
 */
function duplicatePairs(entities: readonly Entity[]): [Entity, Entity][] {
  const byForm = new Map<string, Set<Entity>>();
  const byLastWordOfName = new Map<string, Set<Entity>>();
  const add = (index: Map<string, Set<Entity>>, key: string, entity: Entity) => {
    const set = index.get(key);
    if (set === undefined) index.set(key, new Set([entity]));
    else set.add(entity);
  };
  for (const entity of entities) {
    for (const form of [entity.name, ...entity.aliases]) {
      const tokens = nameTokens(form);
      if (tokens.length > 0) add(byForm, `${entity.kind}|${tokens.join(' ')}`, entity);
    }
    const name = nameTokens(entity.name);
    if (name.length > 1) add(byLastWordOfName, `${entity.kind}|${name.at(-1)}`, entity);
  }
  const pairs = new Map<string, [Entity, Entity]>();
  for (const entity of entities) {
    const name = nameTokens(entity.name);
    if (name.length === 0) continue;
    const key = `${entity.kind}|${name.join(' ')}`;
    const others = [
      ...(byForm.get(key) ?? []),
      ...(name.length === 1 ? (byLastWordOfName.get(key) ?? []) : []),
    ];
    for (const other of others) {
      if (other === entity) continue;
      const [a, b] = entity.id < other.id ? [entity, other] : [other, entity];
      pairs.set(`${a.id} ${b.id}`, [a, b]);
    }
  }
  return [...pairs.values()].sort(([a1, b1], [a2, b2]) =>
    a1.id === a2.id ? b1.id.localeCompare(b2.id) : a1.id.localeCompare(a2.id),
  );
}

/** Quotes another engineer listed with the speaker their pronoun cue should resolve to. */
function printPronounCheck(polnear: CompiledCorpus, options: Options): void {
  const label = `Pronoun check (${basename(PRONOUN_QUOTES)})`;
  if (options.split !== 'dev') {
    console.log(`\n${label}: runs on the dev split only`);
    return;
  }
  if (!existsSync(PRONOUN_QUOTES)) {
    console.log(`\n${label}: MISSING, no figure (${PRONOUN_QUOTES} not found)`);
    return;
  }
  const listed = (JSON.parse(readText(PRONOUN_QUOTES)) as { quotes: ListedQuote[] }).quotes;
  const result = scoreListedQuotes(polnear.pack, listed);
  console.log(
    `\n${label}: ${result.listed} listed, ${result.found} found, ${result.attributed} with a speaker, ${result.right} right; ` +
      `precision ${pythonFixed(result.precision, 3)} (${result.right}/${result.attributed}), ` +
      `recall ${pythonFixed(result.recall, 3)} (${result.right}/${result.listed})`,
  );
  if (options.verbose) {
    for (const miss of result.misses) {
      console.log(
        `  pronoun  ${miss.doc}: ${JSON.stringify(miss.quote)} gold=${miss.speaker} got=${JSON.stringify(miss.packSpeakers)}`,
      );
    }
  }
}

process.exitCode = main(process.argv.slice(2));
