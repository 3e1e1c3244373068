/**
 * Stage 4: quotations and who said them. Every pair of quotation marks becomes a quote; its speaker
 * comes from the attribution around it, read with a few grammar rules:
 *   “…,” Peskov said / “…,” said Peskov / Putin said: “…” / according to X, “…”
 *   role phrases ("Washington's top diplomat said"), pronouns ("he added", only where one person
 *   can be meant), participles ("…, saying “…”"), signatures ("“…” ― Jane Doe"),
 *   coordinated verbs ("Xi said … and described … as “…”"), appositions ("Danilov, the …, said"),
 *   a quote split around its attribution or continuing one, and transcript labels ("PESKOV: …").
 * Anything else leaves the speaker null: a wrong speaker is worse than none.
 */
import type { AttributionMethod, QuoteKind } from '../pack/schema';
import type { KnownEntity, Mention } from './entities';
import { findPrintedNames } from './names';
import {
  type QuotationMarks,
  type Range,
  type SegmentedText,
  sentenceAt,
  wordCount,
} from './segment';

export interface FoundQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  speakerId: string | null;
  attribution?: { method: AttributionMethod; start: number; end: number };
  /** The quote this one is printed inside. */
  insideOf?: FoundQuote;
  aboutEntityIds: string[];
}

const SPEECH_VERBS =
  'said|says|say|added|adds|told|tells|stated|states|asserted|declared|declares|warned|warns|' +
  'noted|notes|wrote|writes|tweeted|insisted|insists|argued|argues|explained|stressed|stresses|' +
  'continued|replied|responded|urged|urges|called|calls|described|describes|praised|acknowledged|' +
  'admitted|announced|announces|claimed|claims|cautioned|commented|conceded|emphasized|' +
  'emphasised|observed|remarked|reiterated|suggested|summed up|put it|spoke|posted|concluded|' +
  'recalled|predicted|vowed|pledged|promised|complained|countered|quipped|asked|asks|answered|' +
  'maintained|contended|demanded|boasted|joked|mused|shouted|yelled|chanted|sang|sings|lamented|' +
  'scoffed|snapped|reported|reports|testified|pointed out|went on|goes on|concluded|mocked';
/** A participle after a comma carries the cue of its sentence's subject ("Trump said, adding …"). */
const PARTICIPLE =
  /,\s+(?:\p{Ll}+\s+)?(?:saying|adding|noting|tweeting|writing|telling|asking|arguing|explaining|insisting|declaring|warning|claiming|stating|answering|responding|replying|urging|vowing|boasting|joking|calling|describing|emphasizing|emphasising|stressing|quipping|recalling)\b/gu;
const SPEECH_VERB = new RegExp(`(?<![\\p{L}])(?:${SPEECH_VERBS})(?![\\p{L}])`, 'gu');
/** The same, without the global flag, for a first match (no shared lastIndex). */
const FIRST_SPEECH_VERB = new RegExp(SPEECH_VERB.source, 'u');
const STARTS_WITH_SPEECH_VERB = new RegExp(`^\\s*,?\\s*(?:${SPEECH_VERBS})\\s+`, 'u');
/** Between a verb and the quote it introduces, these start a new clause with its own subject. */
const CLAUSE_BREAK = /,\s+(?:and|but|while|whereas|although|though|yet)\b|;/;
/** Between a quote and a following verb, these mean the verb belongs to another clause. */
const CLAUSE_WORD =
  /\b(?:because|but|and|while|which|that|who|as|if|when|after|before|since|although|though|so)\b/;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** Words that may stand between a subject and its verb ("Peskov also said", "Russia on Thursday said"). */
