/**
 * The compiler: raw articles + gazetteer → a validated briefing pack. Pure and deterministic: the
 * same input gives the same pack, byte for byte (no clock, stable order, ids from content).
 */
import {
  type Entity,
  formatProblem,
  PACK_FORMAT,
  PACK_VERSION,
  type Pack,
  type PackDocument,
  type Quote,
  type QuoteSource,
  type Role,
  validatePack,
} from '../pack/schema';
import { cleanArticleText } from './clean';
import { findTextDates, type TextDate } from './dates';
import { daysApart, diffWords, findDuplicateDocuments, groupQuotes } from './duplicates';
import {
  type FoundRole,
  findRoles,
  fromGazetteer,
  type KnownEntity,
  type Mention,
  MentionMatcher,
} from './entities';
import { CorpusInputError, CorpusInputErrors } from './errors';
import { buildEvents } from './events';
import { type ArticleFile, type ParsedArticle, parseArticle } from './frontMatter';
import type { Gazetteer } from './gazetteer';
import { findPrintedNames, personKey } from './names';
import { type DiscoveredPeople, discoverPeople } from './people';
import { extractQuotes, type FoundQuote, isSubstantialQuote } from './quotes';
import { type SegmentedText, segmentText, sentenceAt } from './segment';

export interface CompileOptions {
  /** Pack id (a slug); default "corpus". */
  packId?: string;
  /** Pack title; default "Briefing pack". */
  title?: string;
  /**
   * Which of the gazetteer's entities the pack keeps: all of them (a corpus's own gazetteer), or
   * only those the articles name (the installed corpus, used to recognise the people of one
   * article the reader adds).
   */
  gazetteerKept?: 'all' | 'mentioned';
  /** Told about things worth a look that do not stop the build (a rule that matched nothing). */
  onWarning?: (message: string) => void;
}

interface AnalyzedDocument {
  article: ParsedArticle;
  document: PackDocument;
  segmented: SegmentedText;
  mentions: Mention[];
  quotes: FoundQuote[];
  textDates: TextDate[];
}

export function compileCorpus(
  articles: readonly ArticleFile[],
  gazetteer: Gazetteer,
  options: CompileOptions = {},
): Pack {
  const warn = options.onWarning ?? (() => {});
  const parsed = parseAll(articles);

  const documents = parsed.map((article) => toDocument(article));
  const segmentedById = new Map(
    documents.map((document) => [document.id, segmentText(document.text)]),
  );

  const curated = gazetteer.entities.map(fromGazetteer);
  const curatedMatcher = new MentionMatcher(curated);
  const curatedMentions = new Map(
    documents.map((document) => [document.id, curatedMatcher.find(document.text)]),
  );
  const people = discoverPeople(
    documents.map((document) => ({
      id: document.id,
      text: document.text,
      masked: (segmentedById.get(document.id) as SegmentedText).masked,
      known: curatedMentions.get(document.id) as Mention[],
    })),
    gazetteerPersonKeys(curated),
    new Set(curated.map((entity) => entity.id)),
  );
  const candidates = new Map([...curated, ...people.entities].map((entity) => [entity.id, entity]));

  const duplicateOf = findDuplicateDocuments(documents);
  for (const document of documents) {
    const original = duplicateOf.get(document.id);
    if (original !== undefined) document.duplicateOf = original;
  }

  const analyzed: AnalyzedDocument[] = documents.map((document, index) => {
    const segmented = segmentedById.get(document.id) as SegmentedText;
    const mentions = [
      ...(curatedMentions.get(document.id) as Mention[]),
      ...(people.mentions.get(document.id) ?? []),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    return {
      article: parsed[index] as ParsedArticle,
      document,
      segmented,
      mentions,
      quotes: extractQuotes(segmented, mentions, candidates),
      textDates: findTextDates(segmented.masked, {
        date: document.publishedAt,
        precision: document.datePrecision,
        basis: document.dateBasis,
      }),
    };
  });
  const entities = keptEntities(candidates, people, analyzed, options.gazetteerKept ?? 'all');
  for (const { quotes } of analyzed) {
    for (const quote of quotes)
      quote.aboutEntityIds = quote.aboutEntityIds.filter((id) => entities.has(id));
  }

  const roles = [
    ...analyzed.flatMap(({ document, mentions }) =>
      findRoles(document.id, document.text, mentions, entities),
    ),
    ...discoveredRoles(people, documents, entities),
  ];
  const events = buildEvents(
    gazetteer.events,
    analyzed.map(({ document, segmented, textDates }) => ({
      id: document.id,
      text: document.text,
      sentences: segmented.sentences,
      textDates,
      publishedAt: document.publishedAt,
      datePrecision: document.datePrecision,
      dateBasis: document.dateBasis,
    })),
    warn,
  );

  const pack: Pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: options.packId ?? 'corpus',
    title: options.title ?? 'Briefing pack',
    createdAt: createdAtFrom(documents),
    documents,
    entities: toPackEntities(entities, roles),
    quotes: mergeQuotes(analyzed, duplicateOf),
    events,
  };
  const validation = validatePack(pack);
  if (!validation.ok) {
    // The compiler's own output must always validate: this is a bug, not bad input.
    throw new Error(
      `compiled pack is invalid:\n${validation.problems.map(formatProblem).join('\n')}`,
    );
  }
  return validation.pack;
}

