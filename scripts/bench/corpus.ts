/**
 * Benchmark: compile 1,000 generated news-like articles (deterministic, seeded) and compare the
 * per-article cost with compiling the five seed articles in the same run.
 *
 *   npm run bench:corpus [-- --articles 1000 --seed 42]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ArticleFile,
  compileCorpus,
  isArticleFileName,
  parseGazetteer,
} from '../../lib/corpus';
import { cleanArticleText } from '../../lib/corpus/clean';
import { seededRandom } from './random';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

const SPEAKERS = [
  { name: 'Dmitry Peskov', short: 'Peskov', role: 'Kremlin spokesman' },
  { name: 'Antony Blinken', short: 'Blinken', role: 'US Secretary of State' },
  { name: 'Jens Stoltenberg', short: 'Stoltenberg', role: 'NATO Secretary-General' },
  { name: 'Mao Ning', short: 'Mao Ning', role: 'Chinese Foreign Ministry spokeswoman' },
  { name: 'Emmanuel Macron', short: 'Macron', role: 'French President' },
  { name: 'Qin Gang', short: 'Qin Gang', role: 'Chinese Foreign Minister' },
];
const INVENTED_FIRST = [
  'Anna',
  'Pavel',
  'Maria',
  'Tomas',
  'Elena',
  'Lukas',
  'Sofia',
  'Marek',
  'Ingrid',
  'Oleh',
];
const INVENTED_LAST = [
  'Kowalski',
  'Brandt',
  'Novak',
  'Lindqvist',
  'Horvat',
  'Moreau',
  'Petrenko',
  'Varga',
];
const INVENTED_ROLES = [
  'analyst at the Baltic Policy Institute',
  'senior fellow at a Berlin think tank',
  'economist',
];
/** Words for quoted statements: drawn at random, so two statements rarely share their wording. */
const VOCABULARY = (
  'talks ceasefire proposal grain exports sanctions envoy energy supplies summit negotiations ' +
  'guarantees security border troops withdrawal reconstruction aid weapons parliament budget ' +
  'pipeline elections refugees corridor inspectors treaty framework observers partners allies ' +
  'delegation commission timetable deadline compromise referendum agreement mediation dialogue ' +
  'sovereignty integrity stability escalation restraint pressure leverage concessions principles ' +
  'require remain undermine support reject welcome consider demand expect postpone accelerate ' +
  'durable fragile credible urgent gradual regional binding realistic comprehensive immediate'
).split(' ');
const OBJECTS = [
  'a durable settlement',
  'guarantees for all parties',
  'direct negotiations',
  'trust between the sides',
];
const SUBJECTS = [
  'talks',
  'the ceasefire proposal',
  'grain exports',
  'sanctions',
  'the envoy',
  'energy supplies',
];
const PLACES = ['Moscow', 'Beijing', 'Kyiv', 'Brussels', 'Washington'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const FILLER = [
  'Officials from both sides met behind closed doors for several hours.',
  'The meeting came amid renewed fighting along the front line.',
  'Diplomats cautioned that no agreement was expected soon.',
  'Markets reacted calmly to the news, with energy prices little changed.',
  'The talks were the first of their kind in several months.',
];

function generateArticle(random: () => number, index: number): ArticleFile {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const statement = () => {
    const words = Array.from({ length: 10 + Math.floor(random() * 8) }, () => pick(VOCABULARY));
    return `${capitalize(words.join(' '))} in ${pick(PLACES)}`;
  };
  const paragraphs: string[] = [];
  const place = pick(PLACES);
  paragraphs.push(
    `${place.toUpperCase()}: Officials on ${pick(DAYS)} discussed ${pick(SUBJECTS)} as pressure grew for ${pick(OBJECTS)}.`,
  );
  for (let n = 0; n < 6; n++) {
    const speaker = pick(SPEAKERS);
    const form = Math.floor(random() * 5);
    if (form === 0)
      paragraphs.push(`“${statement()},” ${speaker.role} ${speaker.name} said on ${pick(DAYS)}.`);
    else if (form === 1)
      paragraphs.push(
        `${speaker.short} said: “${statement()}.” He added that the “${pick(OBJECTS)}” was close.`,
      );
    else if (form === 2)
      paragraphs.push(`“${statement()},” said ${speaker.short}. “${statement()}.”`);
    else if (form === 3) {
      const name = `${pick(INVENTED_FIRST)} ${pick(INVENTED_LAST)}`;
      paragraphs.push(`“${statement()},” said ${name}, an ${pick(INVENTED_ROLES)}.`);
    } else paragraphs.push(`Critics called the plan “${pick(OBJECTS)}” and warned of delays.`);
    paragraphs.push(pick(FILLER));
  }
  paragraphs.push(`Last month, the ${pick(SUBJECTS)} were postponed. See also this story.`);
  const day = String(1 + (index % 28)).padStart(2, '0');
  const frontMatter = [
    '---',
    `id: bench-${String(index).padStart(4, '0')}`,
    `title: "Generated report ${index}"`,
    'outlet: "Bench Wire"',
    `published: 2023-04-${day}`,
    'dateBasis: metadata',
    '---',
  ].join('\n');
  return {
    fileName: `bench-${index}.txt`,
    contents: `${frontMatter}\nGenerated report ${index}\n\n${paragraphs.join('\n\n')}\n`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value === undefined || Number.isNaN(value) ? fallback : value;
}

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

const articleCount = readOption('articles', 1000);
const random = seededRandom(readOption('seed', 42));
const gazetteer = parseGazetteer(
  readFileSync(join(CORPUS, 'gazetteer.yaml'), 'utf8'),
  'corpus/gazetteer.yaml',
);
const seeds = readdirSync(CORPUS)
  .filter(isArticleFileName)
  .sort()
  .map((name) => ({ fileName: name, contents: readFileSync(join(CORPUS, name), 'utf8') }));
const generated = Array.from({ length: articleCount }, (_, index) =>
  generateArticle(random, index),
);
const megabytes = generated.reduce((sum, file) => sum + file.contents.length, 0) / 1e6;

// Warm up the JIT and the lazily built parsers on the seeds, then measure the baseline.
compileCorpus(seeds, gazetteer);
const baseline = time(() => compileCorpus(seeds, gazetteer));
const cleanOnly = time(() => generated.map((file) => cleanArticleText(file.contents).text.length));
const full = time(() => compileCorpus(generated, gazetteer));

const perArticle = full.ms / articleCount;
const baselinePerArticle = baseline.ms / seeds.length;
const pack = full.result;
console.log(`generated articles:     ${articleCount} (${megabytes.toFixed(2)} MB of text)`);
console.log(`compile, total:         ${full.ms.toFixed(0)} ms`);
console.log(`compile, per article:   ${perArticle.toFixed(2)} ms`);
console.log(
  `quotes found:           ${pack.quotes.length} (${pack.quotes.filter((q) => q.speakerId !== null).length} attributed)`,
);
console.log(
  `entities:               ${pack.entities.length} (${pack.entities.filter((e) => e.origin === 'discovered').length} discovered)`,
);
console.log(
  `duplicates:             ${pack.documents.filter((d) => d.duplicateOf !== undefined).length}`,
);
console.log(
  `clean stage alone:      ${cleanOnly.ms.toFixed(0)} ms (${((cleanOnly.ms / full.ms) * 100).toFixed(1)}% of the compile)`,
);
console.log(
  `baseline, 5 seeds:      ${baseline.ms.toFixed(1)} ms (${baselinePerArticle.toFixed(2)} ms per article)`,
);
console.log(
  `ratio per article:      ${(perArticle / baselinePerArticle).toFixed(2)}× the seed baseline`,
);