const BETWEEN_SUBJECT_AND_VERB = new RegExp(
  `(?:\\s+|^)(?:also|reportedly|recently|later|then|again|previously|once|earlier|separately|` +
    `repeatedly|publicly|privately|further|simply|only|has|had|have|was|is|would|will|could|may|` +
    `might|in a statement|on ${WEEKDAY}|${WEEKDAY}(?: morning| afternoon| evening| night)?|` +
    `last (?:week|month|year)|this (?:week|month)|today|yesterday)\\s*$`,
  'i',
);
const STATEMENT_MIN_WORDS = 6;
/** A speech verb right after a subject, perhaps past an apposition ("Qin Gang, the minister, said"). */
const SPEECH_AFTER_SUBJECT = new RegExp(
  `^(?:,[^,.;]{1,60},)?\\s+(?:also\\s+|later\\s+|then\\s+)?(?:${SPEECH_VERBS})(?![\\p{L}])`,
  'u',
);

/**
 * A statement is a clause of the speaker's own, long enough to stand alone. Words the reporter's
 * sentence runs on into (`must "prevent the formation…"`, `including "the implementation…"`)
 * are fragments, however long: they open in lower case straight after the reporter's words,
 * where a quoted clause opens with a capital or is set off by a comma or colon ("According to
 * Peskov, "nobody has…"", or the second half of a split quote).
 */
export function isSubstantialQuote(quoted: string): boolean {
  return wordCount(quoted) >= STATEMENT_MIN_WORDS;
}

function kindOf(quoted: string, textBefore: string): QuoteKind {
  if (!isSubstantialQuote(quoted)) return 'fragment';
  const runsOn = /^\p{Ll}/u.test(quoted.trimStart()) && !/[,:]\s*$/.test(textBefore);
  return runsOn ? 'fragment' : 'statement';
}

interface Subject {
  speakerId: string | null;
  method: AttributionMethod;
  start: number;
}

type SubjectResult = Subject | 'coordinated' | null;

interface Context {
  segmented: SegmentedText;
  mentions: readonly Mention[];
  entities: ReadonlyMap<string, KnownEntity>;
  /** For each offset test: the top-level quotation containing it, if any. */
  topLevelAt: (offset: number) => QuotationMarks | undefined;
  /** Speakers already resolved, as mentions at their cue (so "he added" can chain). */
  resolved: Mention[];
}

export function extractQuotes(
  segmented: SegmentedText,
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, KnownEntity>,
): FoundQuote[] {
  const topLevel = segmented.quotations.filter((quotation) => quotation.parent === undefined);
  const context: Context = {
    segmented,
    mentions,
    entities,
    topLevelAt: (offset) => topLevel.find((q) => q.open < offset && offset < q.close),
    resolved: [],
  };
  const quotes: FoundQuote[] = segmented.quotations.map((quotation) => {
    const found: FoundQuote = {
      start: quotation.start,
      end: quotation.end,
      kind: kindOf(
        segmented.text.slice(quotation.start, quotation.end),
        segmented.text.slice(Math.max(0, quotation.open - 3), quotation.open),
      ),
      speakerId: null,
      aboutEntityIds: [],
    };
    return found;
  });
  segmented.quotations.forEach((quotation, index) => {
    if (quotation.parent !== undefined)
      (quotes[index] as FoundQuote).insideOf = quotes[quotation.parent];
  });

  segmented.quotations.forEach((quotation, index) => {
    const quote = quotes[index] as FoundQuote;
    const cue =
      quotation.parent === undefined
        ? (cueAfter(quotation, context) ?? cueBefore(quotation, context))
        : nestedCue(quotation, segmented.quotations[quotation.parent] as QuotationMarks, context);
    if (cue === null) return;
    quote.speakerId = cue.speakerId;
    quote.attribution = { method: cue.method, start: cue.start, end: cue.end };
    if (cue.speakerId !== null) {
      context.resolved.push({
        entityId: cue.speakerId,
        start: cue.start,
        end: cue.end,
        via: 'name',
      });
    }
  });
  shareAttributions(segmented, quotes, context);
  quotes.push(...transcriptStatements(segmented, context));
  for (const quote of quotes) {
    const about = mentions
      .filter((m) => m.start >= quote.start && m.end <= quote.end && m.entityId !== quote.speakerId)
      .map((m) => m.entityId);
    quote.aboutEntityIds = [...new Set(about)].sort();
  }
  return quotes.sort((a, b) => a.start - b.start);
}

