/**
 * An article the reader adds, made a member of their pack: its one-document pack renamed so that
 * its spans, quotes and events cannot collide with another article's, and put on the timeline.
 */
import type { Pack, TimelineEvent } from './schema';

/**
 * A one-article pack's content, made a member of the reader's pack as `documentId`: its spans
 * point at that id, and its quotes and events take ids no other article of the pack can have.
 */
export function asMemberOf(pack: Pack, documentId: string): Pack {
  const [document] = pack.documents;
  if (!document || pack.documents.length !== 1) {
    throw new Error('an added article compiles to exactly one document');
  }
  const span = <T extends { documentId: string }>(source: T): T => ({ ...source, documentId });
  const memberId = (id: string) => `${documentId}--${id}`;
  return {
    ...pack,
    documents: [{ ...document, id: documentId }],
    entities: pack.entities.map((entity) => ({
      ...entity,
      roles: entity.roles.map((role) => ({ ...role, sources: role.sources.map(span) })),
    })),
    quotes: pack.quotes.map((quote) => ({
      ...quote,
      id: memberId(quote.id),
      sources: quote.sources.map(span),
      variants: quote.variants.map(span),
      ...(quote.insideQuoteId !== undefined && { insideQuoteId: memberId(quote.insideQuoteId) }),
    })),
    events: [
      ...pack.events.map((event) => ({ ...event, id: memberId(event.id) })),
      ...publicationEvent(pack, memberId('published')),
    ].map((event) => ({ ...event, sources: event.sources.map(span) })),
  };
}

/** How many of an article's speakers its place on the timeline names, most quoted first. */
const PUBLICATION_EVENT_SPEAKERS = 4;

/**
 * The article on the timeline: its headline on its publication date, with the people it quotes
 * most. Only a dated article has a place; its source is its first paragraph.
 */
function publicationEvent(pack: Pack, id: string): TimelineEvent[] {
  const document = pack.documents[0];
  if (!document?.publishedAt || !document.datePrecision || !document.dateBasis) return [];
  const counts = new Map<string, number>();
  for (const quote of pack.quotes) {
    if (quote.speakerId) counts.set(quote.speakerId, (counts.get(quote.speakerId) ?? 0) + 1);
  }
  const speakers = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, PUBLICATION_EVENT_SPEAKERS)
    .map(([speakerId]) => speakerId);
  const firstBreak = document.text.indexOf('\n');
  const event: TimelineEvent = {
    id,
    date: document.publishedAt,
    datePrecision: document.datePrecision,
    dateBasis: document.dateBasis,
    title: `${document.outlet ? `${document.outlet}: ` : ''}${document.title}`,
    entityIds: speakers,
    sources: [
      {
        documentId: document.id,
        start: 0,
        end: firstBreak > 0 ? firstBreak : document.text.length,
      },
    ],
  };
  if (document.dateReason) event.dateReason = document.dateReason;
  return [event];
}
