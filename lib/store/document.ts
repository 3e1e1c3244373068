/** One source document for the reader view: its text, and where each quote sits in it. */
import type { DocumentQuote, DocumentView } from '@/lib/views';
import { documentFacts, type EntityNames } from './briefing';
import type { BriefingsDatabase } from './db';

export function loadDocument(
  db: BriefingsDatabase,
  names: EntityNames,
  packId: string,
  documentId: string,
): Promise<DocumentView | null> {
  return db.transaction('r', [db.packs, db.documents, db.quotes], async () => {
    const [pack, document] = await Promise.all([
      db.packs.get(packId),
      db.documents.get([packId, documentId]),
    ]);
    if (!pack || !document) return null;
    const quotes = await db.quotes.where('documentIds').equals(documentId).toArray();
    const placed: DocumentQuote[] = [];
    for (const quote of quotes) {
      if (quote.packId !== packId) continue;
      const speaker = (quote.speakerId && names.get(quote.speakerId)) || null;
      // A quote is printed here as one of its sources, or as another outlet's wording of it.
      for (const span of [...quote.sources, ...quote.variants]) {
        if (span.documentId !== documentId) continue;
        placed.push({
          quoteId: quote.id,
          start: span.start,
          end: span.end,
          kind: quote.kind,
          speaker,
        });
      }
    }
    return {
      packId,
      packTitle: pack.title,
      id: document.id,
      ...documentFacts(document, document.id),
      author: document.author ?? null,
      text: document.text,
      quotes: outermost(placed),
    };
  });
}

/** In text order, without the quotes printed inside another (the outer one is shown whole). */
function outermost(quotes: DocumentQuote[]): DocumentQuote[] {
  const sorted = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DocumentQuote[] = [];
  for (const quote of sorted) {
    const last = kept.at(-1);
    if (last && quote.start < last.end) continue;
    kept.push(quote);
  }
  return kept;
}
