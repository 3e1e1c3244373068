/**
 * Rows of a pack by pack id: which packs are installed (rows of any other pack are hidden from
 * every read: a pack being removed or being installed, or rows a stopped worker left behind),
 * and deleting or adding a pack's rows in bounded batches, each its own transaction, so that no
 * single transaction grows with the pack and reads are answered between batches.
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import type { BriefingsDatabase } from './db';

/**
 * How long one batch should hold its table. A read that arrives meanwhile waits for it, so it
 * is kept well under the 100 ms a read may take; much shorter, and a change spends its time
 * between batches (500 rows a batch made removing 200,000 entities take over a minute).
 */
export const BATCH_TARGET_MS = 40;

/**
 * Batch sizes, in rows: the first, and the bounds of the rest. The first is small: a row costs
 * what its indexes cost, and 500 entities took 120–280 ms.
 */
const FIRST_BATCH = 100;
const SMALLEST_BATCH = 100;
const LARGEST_BATCH = 20_000;

/** Changes this small (rows removed and added) are one transaction, all or nothing. */
export const SMALL_CHANGE_ROWS = 5_000;

export async function installedPackIds(db: BriefingsDatabase): Promise<Set<string>> {
  return new Set(await db.packs.toCollection().primaryKeys());
}

/** How many rows of the pack the row tables still hold. */
export async function countPackRows(db: BriefingsDatabase, packId: string): Promise<number> {
  const counts = await Promise.all(
    db.rowTables.map((table) => table.where('packId').equals(packId).count()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * Deletes every row of the pack, batch by batch; `onBatch` hears how many each one took. Each
 * table's keys start with the pack id, so a pack's rows are one range of keys, cut here into
 * ranges of a batch each, and each range goes in one request: deleting key by key costs a
 * request per row. A batch ends at the key found by skipping its size from where it starts (a
 * cursor skips in the database, without reading the keys it passes here), and the next starts
 * there, never walking past rows deleted before.
 */
export async function deletePackRows(
  db: BriefingsDatabase,
  packId: string,
  onBatch: (deleted: number) => void = () => {},
): Promise<void> {
  const end = endOfPack(packId);
  const sizer = new BatchSizer();
  for (const table of db.rowTables) {
    let from: IndexableType = startOfPack(packId);
    for (;;) {
      const batch = await db.transaction('rw', table, async () => {
        const [next] = await table
          .where(':id')
          .between(from, end, true, true)
          .offset(sizer.next())
          .limit(1)
          .primaryKeys();
        // Timed from here, once the transaction runs: not the reads it waited for. Unlike an
        // add's, without the commit: sized by the whole, removal took a third longer (2.9 s
        // against 2.2 s at 60,000 entities), which at 200,000 would pass its 10 s.
        const began = performance.now();
        const range = next
          ? table.where(':id').between(from, next, true, false)
          : table.where(':id').between(from, end, true, true);
        const deleted = await range.delete();
        return { next, deleted, workMs: performance.now() - began };
      });
      if (batch.deleted > 0) {
        sizer.took(batch.workMs);
        onBatch(batch.deleted);
      }
      if (!batch.next) break;
      from = batch.next;
    }
  }
}

/**
 * Adds rows to one table in batches, each its own transaction, sized as the deletions' are.
 * Rows of a pack with no pack row are hidden from every read, so an install writes its rows
 * this way first and makes them visible at the end, in one small transaction.
 */
export async function addInBatches<Row extends { packId: string; id: string }>(
  db: BriefingsDatabase,
  table: Table<Row, [string, string]>,
  rows: readonly Row[],
): Promise<void> {
  const sizer = new BatchSizer();
  for (let start = 0; start < rows.length; ) {
    const batch = rows.slice(start, start + sizer.next());
    const first = batch[0] as Row;
    let began = 0;
    await db.transaction('rw', table, async () => {
      // A lookup of one key answers once the transaction runs: the time after it is the batch's
      // own, its commit included: a read waits for that too.
      await table.get([first.packId, first.id]);
      began = performance.now();
      await table.bulkAdd(batch);
    });
    sizer.took(performance.now() - began);
    start += batch.length;
  }
}

/**
 * Every row of the pack in one table, read a page at a time: each page is its own request, so
 * calls are answered between pages, where reading all at once stops the worker until every row
 * is in memory.
 */
export async function readInPages<Row extends { id: string }>(
  table: Table<Row, [string, string]>,
  packId: string,
  pageSize = 2_000,
): Promise<Row[]> {
  const rows: Row[] = [];
  let after: IndexableType | null = null;
  for (;;) {
    const from: IndexableType = after ?? startOfPack(packId);
    const page: Row[] = await table
      .where(':id')
      .between(from, endOfPack(packId), after === null, true)
      .limit(pageSize)
      .toArray();
    for (const row of page) rows.push(row);
    const last: Row | undefined = page.at(-1);
    if (!last || page.length < pageSize) return rows;
    after = [packId, last.id];
  }
}

/**
 * The next batch's size, from the time the last one took once its transaction ran (reads it
 * waited for are not its cost): aimed at BATCH_TARGET_MS, growing at most twofold a batch (a
 * fast batch of few rows says little about many), shrinking at once.
 */
export class BatchSizer {
  private size = FIRST_BATCH;

  next(): number {
    return this.size;
  }

  took(workMs: number): void {
    const ratio = Math.min(2, BATCH_TARGET_MS / Math.max(workMs, 1));
    this.size = Math.round(Math.min(LARGEST_BATCH, Math.max(SMALLEST_BATCH, this.size * ratio)));
  }
}

/** Deletes every row of a small pack at once, in the caller's transaction over the row tables. */
export async function deleteSmallPackRows(db: BriefingsDatabase, packId: string): Promise<void> {
  for (const table of db.rowTables) {
    await table.where(':id').between(startOfPack(packId), endOfPack(packId)).delete();
  }
}

/** The bounds of a pack's keys in a table keyed by pack id first. */
export const startOfPack = (packId: string): [string, typeof Dexie.minKey] => [
  packId,
  Dexie.minKey,
];
export const endOfPack = (packId: string): [string, typeof Dexie.maxKey] => [packId, Dexie.maxKey];