type Cue = Subject & { end: number };

/** “…,” Peskov said / “…,” said Peskov / “…,” according to TASS. */
function cueAfter(quotation: QuotationMarks, context: Context): Cue | null {
  const { segmented } = context;
  const from = quotation.close + 1;
  const paragraph = segmented.paragraphs[quotation.paragraph] as Range;
  // A quotation ending in "?" or "!" may end its sentence for the segmenter; its cue follows.
  let sentence = sentenceAt(segmented.sentences, quotation.close);
  if (sentence.end <= from) sentence = sentenceAt(segmented.sentences, from + 1);
  const nextQuote = segmented.quotations.find(
    (q) => q.parent === undefined && q.open > quotation.close,
  );
  const nextOpen = nextQuote?.open ?? Number.POSITIVE_INFINITY;
  const signed = /^[ \u00a0]*[―—–][ \u00a0]*/.exec(segmented.masked.slice(from, paragraph.end));
  if (signed !== null) {
    // “…” ― Pamela Padilla: a reader's answer signed with a dash.
    const named = speakerMentionAt(from + signed[0].length, context);
    return named === undefined
      ? null
      : { speakerId: named.entityId, method: methodOf(named), start: from, end: named.end };
  }
  const to = Math.min(sentence.end, nextOpen, paragraph.end);
  if (to <= from) return null;
  const stretch = segmented.masked.slice(from, to);

  const inverted = STARTS_WITH_SPEECH_VERB.exec(stretch);
  if (inverted !== null) {
    const after = from + inverted[0].length;
    const pronoun = /^(he|she)\b/i.exec(stretch.slice(inverted[0].length));
    if (pronoun?.[1] !== undefined) {
      const speakerId = resolvePronoun(pronoun[1], from, undefined, context);
      return {
        speakerId,
        method: 'pronoun',
        start: from + (stretch.length - stretch.trimStart().length),
        end: after + pronoun[1].length,
      };
    }
    const named = firstMentionBeforePunctuation(after, to, context);
    if (named === undefined) return null;
    return {
      speakerId: named.entityId,
      method: methodOf(named),
      start: from + leadingSpace(stretch),
      end: named.end,
    };
  }

  const according = /^\s*,?\s*according to\s+/i.exec(stretch);
  if (according !== null) {
    const named = speakerMentionAt(from + according[0].length, context);
    return named === undefined
      ? null
      : {
          speakerId: named.entityId,
          method: methodOf(named),
          start: from + leadingSpace(stretch),
          end: named.end,
        };
  }

  const verb = FIRST_SPEECH_VERB.exec(stretch);
  if (verb === null || verb.index > 90 || CLAUSE_WORD.test(stretch.slice(0, verb.index)))
    return null;
  const verbStart = from + verb.index;
  const subject = subjectBefore(from, verbStart, context);
  if (subject === null || subject === 'coordinated') return null;
  return { ...subject, end: verbStart + verb[0].length };
}

/** Putin said: “…” / the US warned that Xi's visit provided “…” / according to X, “…”. */
function cueBefore(quotation: QuotationMarks, context: Context): Cue | null {
  const { segmented } = context;
  const sentence = sentenceAt(segmented.sentences, quotation.open);
  const paragraph = segmented.paragraphs[quotation.paragraph] as Range;
  const previous = segmented.paragraphs[quotation.paragraph - 1];
  const opensParagraph = segmented.text.slice(paragraph.start, quotation.open).trim() === '';
  if (opensParagraph && previous !== undefined) {
    // "Caddell continued:" and the quotation as the next paragraph.
    const lead = segmented.masked.slice(previous.start, previous.end).trimEnd();
    if (lead.endsWith(':')) {
      const leadSentence = sentenceAt(segmented.sentences, previous.start + lead.length - 1);
      return cueInRegion(leadSentence.start, previous.start + lead.length - 1, context, undefined);
    }
  }
  return cueInRegion(sentence.start, quotation.open, context, undefined);
}

