/**
 * Rows of a pack by pack id: which packs are installed (rows of any other pack are hidden from
 * every read: a pack being removed, or rows a stopped worker left behind), and deleting a
 * pack's rows in bounded batches, each its own transaction, so that no single transaction
 * grows with the pack and reads are answered between batches.
 */
import Dexie from 'dexie';
import type { BriefingsDatabase } from './db';

/** Rows deleted per transaction. */
export const DELETE_BATCH_SIZE = 500;

/** Packs this small (in rows) are replaced in one transaction, all or nothing. */
export const SMALL_PACK_ROWS = 5_000;

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
 * request per row, and asking the index again for each batch would walk past every row the
 * batches before it deleted.
 */
export async function deletePackRows(
  db: BriefingsDatabase,
  packId: string,
  onBatch: (deleted: number) => void = () => {},
): Promise<void> {
  const end = endOfPack(packId);
  for (const table of db.rowTables) {
    const keys = await table.where(':id').between(startOfPack(packId), end).primaryKeys();
    for (let start = 0; start < keys.length; start += DELETE_BATCH_SIZE) {
      const first = keys[start] as [string, string];
      const next = keys[start + DELETE_BATCH_SIZE];
      const batch = next
        ? table.where(':id').between(first, next, true, false)
        : table.where(':id').between(first, end, true, true);
      await db.transaction('rw', table, () => batch.delete());
      onBatch(Math.min(DELETE_BATCH_SIZE, keys.length - start));
    }
  }
}

/** Deletes every row of a small pack at once, in the caller's transaction over the row tables. */
export async function deleteSmallPackRows(db: BriefingsDatabase, packId: string): Promise<void> {
  for (const table of db.rowTables) {
    await table.where(':id').between(startOfPack(packId), endOfPack(packId)).delete();
  }
}

const startOfPack = (packId: string): [string, typeof Dexie.minKey] => [packId, Dexie.minKey];
const endOfPack = (packId: string): [string, typeof Dexie.maxKey] => [packId, Dexie.maxKey];
