/**
 * A briefing: everything the installed packs say about one entity, with the source of every
 * claim: who they are (roles and where each is stated), what they said and what was said about
 * them (with outlets, dates and how wordings differ), where they sit on the timeline, and who
 * they appear with.
 */

import { articleIdentity } from '@/lib/pack/identity';
import type { SourceSpan } from '@/lib/pack/schema';
import { foldForLookup } from '@/lib/search/fold';
import type {
  Briefing,
  BriefingScope,
  DocumentFacts,
  EntityRef,
  EventView,
  QuoteContext,
  QuoteView,
  SourceRef,
} from '@/lib/views';
import { isAbout } from './about';
import type { BriefingsDatabase, DocumentRow, EntityRow, EventRow, QuoteRow } from './db';
import { installedPackIds } from './pack-rows';
import { isShortQuote, sentenceAround } from './quote-context';
import { roleKey } from './role-key';

/** Quotes by and about the entity sent at first; the rest on request (see `quoteLimit`). */
export const QUOTES_SHOWN = 12;
const RELATED_SHOWN = 8;

/** Every entity's name and kind by id, kept in memory by the caller. */
export type EntityNames = ReadonlyMap<string, EntityRef>;

/** Every entity's name and aliases by id, kept in memory by the caller: what a quote names. */
export type EntitySpellings = ReadonlyMap<string, readonly string[]>;

export function loadBriefing(
  db: BriefingsDatabase,
  { names, spellings }: { names: EntityNames; spellings: EntitySpellings },
  entityId: string,
  quoteLimit = QUOTES_SHOWN,
): Promise<Briefing | null> {
  // One read transaction: a consistent view, and one transaction's cost instead of a dozen.
  return db.transaction('r', [db.packs, db.entities, db.quotes, db.events, db.documents], () =>
    readBriefing(db, names, spellings, entityId, quoteLimit),
  );
}

async function readBriefing(
  db: BriefingsDatabase,
  refs: EntityNames,
  spellings: EntitySpellings,
  entityId: string,
  quoteLimit: number,
): Promise<Briefing | null> {
  // Rows of a pack being removed (its pack row is gone first) are not read.
  const installed = await installedPackIds(db);
  const inInstalled = (row: { packId: string }) => installed.has(row.packId);
  // Filtered here rather than by the query: a query with a filter reads row by row.
  const entityRows = (await db.entities.where('id').equals(entityId).toArray()).filter(inInstalled);
  const main = entityRows[0];
  if (!main) return null;

  const [spokenRows, mentioningRows, eventRowsOfAll] = await Promise.all([
    db.quotes.where('speakerId').equals(entityId).toArray(),
    db.quotes.where('aboutEntityIds').equals(entityId).toArray(),
    db.events.where('entityIds').equals(entityId).sortBy('date'),
  ]);
  const spoken = spokenRows.filter(inInstalled);
  const mentioning = mentioningRows.filter(inInstalled);
  const eventRows = eventRowsOfAll.filter(inInstalled);
  const others = mentioning.filter((quote) => quote.speakerId !== entityId);
  const about = others.filter((quote) =>
    isAbout(quote.text, entityId, spellings, quote.aboutEntityIds),
  );

  // Every document behind the briefing, not only those of the quotes shown: they are its scope.
  const sources = new SourceResolver(db);
  const roleSpans = entityRows.flatMap((row) =>
    row.roles.flatMap((role) => inPack(row.packId, role.sources)),
  );
  await sources.load([
    ...roleSpans,
    ...[...spoken, ...about, ...eventRows].flatMap((row) => inPack(row.packId, row.sources)),
  ]);
  const allBy = sources.distinct(spoken, quoteIdentity);
  const allAbout = sources.distinct(about, quoteIdentity);
  const ownEvents = sources.distinct(eventRows, eventIdentity);
  const scope = sources.scope([
    ...roleSpans,
    ...[...allBy, ...allAbout, ...ownEvents].flatMap((row) => inPack(row.packId, row.sources)),
  ]);

  const quotesBy = rankQuotes(allBy).slice(0, quoteLimit);
  const quotesAbout = rankQuotes(allAbout).slice(0, quoteLimit);
  const events = await withNeighbours(db, ownEvents, inInstalled);
  await sources.load(events.flatMap((event) => inPack(event.packId, event.sources)));
  const related = relatedEntities(entityId, [...allBy, ...allAbout], ownEvents);

  return {
    entity: {
      id: main.id,
      name: main.name,
      kind: main.kind,
      description: entityRows.map((row) => row.description).find((text) => text !== '') ?? '',
      aliases: [...new Set(entityRows.flatMap((row) => row.aliases))],
      roles: mergedRoles(entityRows, sources),
    },
    quotesBy: quotesBy.map((quote) => quoteView(quote, refs, sources)),
    quotesAbout: quotesAbout.map((quote) => quoteView(quote, refs, sources)),
    totals: { quotesBy: allBy.length, quotesAbout: allAbout.length },
    scope,
    events: events.map((event) => eventView(event, entityId, refs, sources)),
    related: related
      .map(([id, sharedItems]) => {
        const ref = refs.get(id);
        return ref && { ...ref, sharedItems };
      })
      .filter((ref) => ref !== undefined)
      .slice(0, RELATED_SHOWN),
  };
}