/** A quotation inside a quotation: its attribution is read inside the outer quotation only. */
function nestedCue(
  quotation: QuotationMarks,
  parent: QuotationMarks,
  context: Context,
): Cue | null {
  const inner = context.segmented.text.slice(parent.start, quotation.open);
  const withoutAbbreviations = inner.replace(
    /\b(?:Mr|Mrs|Ms|Dr)\./g,
    (match) => `${match.slice(0, -1)}x`,
  );
  const lastBoundary = Math.max(
    ...[...withoutAbbreviations.matchAll(/[.!?]\s+/g)].map((m) => m.index + m[0].length),
    0,
  );
  return cueInRegion(parent.start + lastBoundary, quotation.open, context, parent);
}

function cueInRegion(
  regionStart: number,
  quoteOpen: number,
  context: Context,
  parent: QuotationMarks | undefined,
): Cue | null {
  const text = parent === undefined ? context.segmented.masked : context.segmented.text;
  const region = text.slice(regionStart, quoteOpen);
  const verbs = [...region.matchAll(SPEECH_VERB)];
  const participle = [...region.matchAll(PARTICIPLE)].pop();
  const lastVerb = verbs[verbs.length - 1];
  if (
    participle !== undefined &&
    parent === undefined &&
    (lastVerb === undefined || (lastVerb.index ?? 0) < participle.index) &&
    !CLAUSE_BREAK.test(region.slice(participle.index + participle[0].length))
  ) {
    const participleStart = regionStart + participle.index;
    const subject = clauseSubject(regionStart, participleStart, context);
    return subject === undefined
      ? null
      : {
          speakerId: subject.entityId,
          method: methodOf(subject),
          start: subject.start,
          end: participleStart + participle[0].length,
        };
  }
  const inverted = /^\s*(?:Said|Says|Added|Adds|Asked|Wrote)\s+/.exec(region);
  if (inverted !== null) {
    const named = speakerMentionAt(regionStart + inverted[0].length, context);
    if (named !== undefined)
      return {
        speakerId: named.entityId,
        method: methodOf(named),
        start: regionStart + inverted[0].length - inverted[0].trimStart().length,
        end: named.end,
      };
  }
  for (let index = verbs.length - 1; index >= 0; index--) {
    const verb = verbs[index] as RegExpMatchArray;
    const verbStart = regionStart + (verb.index ?? 0);
    const verbEnd = verbStart + verb[0].length;
    if (CLAUSE_BREAK.test(text.slice(verbEnd, quoteOpen))) return null;
    const subject = subjectBefore(regionStart, verbStart, context, parent);
    if (subject === 'coordinated') continue;
    return subject === null ? null : { ...subject, end: verbEnd };
  }
  const according = /according to\s+(?:the\s+)?/gi;
  for (const match of region.matchAll(according)) {
    const named = speakerMentionAt(regionStart + match.index + match[0].length, context);
    if (named !== undefined) {
      return {
        speakerId: named.entityId,
        method: methodOf(named),
        start: regionStart + match.index,
        end: named.end,
      };
    }
  }
  return null;
}

