/**
 * Deterministic made-up packs of any size for benchmarks: pronounceable names, news-like
 * sentences, quotes whose spans really point into their documents.
 */
import type { Entity, Pack, PackDocument, Quote, TimelineEvent } from '../../lib/pack/schema';
import { seededRandom } from './random';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sto',
  'vash',
  'dor',
  'eli',
  'fen',
  'gru',
  'hal',
  'iva',
  'jor',
  'kel',
  'lun',
  'mar',
  'nov',
  'ost',
  'pel',
  'quin',
  'ras',
  'sel',
  'tor',
  'ulm',
  'vic',
  'wen',
  'yar',
  'zel',
];
const NEWS_WORDS = [
  'government',
  'talks',
  'minister',
  'border',
  'agreement',
  'economy',
  'security',
  'sanctions',
  'energy',
  'summit',
  'ceasefire',
  'election',
  'parliament',
  'trade',
  'forces',
  'region',
  'council',
  'budget',
  'reform',
  'alliance',
  'court',
  'report',
  'crisis',
  'pipeline',
  'harvest',
  'bridge',
  'port',
  'vote',
];
/** The most frequent words of English prose, in frequency order, as real text has them. */
const FUNCTION_WORDS = [
  'the',
  'of',
  'and',
  'to',
  'a',
  'in',
  'that',
  'is',
  'said',
  'for',
  'on',
  'it',
  'with',
  'as',
  'was',
  'he',
  'by',
  'at',
  'from',
  'his',
  'an',
  'were',
  'are',
  'which',
  'this',
  'be',
  'has',
  'have',
  'not',
  'but',
  'they',
  'its',
  'had',
  'after',
  'been',
  'their',
  'who',
  'will',
  'would',
  'about',
  'also',
  'more',
  'than',
  'over',
  'new',
  'two',
  'into',
  'last',
  'year',
  'first',
];
const VOCABULARY_SIZE = 20_000;
/** Word syllables: onset, vowel, coda, giving prefixes about as varied as English ones. */
const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'cr',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'pr',
  'r',
  's',
  'sh',
  'sl',
  'sp',
  'st',
  't',
  'th',
  'tr',
  'v',
  'w',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng'];
/** Where topical news words rank in real news text: common, but far from "the". */
const NEWS_WORD_RANK = 150;
const KINDS = ['person', 'organization', 'place', 'topic'] as const;

export interface PackSize {
  documents: number;
  entities: number;
  quotes: number;
  events: number;
}

export function generatePack(size: PackSize, seed = 42): Pack {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Words follow Zipf's law, as in real text: a few very common, most rare.
  const vocabulary = [...FUNCTION_WORDS];
  const wordSyllable = () => pick(ONSETS) + pick(VOWELS) + pick(CODAS);
  const madeUpWord = () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, wordSyllable).join('');
  while (vocabulary.length < NEWS_WORD_RANK) vocabulary.push(madeUpWord());
  vocabulary.push(...NEWS_WORDS);
  while (vocabulary.length < VOCABULARY_SIZE) vocabulary.push(madeUpWord());
  const zipfTotal = vocabulary.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);
  const cumulative: number[] = [];
  vocabulary.reduce((sum, _, rank) => {
    cumulative.push(sum + 1 / (rank + 1));
    return sum + 1 / (rank + 1);
  }, 0);
  const word = () => {
    const target = random() * zipfTotal;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low] as string;
  };
  const properName = (syllables: number) => {
    let name = '';
    for (let i = 0; i < syllables; i++) name += pick(SYLLABLES);
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const sentence = (length: number) => {
    const words = Array.from({ length }, word);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };

  const entities: Entity[] = Array.from({ length: size.entities }, (_, index) => {
    const first = properName(2);
    const last = properName(3);
    const name = `${first} ${last}`;
    return {
      id: `entity-${index}`,
      name,
      kind: KINDS[index % KINDS.length] as Entity['kind'],
      aliases: [last, `${first.charAt(0)}. ${last}`],
      description: `${name}, ${sentence(6).toLowerCase()}`,
      roles: [],
      origin: 'gazetteer',
    };
  });

  const quotesPerDocument = Math.ceil(size.quotes / size.documents);
  const documents: PackDocument[] = [];
  const quotes: Quote[] = [];
  for (let index = 0; index < size.documents; index++) {
    const id = `doc-${index}`;
    let text = `${sentence(8)}\n\n`;
    for (let q = 0; q < quotesPerDocument && quotes.length < size.quotes; q++) {
      const speaker = pick(entities);
      const about = pick(entities);
      const words = sentence(12 + Math.floor(random() * 12));
      text += `${sentence(10)} "`;
      const start = text.length;
      text += words;
      const end = text.length;
      text += `" said ${speaker.name} about ${about.name}.\n\n`;
      quotes.push({
        id: `quote-${quotes.length}`,
        text: words,
        kind: 'statement',
        speakerId: speaker.id,
        sources: [{ documentId: id, start, end }],
        variants: [],
        aboutEntityIds: [about.id],
        date: null,
        datePrecision: null,
        dateBasis: null,
      });
    }
    text += sentence(14);
    const day = 1 + (index % 28);
    const month = 1 + (index % 12);
    documents.push({
      id,
      title: `${properName(2)} ${word()} ${word()}`,
      outlet: `${properName(2)} News`,
      publishedAt: `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      datePrecision: 'day',
      dateBasis: 'metadata',
      text,
    });
  }

  const events: TimelineEvent[] = Array.from({ length: size.events }, (_, index) => {
    const document = documents[index % documents.length] as PackDocument;
    return {
      id: `event-${index}`,
      date: document.publishedAt as string,
      datePrecision: 'day',
      dateBasis: 'metadata',
      title: `${word()} ${word()} in ${properName(2)}`.replace(/^./, (c) => c.toUpperCase()),
      entityIds: [pick(entities).id, pick(entities).id].filter(
        (id, i, ids) => ids.indexOf(id) === i,
      ),
      sources: [{ documentId: document.id, start: 0, end: 20 }],
    };
  });

  return {
    format: 'briefings-pack',
    version: 1,
    id: `generated-${size.documents}`,
    title: `Generated pack (${size.documents} documents)`,
    createdAt: '2023-12-31',
    documents,
    entities,
    quotes,
    events,
  };
}