type PackSpan = SourceSpan & { packId: string };

function inPack(packId: string, spans: readonly SourceSpan[]): PackSpan[] {
  return spans.map((span) => ({ ...span, packId }));
}

/** The same words from the same articles are one quote, whichever pack carries them. */
function quoteIdentity(quote: QuoteRow, documents: string[]): string {
  return `${foldForLookup(quote.text)}\u0000${documents.join('\u0000')}`;
}

function eventIdentity(event: EventRow, documents: string[]): string {
  return `${event.date}\u0000${foldForLookup(event.title)}\u0000${documents.join('\u0000')}`;
}

/**
 * Roles that say the same thing ("Russia's President", "Russian President", or one title from
 * two packs) are one role with all their sources; the title given most often names it.
 */
function mergedRoles(
  entityRows: EntityRow[],
  sources: SourceResolver,
): Briefing['entity']['roles'] {
  const merged = new Map<string, { titles: Map<string, number>; spans: PackSpan[] }>();
  const empty = () => ({ titles: new Map<string, number>(), spans: [] as PackSpan[] });
  for (const row of entityRows) {
    for (const role of row.roles) {
      const key = roleKey(role.title);
      const entry = merged.get(key) ?? empty();
      entry.titles.set(role.title, (entry.titles.get(role.title) ?? 0) + role.sources.length);
      entry.spans.push(...inPack(row.packId, role.sources));
      merged.set(key, entry);
    }
  }
  return [...merged.values()].map(({ titles, spans }) => ({
    title: [...titles].reduce((best, next) => (next[1] > best[1] ? next : best))[0],
    sources: sources.distinctRefs(spans),
  }));
}

/** The corpus's timeline, oldest first; only the events of one entity when one is given. */
export function loadTimeline(
  db: BriefingsDatabase,
  names: EntityNames,
  entityId?: string,
): Promise<EventView[]> {
  return db.transaction('r', [db.packs, db.events, db.documents], () =>
    readTimeline(db, names, entityId),
  );
}

async function readTimeline(
  db: BriefingsDatabase,
  refs: EntityNames,
  entityId?: string,
): Promise<EventView[]> {
  const installed = await installedPackIds(db);
  const inInstalled = (row: EventRow) => installed.has(row.packId);
  const rows = (
    entityId
      ? await db.events.where('entityIds').equals(entityId).sortBy('date')
      : await db.events.orderBy('date').toArray()
  ).filter(inInstalled);
  const sources = new SourceResolver(db);
  await sources.load(
    rows.flatMap((event) => event.sources.map((span) => ({ ...span, packId: event.packId }))),
  );
  return rows.map((event) => eventView(event, entityId ?? null, refs, sources));
}

/**
 * Full statements before fragments, and a few words (shown in their sentence) last; then the
 * most widely carried; then the newest.
 */