/** Who does the verb at `verbStart`: the word(s) right before it, within [limit, verbStart). */
function subjectBefore(
  limit: number,
  verbStart: number,
  context: Context,
  parent?: QuotationMarks,
): SubjectResult {
  const text = parent === undefined ? context.segmented.masked : context.segmented.text;
  let prefix = text.slice(limit, verbStart).replace(/\s+$/, '');
  for (;;) {
    // "Rep. Gwen Moore (D-Wis.) said": a party and state in brackets stand between.
    const skippable = BETWEEN_SUBJECT_AND_VERB.exec(prefix) ?? /\s*\([^()]{1,40}\)$/.exec(prefix);
    if (skippable === null || skippable[0] === '') break;
    prefix = prefix.slice(0, skippable.index).replace(/\s+$/, '');
  }
  const end = limit + prefix.length;

  if (prefix.endsWith(',')) {
    // Apposition: "Oleksiy Danilov, the Ukrainian secretary of …, said".
    const innerEnd = end - 1;
    const previousComma = prefix.lastIndexOf(',', prefix.length - 2);
    if (previousComma === -1) return null;
    const subjectEnd = limit + prefix.slice(0, previousComma).replace(/\s+$/, '').length;
    const appositiveStart = limit + previousComma + 1;
    // "the alliance's secretary-general, Jens Stoltenberg, told": the apposition is the name.
    const inside = mentionsIn(appositiveStart, innerEnd, context, parent).find(
      (m) =>
        m.via === 'name' &&
        text.slice(appositiveStart, m.start).trim() === '' &&
        text.slice(m.end, innerEnd).trim() === '',
    );
    const before = mentionEndingAt(subjectEnd, context, parent);
    const chosen = inside ?? before;
    if (chosen === undefined || !isSpeakerKind(chosen, context)) return null;
    return {
      speakerId: chosen.entityId,
      method: methodOf(chosen),
      start: Math.min(chosen.start, appositiveStart),
    };
  }
  const pronoun = /(?:^|[^\p{L}])(he|she)$/iu.exec(prefix);
  if (pronoun?.[1] !== undefined) {
    const start = end - pronoun[1].length;
    return {
      speakerId: resolvePronoun(pronoun[1], start, parent, context),
      method: 'pronoun',
      start,
    };
  }
  if (/(?:^|[^\p{L}])(?:it|they|we|i|you|who|which)$/iu.test(prefix)) return null;
  if (/(?:^|\s)and$/.test(prefix)) return 'coordinated';
  const mention = mentionEndingAt(end, context, parent);
  if (mention === undefined || !isSpeakerKind(mention, context)) return null;
  return { speakerId: mention.entityId, method: methodOf(mention), start: mention.start };
}

function mentionsIn(
  start: number,
  end: number,
  context: Context,
  parent?: QuotationMarks,
): Mention[] {
  return context.mentions.filter(
    (m) => m.start >= start && m.end <= end && isInScope(m.start, context, parent),
  );
}

/** Words before a name that make it an object, not the subject ("attacked Clinton"). */
const OBJECT_MARKER =
  /(?:^|\s)(?:to|of|with|about|for|by|against|at|on|from|and|than|like|that|attacked|criticized|blamed|told|asked)\s*$/i;

/**
 * The subject of the clause a participle hangs on: the first person or organisation named in the
 * sentence before it, outside quotations, that is not the object of a word before it.
 */
function clauseSubject(
  sentenceStart: number,
  participleStart: number,
  context: Context,
): Mention | undefined {
  const text = context.segmented.masked;
  const first = mentionsIn(sentenceStart, participleStart, context).find((mention) => {
    const kind = context.entities.get(mention.entityId)?.kind;
    return kind === 'person' || kind === 'organization';
  });
  if (first === undefined || OBJECT_MARKER.test(text.slice(sentenceStart, first.start)))
    return undefined;
  return first;
}

function mentionEndingAt(
  end: number,
  context: Context,
  parent?: QuotationMarks,
): Mention | undefined {
  const ending = context.mentions.filter(
    (m) => m.end === end && isInScope(m.start, context, parent),
  );
  return ending.sort((a, b) => a.start - b.start)[0];
}

