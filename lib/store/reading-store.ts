/**
 * The reader's own pack, "My reading": articles added one at a time. Adding, updating or
 * removing one article is one small transaction over its own rows (its document, quotes and
 * events, and the entities it names) and the search entries of those rows; nothing else is
 * re-imported or re-indexed.
 */

import { fingerprintSimilarity, SAME_TEXT_SIMILARITY } from '@/lib/corpus/fingerprint';
import type { ArticleFile } from '@/lib/corpus/frontMatter';
import { mergeEntities } from '@/lib/pack/merge';
import type { Pack } from '@/lib/pack/schema';
import { type CorpusIndex, searchEntriesOf, searchKeysOf } from '@/lib/search/index';
import { READING_PACK_ID, READING_PACK_TITLE, type SavedArticle } from '@/lib/views';
import type { CorpusStore } from './corpus-store';
import { type EntityRow, entityRowOf, type ReadingRow, rowsOfPack } from './db';

/** One compiled article, ready to be saved as `documentId` (see lib/corpus/article.ts). */
export interface CompiledArticle {
  documentId: string;
  /** Its content as a member of the reader's pack (`asMemberOf`). */
  pack: Pack;
  source: ArticleFile;
  url: string | null;
  fingerprint: number[];
}

export class ReadingStore {
  constructor(private readonly corpus: CorpusStore) {}

  private get db() {
    return this.corpus.db;
  }

  /** The saved article this one is: the same address, or near-identical text. */
  async findSame(url: string | null, fingerprint: readonly number[]): Promise<ReadingRow | null> {
    const readings = this.db.readings.where('packId').equals(READING_PACK_ID);
    if (url) {
      const sameUrl = await this.db.readings.where('url').equals(url).first();
      if (sameUrl?.packId === READING_PACK_ID) return sameUrl;
    }
    let best: { row: ReadingRow; similarity: number } | null = null;
    await readings.each((row) => {
      const similarity = fingerprintSimilarity(fingerprint, row.fingerprint);
      if (similarity >= SAME_TEXT_SIMILARITY && similarity > (best?.similarity ?? 0)) {
        best = { row, similarity };
      }
    });
    return (best as { row: ReadingRow } | null)?.row ?? null;
  }

  get(documentId: string): Promise<ReadingRow | undefined> {
    return this.db.readings.get([READING_PACK_ID, documentId]);
  }

  /** Every saved article, newest first. */
  async list(): Promise<SavedArticle[]> {
    const [readings, documents] = await Promise.all([
      this.db.readings.where('packId').equals(READING_PACK_ID).toArray(),
      this.db.documents.where('packId').equals(READING_PACK_ID).toArray(),
    ]);
    const byId = new Map(documents.map((document) => [document.id, document]));
    return readings
      .map((reading): SavedArticle => {
        const document = byId.get(reading.documentId);
        return {
          packId: READING_PACK_ID,
          documentId: reading.documentId,
          title: document?.title ?? reading.documentId,
          outlet: document?.outlet ?? null,
          url: reading.url,
          publishedAt: document?.publishedAt ?? null,
          datePrecision: document?.datePrecision ?? null,
          dateBasis: document?.dateBasis ?? null,
          quoteCount: reading.quoteCount,
          addedAt: reading.addedAt,
        };
      })
      .sort((a, b) => b.addedAt - a.addedAt || a.documentId.localeCompare(b.documentId));
  }

  /**
   * Saves the article, in place of the saved article with its id if there is one. Returns
   * whether it replaced one. `onlyInPlace`: a re-compile, refused if the article was removed
   * meanwhile.
   */
  save(
    article: CompiledArticle,
    { now = Date.now(), onlyInPlace = false } = {},
  ): Promise<{ replaced: boolean }> {
    return this.corpus.changePack(READING_PACK_ID, async (index) => {
      await this.ensurePack(now);
      const previous = await this.get(article.documentId);
      if (!previous && onlyInPlace) throw new Error('That article is no longer in your reading.');
      if (previous) await this.deleteArticleRows(previous.documentId, index);
      const rows = rowsOfPack({ ...article.pack, id: READING_PACK_ID });
      await this.db.documents.bulkAdd(rows.documents);
      await this.db.quotes.bulkAdd(rows.quotes);
      await this.db.events.bulkAdd(rows.events);
      await this.db.readings.put({
        packId: READING_PACK_ID,
        documentId: article.documentId,
        source: article.source,
        url: article.url,
        fingerprint: article.fingerprint,
        entities: article.pack.entities,
        entityIds: article.pack.entities.map((entity) => entity.id),
        quoteCount: article.pack.quotes.length,
        addedAt: previous?.addedAt ?? now,
        compiledAt: now,
      });
      const entityIds = new Set([
        ...(previous?.entityIds ?? []),
        ...article.pack.entities.map((entity) => entity.id),
      ]);
      const entities = await this.mergeEntityRows(entityIds, index);
      index.addAll(
        searchEntriesOf({ ...rows, entities }).filter((entry) => entry.kind !== 'entity'),
      );
      await this.updateCounts();
      return { replaced: previous !== undefined };
    });
  }

