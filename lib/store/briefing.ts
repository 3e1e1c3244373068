/**
 * A briefing: everything the installed packs say about one entity, with the source of every
 * claim: who they are (roles and where each is stated), what they said and what was said about
 * them (with outlets, dates and how wordings differ), where they sit on the timeline, and who
 * they appear with.
 */
import type {
  Briefing,
  DocumentFacts,
  EntityRef,
  EventView,
  QuoteView,
  SourceRef,
} from '@/lib/views';
import type { BriefingsDatabase, DocumentRow, EventRow, QuoteRow } from './db';

/** Quotes by and about the entity sent at first; the rest on request (see `quoteLimit`). */
export const QUOTES_SHOWN = 12;
const RELATED_SHOWN = 8;

/** Every entity's name and kind by id, kept in memory by the caller. */
export type EntityNames = ReadonlyMap<string, EntityRef>;

export function loadBriefing(
  db: BriefingsDatabase,
  names: EntityNames,
  entityId: string,
  quoteLimit = QUOTES_SHOWN,
): Promise<Briefing | null> {
  // One read transaction: a consistent view, and one transaction's cost instead of a dozen.
  return db.transaction('r', [db.entities, db.quotes, db.events, db.documents], () =>
    readBriefing(db, names, entityId, quoteLimit),
  );
}

async function readBriefing(
  db: BriefingsDatabase,
  refs: EntityNames,
  entityId: string,
  quoteLimit: number,
): Promise<Briefing | null> {
  const entityRows = await db.entities.where('id').equals(entityId).toArray();
  const main = entityRows[0];
  if (!main) return null;

  const [spoken, mentioning, ownEvents] = await Promise.all([
    db.quotes.where('speakerId').equals(entityId).toArray(),
    db.quotes.where('aboutEntityIds').equals(entityId).toArray(),
    db.events.where('entityIds').equals(entityId).sortBy('date'),
  ]);
  const about = mentioning.filter((quote) => quote.speakerId !== entityId);
  const quotesBy = rankQuotes(spoken).slice(0, quoteLimit);
  const quotesAbout = rankQuotes(about).slice(0, quoteLimit);
  const events = await withNeighbours(db, ownEvents);

  const related = relatedEntities(entityId, [...spoken, ...about], ownEvents);

  const sources = new SourceResolver(db);
  const spans = [
    ...entityRows.flatMap((row) =>
      row.roles.flatMap((role) => role.sources.map((span) => ({ ...span, packId: row.packId }))),
    ),
    ...[...quotesBy, ...quotesAbout].flatMap((quote) =>
      quote.sources.map((span) => ({ ...span, packId: quote.packId })),
    ),
    ...events.flatMap((event) => event.sources.map((span) => ({ ...span, packId: event.packId }))),
  ];
  await sources.load(spans);

  return {
    entity: {
      id: main.id,
      name: main.name,
      kind: main.kind,
      description: entityRows.map((row) => row.description).find((text) => text !== '') ?? '',
      aliases: [...new Set(entityRows.flatMap((row) => row.aliases))],
      roles: entityRows.flatMap((row) =>
        row.roles.map((role) => ({
          title: role.title,
          sources: role.sources.map((span) => sources.ref(row.packId, span)),
        })),
      ),
    },
    quotesBy: quotesBy.map((quote) => quoteView(quote, refs, sources)),
    quotesAbout: quotesAbout.map((quote) => quoteView(quote, refs, sources)),
    totals: { quotesBy: spoken.length, quotesAbout: about.length },
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

/** The corpus's timeline, oldest first; only the events of one entity when one is given. */
export function loadTimeline(
  db: BriefingsDatabase,
  names: EntityNames,
  entityId?: string,
): Promise<EventView[]> {
  return db.transaction('r', [db.events, db.documents], () => readTimeline(db, names, entityId));
}

async function readTimeline(
  db: BriefingsDatabase,
  refs: EntityNames,
  entityId?: string,
): Promise<EventView[]> {
  const rows = entityId
    ? await db.events.where('entityIds').equals(entityId).sortBy('date')
    : await db.events.orderBy('date').toArray();
  const sources = new SourceResolver(db);
  await sources.load(
    rows.flatMap((event) => event.sources.map((span) => ({ ...span, packId: event.packId }))),
  );
  return rows.map((event) => eventView(event, entityId ?? null, refs, sources));
}

/** Full statements before fragments; then the most widely carried; then the newest. */
function rankQuotes(quotes: QuoteRow[]): QuoteRow[] {
  return [...quotes].sort(
    (a, b) =>
      Number(a.kind === 'fragment') - Number(b.kind === 'fragment') ||
      b.documentIds.length - a.documentIds.length ||
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** The entity's events, with the corpus's event just before and just after them for context. */
async function withNeighbours(db: BriefingsDatabase, own: EventRow[]): Promise<EventRow[]> {
  const first = own[0];
  const last = own.at(-1);
  if (!first || !last) return [];
  const [before, after] = await Promise.all([
    db.events.where('date').below(first.date).last(),
    db.events.where('date').above(last.date).first(),
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

/** Fetches the documents spans point into, once each, and describes spans for the reader. */
class SourceResolver {
  private documents = new Map<string, DocumentRow>();

  constructor(private readonly db: BriefingsDatabase) {}

  async load(spans: { packId: string; documentId: string }[]): Promise<void> {
    const keys = new Map(spans.map((span) => [`${span.packId}\u0000${span.documentId}`, span]));
    const rows = await this.db.documents.bulkGet(
      [...keys.values()].map((span): [string, string] => [span.packId, span.documentId]),
    );
    for (const row of rows) if (row) this.documents.set(`${row.packId}\u0000${row.id}`, row);
  }

  ref(packId: string, span: { documentId: string; start: number; end: number }): SourceRef {
    const document = this.documents.get(`${packId}\u0000${span.documentId}`);
    return {
      packId,
      documentId: span.documentId,
      ...documentFacts(document, span.documentId),
      start: span.start,
      end: span.end,
    };
  }
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