/** Top-level cues read mentions outside quotations; nested ones, inside the outer quotation. */
function isInScope(offset: number, context: Context, parent?: QuotationMarks): boolean {
  if (parent !== undefined) return parent.start <= offset && offset < parent.end;
  return context.topLevelAt(offset) === undefined;
}

/** Places speak for their governments ("the US warned"); topics never speak. */
function isSpeakerKind(mention: Mention, context: Context): boolean {
  return context.entities.get(mention.entityId)?.kind !== 'topic';
}

function methodOf(mention: Mention): AttributionMethod {
  return mention.via === 'reference' ? 'role' : 'name';
}

function speakerMentionAt(offset: number, context: Context): Mention | undefined {
  const mention = context.mentions.find(
    (m) => m.start === offset && context.topLevelAt(m.start) === undefined,
  );
  if (mention === undefined) return undefined;
  const kind = context.entities.get(mention.entityId)?.kind;
  return kind === 'person' || kind === 'organization' ? mention : undefined;
}

/** "said Kremlin spokesman Dmitry Peskov": the first person named before punctuation, else the first entity. */
function firstMentionBeforePunctuation(
  from: number,
  to: number,
  context: Context,
): Mention | undefined {
  // Punctuation ends the reach, except inside a name ("Rep. G.K. Butterfield").
  const text = context.segmented.masked.split('');
  for (const mention of context.mentions) {
    if (mention.end <= from || mention.start >= to) continue;
    for (let at = mention.start; at < mention.end; at++) text[at] = 'x';
  }
  const stop = text
    .slice(from, to)
    .join('')
    .search(/[.,;:]/);
  const end = stop === -1 ? to : from + stop;
  const inReach = context.mentions.filter((m) => m.start >= from && m.end <= end);
  const person = inReach.find((m) => context.entities.get(m.entityId)?.kind === 'person');
  const first = person ?? inReach[0];
  return first !== undefined && isSpeakerKind(first, context) ? first : undefined;
}

function leadingSpace(stretch: string): number {
  return stretch.length - stretch.replace(/^[\s,]+/, '').length;
}

/**
 * "he"/"she", read as a careful reader would, or not at all. Within the paragraph and the one
 * before it (for a nested quote, inside the outer quotation), outside quotations:
 *   - the last speaker quoted, if no other person who could be "he" is named after their cue;
 *   - else the one person named who could be "he", if there is exactly one.
 * A person could be "he" unless known to be "she". Any other full name printed in reach (one the
 * compiler does not know as a person) counts as a person who could be meant, so it also blocks.
 */
function resolvePronoun(
  pronoun: string,
  cueStart: number,
  parent: QuotationMarks | undefined,
  context: Context,
): string | null {
  const { paragraphs, masked } = context.segmented;
  const paragraph = paragraphs.findIndex((p) => p.start <= cueStart && cueStart <= p.end);
  const from = parent?.start ?? (paragraphs[Math.max(0, paragraph - 1)] as Range).start;
  const wanted = pronoun.toLowerCase();
  const inReach = (m: Range) =>
    m.start >= from && m.end <= cueStart && isInScope(m.start, context, parent);
  const couldBe = (id: string) => {
    const entity = context.entities.get(id);
    return entity?.kind === 'person' && (entity.pronoun === undefined || entity.pronoun === wanted);
  };
  const named = context.mentions.filter(
    (m) => inReach(m) && context.entities.get(m.entityId)?.kind === 'person',
  );
  const unknownPeople = findPrintedNames(masked.slice(from, cueStart))
    .map((name) => ({ start: from + name.start, end: from + name.end, given: name.given }))
    .filter(
      (name) =>
        name.given.length > 0 &&
        isInScope(name.start, context, parent) &&
        !context.mentions.some((m) => m.start < name.end && name.start < m.end),
    );
  // Speakers: those quoted, and those whose words the text reports ("Qin Gang said Beijing …").
  const reporting = named.filter((m) => SPEECH_AFTER_SUBJECT.test(masked.slice(m.end, m.end + 80)));
  const lastSpeaker = [...context.resolved.filter(inReach), ...reporting]
    .filter((m) => couldBe(m.entityId))
    .sort((a, b) => a.end - b.end)
    .pop();
  if (lastSpeaker !== undefined) {
    const someoneElse =
      named.some(
        (m) =>
          m.start >= lastSpeaker.end && m.entityId !== lastSpeaker.entityId && couldBe(m.entityId),
      ) || unknownPeople.some((name) => name.start >= lastSpeaker.end);
    if (!someoneElse) return lastSpeaker.entityId;
  }
  const candidates = new Set(named.filter((m) => couldBe(m.entityId)).map((m) => m.entityId));
  if (candidates.size !== 1 || unknownPeople.length > 0) return null;
  return [...candidates][0] as string;
}