function parseAll(articles: readonly ArticleFile[]): ParsedArticle[] {
  const errors: CorpusInputError[] = [];
  const parsed: ParsedArticle[] = [];
  const ids = new Map<string, string>();
  for (const file of [...articles].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    try {
      const article = parseArticle(file);
      const other = ids.get(article.meta.id);
      if (other !== undefined) {
        errors.push(
          new CorpusInputError(
            file.fileName,
            undefined,
            `document id "${article.meta.id}" is also used by ${other}`,
          ),
        );
        continue;
      }
      ids.set(article.meta.id, file.fileName);
      parsed.push(article);
    } catch (error) {
      if (!(error instanceof CorpusInputError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new CorpusInputErrors(errors);
  return parsed.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}

function toDocument(article: ParsedArticle): PackDocument {
  const cleaned = cleanArticleText(article.body);
  if (cleaned.text.trim() === '') {
    throw new CorpusInputErrors([
      new CorpusInputError(
        article.fileName,
        article.bodyLine,
        'no article text left after cleaning',
      ),
    ]);
  }
  const { meta } = article;
  const document: PackDocument = {
    id: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    publishedAt: meta.publishedAt,
    datePrecision: meta.datePrecision,
    dateBasis: meta.dateBasis,
    text: cleaned.text,
  };
  if (meta.outletNote !== undefined) document.outletNote = meta.outletNote;
  const author = meta.author ?? cleaned.author;
  if (author !== undefined) document.author = author;
  if (meta.url !== undefined) document.url = meta.url;
  if (meta.dateReason !== undefined) document.dateReason = meta.dateReason;
  return document;
}

/** The person keys ("vladimir putin") of the gazetteer's people's names and aliases. */
function gazetteerPersonKeys(curated: readonly KnownEntity[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const entity of curated) {
    if (entity.kind !== 'person') continue;
    for (const form of [entity.name, ...entity.aliases]) {
      const printed = findPrintedNames(form)[0];
      const key = printed === undefined ? undefined : personKey(printed);
      if (key !== undefined && !keys.has(key)) keys.set(key, entity.id);
    }
  }
  return keys;
}

/**
 * The gazetteer's entities (or those named, see `gazetteerKept`), and the discovered people a reader needs: those the articles quote or
 * give a role. Anyone else named in passing is left out, so pages are not marked with them.
 */
function keptEntities(
  candidates: ReadonlyMap<string, KnownEntity>,
  people: DiscoveredPeople,
  analyzed: readonly AnalyzedDocument[],
  gazetteerKept: 'all' | 'mentioned',
): Map<string, KnownEntity> {
  const speakers = new Set(
    analyzed.flatMap(({ quotes }) => quotes.map((quote) => quote.speakerId)),
  );
  const mentioned = new Set(
    analyzed.flatMap(({ mentions }) => mentions.map((mention) => mention.entityId)),
  );
  const withRoles = new Set(people.roles.map((role) => role.entityId));
  const kept = new Map<string, KnownEntity>();
  for (const [id, entity] of candidates) {
    const curated = entity.origin === 'gazetteer' && (gazetteerKept === 'all' || mentioned.has(id));
    const needed = curated || speakers.has(id) || withRoles.has(id);
    if (needed) kept.set(id, entity);
  }
  return kept;
}

/** Roles printed next to discovered people, with the description they give. */
function discoveredRoles(
  people: DiscoveredPeople,
  documents: readonly PackDocument[],
  entities: ReadonlyMap<string, KnownEntity>,
): FoundRole[] {
  const textOf = new Map(documents.map((document) => [document.id, document.text]));
  const roles = people.roles
    .filter((role) => entities.has(role.entityId))
    .map(({ entityId, documentId, start, end }) => ({
      entityId,
      title: (textOf.get(documentId) as string).slice(start, end),
      span: { documentId, start, end },
    }));
  for (const entity of entities.values()) {
    if (entity.origin !== 'discovered') continue;
    const titles = [...new Set(roles.filter((r) => r.entityId === entity.id).map((r) => r.title))];
    entity.description =
      titles.length > 0
        ? `Named in the articles as ${titles.join('; ')}.`
        : 'Quoted in the articles; not in the gazetteer.';
  }
  return roles;
}

function toPackEntities(
  entities: ReadonlyMap<string, KnownEntity>,
  found: readonly FoundRole[],
): Entity[] {
  return [...entities.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((known) => {
      const roles = new Map<string, Role>();
      for (const role of found.filter((r) => r.entityId === known.id)) {
        const entry = roles.get(role.title) ?? { title: role.title, sources: [] };
        entry.sources.push(role.span);
        roles.set(role.title, entry);
      }
      const entity: Entity = {
        id: known.id,
        name: known.name,
        kind: known.kind,
        aliases: [...known.aliases],
        description: known.description,
        roles: [...roles.values()].sort((a, b) => a.title.localeCompare(b.title)),
        origin: known.origin,
      };
      if (known.caseSensitive.length > 0 || known.contextRequired.length > 0) {
        entity.spotting = {};
        if (known.caseSensitive.length > 0)
          entity.spotting.caseSensitive = [...known.caseSensitive];
        if (known.contextRequired.length > 0)
          entity.spotting.contextRequired = [...known.contextRequired];
      }
      return entity;
    });
}

/** Outlets re-word a statement in the days after it was made, not months later. */
const VARIANT_MAX_DAYS_APART = 7;

interface LocatedQuote {
  documentId: string;
  found: FoundQuote;
  text: string;
  date: TextDate | undefined;
}

function mergeQuotes(
  analyzed: readonly AnalyzedDocument[],
  duplicateOf: ReadonlyMap<string, string>,
): Quote[] {
  const storyOf = (documentId: string) => duplicateOf.get(documentId) ?? documentId;
  const documentsById = new Map(analyzed.map(({ document }) => [document.id, document]));
  const byId = (id: string) => documentsById.get(id) as PackDocument;
  const publishedAt = new Map(
    analyzed.map(({ document }) => [document.id, document.publishedAt ?? '9999']),
  );
  // Originals first, then by date and id, so a group's first member is the canonical wording.
  const ordered = [...analyzed].sort(
    (a, b) =>
      Number(duplicateOf.has(a.document.id)) - Number(duplicateOf.has(b.document.id)) ||
      (publishedAt.get(a.document.id) as string).localeCompare(
        publishedAt.get(b.document.id) as string,
      ) ||
      a.document.id.localeCompare(b.document.id),
  );
  const located: LocatedQuote[] = ordered.flatMap(({ document, quotes, segmented, textDates }) =>
    quotes.map((found) => ({
      documentId: document.id,
      found,
      text: document.text.slice(found.start, found.end),
      date: dateOfQuote(found, segmented, textDates),
    })),
  );
  const groups = groupQuotes(
    located.map((quote) => ({
      documentId: quote.documentId,
      text: quote.text,
      substantial: isSubstantialQuote(quote.text),
      speakerId: quote.found.speakerId,
    })),
    (a, b) => storyOf(a) === storyOf(b),
    (a, b) => daysApart(byId(a), byId(b)) <= VARIANT_MAX_DAYS_APART,
  );

  const idOfFound = new Map<FoundQuote, string>();
  const usedIds = new Set<string>();
  const drafts = groups.map((members) => {
    const quotes = members.map((index) => located[index] as LocatedQuote);
    // A partial quotation grouped with the full statement reads better as its variant.
    const canonical =
      quotes.find((q) => q.found.kind === 'statement') ?? (quotes[0] as LocatedQuote);
    const speakerId = quotes.map((q) => q.found.speakerId).find((id) => id !== null) ?? null;
    const id = uniqueId(`q-${speakerId ?? 'unattributed'}-${hash(canonical.text)}`, usedIds);
    for (const quote of quotes) idOfFound.set(quote.found, id);
    return { id, quotes, canonical, speakerId };
  });

  return drafts
    .map(({ id, quotes, canonical, speakerId }): Quote => {
      const sources: QuoteSource[] = quotes
        .map(({ documentId, found }) => {
          const source: QuoteSource = { documentId, start: found.start, end: found.end };
          if (found.attribution !== undefined) source.attribution = found.attribution;
          return source;
        })
        .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start);
      const dated = quotes.find((q) => q.date !== undefined)?.date;
      const quote: Quote = {
        id,
        text: canonical.text,
        kind: canonical.found.kind,
        speakerId,
        sources,
        variants: quotes
          .filter((q) => q.text !== canonical.text)
          .map((q) => ({
            documentId: q.documentId,
            start: q.found.start,
            end: q.found.end,
            diff: diffWords(canonical.text, q.text),
          })),
        aboutEntityIds: [...new Set(quotes.flatMap((q) => q.found.aboutEntityIds))].sort(),
        date: dated?.date ?? null,
        datePrecision: dated?.precision ?? null,
        dateBasis: dated?.basis ?? null,
      };
      if (dated?.reason !== undefined) quote.dateReason = dated.reason;
      const outer = canonical.found.insideOf;
      if (outer !== undefined) quote.insideQuoteId = idOfFound.get(outer) as string;
      return quote;
    })
    .sort((a, b) => {
      const first = a.sources[0] as QuoteSource;
      const second = b.sources[0] as QuoteSource;
      return first.documentId.localeCompare(second.documentId) || first.start - second.start;
    });
}

/** How far from its attribution a date expression may stand and still date the quote. */
const DATE_REACH = 40;

/** A date expression next to the attribution ("Mao Ning said Thursday"), in its sentence. */
function dateOfQuote(
  found: FoundQuote,
  segmented: SegmentedText,
  textDates: readonly TextDate[],
): TextDate | undefined {
  const cue = found.attribution;
  if (cue === undefined) return undefined;
  const sentence = sentenceAt(segmented.sentences, cue.start);
  return textDates.find(
    (d) =>
      d.start >= Math.max(sentence.start, cue.start - DATE_REACH) &&
      d.end <= Math.min(sentence.end, cue.end + DATE_REACH),
  );
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable id from text. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(16).padStart(8, '0');
}

/** The latest publication date, as a full date: the pack is as new as its newest article. */
function createdAtFrom(documents: readonly PackDocument[]): string {
  const latest = documents
    .map((document) => document.publishedAt)
    .filter((date): date is string => date !== null)
    .sort()
    .pop();
  if (latest === undefined) return '1970-01-01';
  return `${latest}-01-01`.slice(0, 10);
}