function rankQuotes(quotes: QuoteRow[]): QuoteRow[] {
  return [...quotes].sort(
    (a, b) =>
      Number(isShortQuote(a.text)) - Number(isShortQuote(b.text)) ||
      Number(a.kind === 'fragment') - Number(b.kind === 'fragment') ||
      b.documentIds.length - a.documentIds.length ||
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** The entity's events, with the corpus's event just before and just after them for context. */
async function withNeighbours(
  db: BriefingsDatabase,
  own: EventRow[],
  inInstalled: (row: EventRow) => boolean,
): Promise<EventRow[]> {
  const first = own[0];
  const last = own.at(-1);
  if (!first || !last) return [];
  const [before, after] = await Promise.all([
    db.events.where('date').below(first.date).filter(inInstalled).last(),
    db.events.where('date').above(last.date).filter(inInstalled).first(),
  ]);
  return [...(before ? [before] : []), ...own, ...(after ? [after] : [])];
}

/** Entities that share quotes or events with this one, most shared first. */
function relatedEntities(
  entityId: string,
  quotes: QuoteRow[],
  events: EventRow[],
): [string, number][] {
  const counts = new Map<string, number>();
  const add = (ids: Iterable<string | null>) => {
    for (const id of new Set(ids)) {
      if (id && id !== entityId) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  };
  for (const quote of quotes) add([quote.speakerId, ...quote.aboutEntityIds]);
  for (const event of events) add(event.entityIds);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Fetches the documents spans point into, once each, describes spans for the reader, and tells
 * when two packs hold the same article (see articleIdentity).
 */
class SourceResolver {
  private documents = new Map<string, DocumentRow>();

  constructor(private readonly db: BriefingsDatabase) {}

  async load(spans: { packId: string; documentId: string }[]): Promise<void> {
    const keys = new Map(
      spans
        .filter((span) => !this.documents.has(keyOf(span.packId, span.documentId)))
        .map((span) => [keyOf(span.packId, span.documentId), span]),
    );
    if (keys.size === 0) return;
    const rows = await this.db.documents.bulkGet(
      [...keys.values()].map((span): [string, string] => [span.packId, span.documentId]),
    );
    for (const row of rows) if (row) this.documents.set(keyOf(row.packId, row.id), row);
  }

  ref(packId: string, span: { documentId: string; start: number; end: number }): SourceRef {
    const document = this.documents.get(keyOf(packId, span.documentId));
    return {
      packId,
      documentId: span.documentId,
      ...documentFacts(document, span.documentId),
      start: span.start,
      end: span.end,
    };
  }

  /** One source per article, in the order given. */
  distinctRefs(spans: PackSpan[]): SourceRef[] {
    const seen = new Map<string, PackSpan>();
    for (const span of spans) {
      const identity = this.identity(span.packId, span.documentId);
      if (!seen.has(identity)) seen.set(identity, span);
    }
    return [...seen.values()].map((span) => this.ref(span.packId, span));
  }

  /** The rows without repeats: the first of those with the same identity stays. */
  distinct<Row extends { packId: string; sources: SourceSpan[] }>(
    rows: Row[],
    identify: (row: Row, documents: string[]) => string,
  ): Row[] {
    const seen = new Map<string, Row>();
    for (const row of rows) {
      const documents = [
        ...new Set(row.sources.map((span) => this.identity(row.packId, span.documentId))),
      ].sort();
      const key = identify(row, documents);
      if (!seen.has(key)) seen.set(key, row);
    }
    return [...seen.values()];
  }

  /** How many distinct articles the spans point into, and the span of their dates. */
  scope(spans: PackSpan[]): BriefingScope {
    const articles = new Map<string, DocumentRow | undefined>();
    for (const span of spans) {
      const identity = this.identity(span.packId, span.documentId);
      if (!articles.has(identity)) {
        articles.set(identity, this.documents.get(keyOf(span.packId, span.documentId)));
      }
    }
    const dated = [...articles.values()]
      .flatMap((row) =>
        row?.publishedAt ? [{ date: row.publishedAt, precision: row.datePrecision }] : [],
      )
      .sort((a, b) => a.date.localeCompare(b.date));
    return { articles: articles.size, earliest: dated[0] ?? null, latest: dated.at(-1) ?? null };
  }

  /** The sentence a short quote's first source prints it in. */
  context(quote: QuoteRow): QuoteContext | null {
    const [span] = quote.sources;
    const document = span && this.documents.get(keyOf(quote.packId, span.documentId));
    if (!span || !document) return null;
    return sentenceAround(document.text, span.start, span.end);
  }

  private identity(packId: string, documentId: string): string {
    const key = keyOf(packId, documentId);
    const document = this.documents.get(key);
    return document ? articleIdentity(document) : `missing:${key}`;
  }
}

function keyOf(packId: string, documentId: string): string {
  return `${packId}\u0000${documentId}`;
}

function quoteView(quote: QuoteRow, refs: EntityNames, sources: SourceResolver): QuoteView {
  const sourceRefs = quote.sources.map((span) => sources.ref(quote.packId, span));
  return {
    id: quote.id,
    packId: quote.packId,
    text: quote.text,
    kind: quote.kind,
    speaker: (quote.speakerId && refs.get(quote.speakerId)) || null,
    date: quote.date,
    datePrecision: quote.datePrecision,
    dateBasis: quote.dateBasis,
    dateReason: quote.dateReason ?? null,
    sources: sourceRefs,
    variants: quote.variants.map((variant) => ({
      source: sources.ref(quote.packId, variant),
      diff: variant.diff,
    })),
    carriedBy: new Set(sourceRefs.map((source) => source.outlet ?? source.documentId)).size,
    // A few words are never shown alone: in their sentence, or as printed when it is not found.
    context: isShortQuote(quote.text)
      ? (sources.context(quote) ?? { before: '', quoted: quote.text, after: '' })
      : null,
  };
}

function eventView(
  event: EventRow,
  entityId: string | null,
  refs: EntityNames,
  sources: SourceResolver,
): EventView {
  return {
    id: event.id,
    packId: event.packId,
    title: event.title,
    date: event.date,
    endDate: event.endDate ?? null,
    datePrecision: event.datePrecision,
    dateBasis: event.dateBasis,
    dateReason: event.dateReason ?? null,
    entities: event.entityIds.map((id) => refs.get(id)).filter((ref) => ref !== undefined),
    sources: event.sources.map((span) => sources.ref(event.packId, span)),
    involvesEntity: entityId === null || event.entityIds.includes(entityId),
  };
}

/** A document's facts for a view; a document that is gone is named by its id. */
export function documentFacts(
  document: DocumentRow | undefined,
  documentId: string,
): DocumentFacts {
  return {
    title: document?.title ?? documentId,
    outlet: document?.outlet ?? null,
    url: document?.url ?? null,
    publishedAt: document?.publishedAt ?? null,
    datePrecision: document?.datePrecision ?? null,
    dateBasis: document?.dateBasis ?? null,
    dateReason: document?.dateReason ?? null,
    duplicateOf: document?.duplicateOf ?? null,
  };
}