/**
 * Quotes without a cue of their own take the one of the quote they continue:
 *   “A” because it would “B,” he added (same sentence, the cue after the later part);
 *   “A,” said Caddell, a pollster. “B.” (same paragraph, no one else's cue between);
 *   a paragraph that is nothing but a quotation, after a paragraph whose last quotation is
 *   attributed and names no one after it (a statement running on over paragraphs).
 * A fragment continues a quote only where no one else is named between them.
 */
function shareAttributions(segmented: SegmentedText, quotes: FoundQuote[], context: Context): void {
  const topLevel = segmented.quotations
    .map((quotation, index) => ({ quotation, quote: quotes[index] as FoundQuote }))
    .filter(({ quotation }) => quotation.parent === undefined);
  const sameSentenceAs = (a: QuotationMarks, b: QuotationMarks) =>
    sentenceAt(segmented.sentences, a.open).start === sentenceAt(segmented.sentences, b.open).start;
  topLevel.forEach(({ quotation, quote }, position) => {
    if (quote.attribution !== undefined) return;
    const next = topLevel[position + 1];
    if (
      next !== undefined &&
      sameSentenceAs(next.quotation, quotation) &&
      next.quote.attribution !== undefined &&
      next.quote.attribution.start > next.quotation.close &&
      !CLAUSE_BREAK.test(segmented.masked.slice(quotation.close + 1, next.quotation.open))
    ) {
      share(quote, next.quote);
      return;
    }
    const previous = topLevel[position - 1];
    if (previous === undefined || previous.quote.speakerId === null) return;
    const cue = previous.quote.attribution as NonNullable<FoundQuote['attribution']>;
    const from = Math.max(previous.quotation.close + 1, cue.end);
    if (previous.quotation.paragraph === quotation.paragraph) {
      const clauseBreak = CLAUSE_BREAK.test(segmented.masked.slice(from, quotation.open));
      if (sameSentenceAs(previous.quotation, quotation) && clauseBreak) return;
      if (continues(from, quotation, previous.quote, quote.kind === 'fragment', context))
        share(quote, previous.quote);
      return;
    }
    const paragraph = segmented.paragraphs[quotation.paragraph] as Range;
    const isWholeParagraph =
      previous.quotation.paragraph === quotation.paragraph - 1 &&
      !/\p{L}/u.test(outsideQuotations(segmented, paragraph));
    const previousParagraph = segmented.paragraphs[previous.quotation.paragraph] as Range;
    if (
      isWholeParagraph &&
      quote.kind === 'statement' &&
      continues(from, { open: previousParagraph.end }, previous.quote, true, context)
    )
      share(quote, previous.quote);
  });
}

