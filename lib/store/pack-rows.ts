/**
 * Rows of a pack by pack id: which packs are installed (rows of any other pack are hidden from
 * every read: a pack being removed, or rows a stopped worker left behind), and deleting a
 * pack's rows in bounded batches, each its own transaction, so that no single transaction
 * grows with the pack and reads are answered between batches.
 */
import type { BriefingsDatabase } from './db';

/** Primary keys deleted per transaction. */
export const DELETE_BATCH_SIZE = 2_000;

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

/** Deletes every row of the pack, batch by batch; `onBatch` hears how many each one took. */
export async function deletePackRows(
  db: BriefingsDatabase,
  packId: string,
  onBatch: (deleted: number) => void = () => {},
): Promise<void> {
  for (const table of db.rowTables) {
    for (;;) {
      const deleted = await db.transaction('rw', table, async () => {
        const keys = await table
          .where('packId')
          .equals(packId)
          .limit(DELETE_BATCH_SIZE)
          .primaryKeys();
        await table.bulkDelete(keys);
        return keys.length;
      });
      if (deleted === 0) break;
      onBatch(deleted);
    }
  }
}