  /** Removes a saved article: its quotes and the entities only it named leave every card. */
  remove(documentId: string): Promise<void> {
    return this.corpus.changePack(READING_PACK_ID, async (index) => {
      const reading = await this.get(documentId);
      if (!reading) throw new Error('That article is no longer in your reading.');
      await this.deleteArticleRows(documentId, index);
      await this.mergeEntityRows(new Set(reading.entityIds), index);
      await this.updateCounts();
    });
  }

  private async ensurePack(now: number): Promise<void> {
    const pack = await this.db.packs.get(READING_PACK_ID);
    if (pack?.origin === 'reading') return;
    if (pack) {
      throw new Error(
        `The pack "${pack.title}" uses the id of your reading (${READING_PACK_ID}). Remove it first.`,
      );
    }
    await this.db.packs.add({
      id: READING_PACK_ID,
      title: READING_PACK_TITLE,
      createdAt: new Date(now).toISOString().slice(0, 10),
      origin: 'reading',
      installedAt: now,
      counts: { documents: 0, entities: 0, quotes: 0, events: 0 },
    });
  }

  /** The article's document, quotes, events and reading row, out of the tables and the index. */
  private async deleteArticleRows(documentId: string, index: CorpusIndex): Promise<void> {
    const { db } = this;
    // The article's quotes and events have ids that start with its document id (asMemberOf).
    const own: [[string, string], [string, string]] = [
      [READING_PACK_ID, `${documentId}--`],
      [READING_PACK_ID, `${documentId}--\uffff`],
    ];
    const document = await db.documents.get([READING_PACK_ID, documentId]);
    const quotes = await db.quotes
      .where('[packId+id]')
      .between(...own)
      .toArray();
    const events = await db.events
      .where('[packId+id]')
      .between(...own)
      .toArray();
    const keys = searchKeysOf({
      documents: document ? [document] : [],
      entities: [],
      quotes,
      events,
    });
    index.discardAll(keys.filter((key) => index.has(key)));
    await db.documents.delete([READING_PACK_ID, documentId]);
    await db.quotes.bulkDelete(quotes.map((quote): [string, string] => [quote.packId, quote.id]));
    await db.events.bulkDelete(events.map((event): [string, string] => [event.packId, event.id]));
    await db.readings.delete([READING_PACK_ID, documentId]);
  }

  /**
   * The pack's rows for these entities, merged again from the saved articles that name them
   * (or gone, when none does), with their search entries. Returns the rows now in the pack.
   */
  private async mergeEntityRows(
    ids: ReadonlySet<string>,
    index: CorpusIndex,
  ): Promise<EntityRow[]> {
    const { db } = this;
    const versions = [];
    for (const id of ids) {
      const readings = await db.readings.where('entityIds').equals(id).toArray();
      for (const reading of readings.filter((row) => row.packId === READING_PACK_ID)) {
        versions.push(...reading.entities.filter((entity) => entity.id === id));
      }
    }
    const keys = [...ids].map((id) => `entity:${READING_PACK_ID}:${id}`);
    index.discardAll(keys.filter((key) => index.has(key)));
    await db.entities.bulkDelete([...ids].map((id): [string, string] => [READING_PACK_ID, id]));
    const rows = mergeEntities(versions).map((entity) => entityRowOf(entity, READING_PACK_ID));
    await db.entities.bulkAdd(rows);
    index.addAll(searchEntriesOf({ documents: [], entities: rows, quotes: [], events: [] }));
    return rows;
  }

  private async updateCounts(): Promise<void> {
    const { db } = this;
    const count = (
      table: typeof db.documents | typeof db.entities | typeof db.quotes | typeof db.events,
    ) => table.where('packId').equals(READING_PACK_ID).count();
    const [documents, entities, quotes, events] = await Promise.all([
      count(db.documents),
      count(db.entities),
      count(db.quotes),
      count(db.events),
    ]);
    await db.packs.update(READING_PACK_ID, { counts: { documents, entities, quotes, events } });
  }
}