/** Whether nothing between `from` and a quotation gives it another speaker. */
function continues(
  from: number,
  quotation: Pick<QuotationMarks, 'open'>,
  previous: FoundQuote,
  noOneElseNamed: boolean,
  context: Context,
): boolean {
  const between = context.segmented.masked.slice(from, quotation.open);
  for (const verb of between.matchAll(SPEECH_VERB)) {
    const verbStart = from + verb.index;
    if (/\bto\s+$/.test(between.slice(0, verb.index))) continue; // "going on to say"
    const subject = subjectBefore(from, verbStart, context);
    if (subject === 'coordinated') continue;
    if (subject === null || subject.speakerId !== previous.speakerId) return false;
  }
  if (!noOneElseNamed) return true;
  return !mentionsIn(from, quotation.open, context).some((mention) => {
    const kind = context.entities.get(mention.entityId)?.kind;
    const possessive = /^[’']s\b/.test(context.segmented.text.slice(mention.end, mention.end + 3));
    return mention.entityId !== previous.speakerId && !possessive && kind !== 'topic';
  });
}

/** A paragraph's text with its quotations left out. */
function outsideQuotations(segmented: SegmentedText, paragraph: Range): string {
  return segmented.masked.slice(paragraph.start, paragraph.end).replace(/X/g, '');
}

function share(quote: FoundQuote, from: FoundQuote): void {
  const cue = from.attribution;
  if (cue === undefined) return;
  quote.speakerId = from.speakerId;
  quote.attribution = { method: 'shared', start: cue.start, end: cue.end };
}

const TRANSCRIPT_LABEL = /^([A-Z][A-Z.'’ -]{0,40}[A-Z.]):\s+/;
const QUESTION_LABELS = new Set(['Q', 'QUESTION', 'REPORTER', 'JOURNALIST']);
const HONORIFICS =
  /^(?:(?:MR|MS|MRS|DR|PRESIDENT|SECRETARY|MINISTER|SPOKESMAN|SPOKESWOMAN|AMBASSADOR|GENERAL)\.?\s+)+/;

/**
 * A transcript ("PESKOV: …", "Q: …"): each answer is a statement by the labelled speaker. Needs at
 * least two labelled paragraphs, so a dateline ("MOSCOW: …") is not taken for a speaker.
 */
function transcriptStatements(segmented: SegmentedText, context: Context): FoundQuote[] {
  const { text, paragraphs } = segmented;
  const labelled = paragraphs
    .map((paragraph) => ({
      paragraph,
      label: TRANSCRIPT_LABEL.exec(text.slice(paragraph.start, paragraph.end)),
    }))
    .filter((entry): entry is { paragraph: Range; label: RegExpExecArray } => entry.label !== null);
  const speakers = labelled.map(({ label }) => speakerOfLabel(label[1] as string, context));
  const transcriptLines = speakers.filter((speaker) => speaker !== undefined).length;
  if (transcriptLines < 2) return [];
  const statements: FoundQuote[] = [];
  labelled.forEach(({ paragraph, label }, index) => {
    const speaker = speakers[index];
    if (speaker === undefined || speaker === 'question') return;
    const start = paragraph.start + label[0].length;
    const end = paragraph.start + text.slice(paragraph.start, paragraph.end).trimEnd().length;
    if (end <= start) return;
    statements.push({
      start,
      end,
      kind: kindOf(text.slice(start, end), ':'),
      speakerId: speaker,
      attribution: {
        method: 'name',
        start: paragraph.start,
        end: paragraph.start + (label[1] as string).length,
      },
      aboutEntityIds: [],
    });
  });
  return statements;
}

/** A person's id for a label, 'question' for a reporter's question, undefined for anything else. */
function speakerOfLabel(label: string, context: Context): string | 'question' | undefined {
  if (QUESTION_LABELS.has(label.trim())) return 'question';
  const bare = label.replace(HONORIFICS, '').trim();
  const titleCased = bare
    .toLowerCase()
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_m, gap: string, letter: string) => gap + letter.toUpperCase(),
    );
  for (const entity of context.entities.values()) {
    if (entity.kind !== 'person') continue;
    if ([entity.name, ...entity.aliases].some((form) => form === titleCased)) return entity.id;
  }
  return undefined;
}
