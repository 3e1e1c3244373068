/**
 * Each pack's search index as saved: in parts of about a megabyte (`serializeInParts`), keyed
 * by pack id and place. A small change saves its pack's index in its own transaction, as one
 * part or a few; a large install saves the parts a request at a time before the pack row that
 * shows the pack, so no single write holds the worker for long.
 */
import { type SavedIndex, SEARCH_INDEX_FORMAT } from '@/lib/search/index';
import type { BriefingsDatabase, SearchIndexPartRow } from './db';
import { endOfPack, startOfPack } from './pack-rows';

/** The rows that save `parts`, the pack's index in order. */
export function indexPartRows(packId: string, parts: readonly string[]): SearchIndexPartRow[] {
  return parts.map((json, part) => ({
    packId,
    part,
    of: parts.length,
    json,
    format: SEARCH_INDEX_FORMAT,
  }));
}

/** The pack's index as saved; undefined unless saved whole, every part in one format. */
export async function savedIndex(
  db: BriefingsDatabase,
  packId: string,
): Promise<SavedIndex | undefined> {
  const parts = await partsOf(db, packId).toArray();
  const format = parts[0]?.format;
  const whole =
    parts.length > 0 &&
    parts.every((row, at) => row.part === at && row.of === parts.length && row.format === format);
  return whole && format !== undefined
    ? { format, parts: parts.map(({ json }) => json) }
    : undefined;
}

/** Saves the pack's index in place of the one saved before, in the caller's transaction. */
export async function saveIndexParts(
  db: BriefingsDatabase,
  packId: string,
  parts: readonly string[],
): Promise<void> {
  await deleteIndexParts(db, packId);
  await db.searchIndexParts.bulkAdd(indexPartRows(packId, parts));
}

/**
 * Saves the index of a pack no read sees yet (a large install) a part at a time, each part in a
 * transaction of its own, in place of any a stopped install left.
 */
export async function saveIndexPartByPart(
  db: BriefingsDatabase,
  packId: string,
  parts: readonly string[],
): Promise<void> {
  await deleteIndexParts(db, packId);
  for (const row of indexPartRows(packId, parts)) await db.searchIndexParts.add(row);
}

/** Deletes the pack's saved index, in the caller's transaction if there is one. */
export async function deleteIndexParts(db: BriefingsDatabase, packId: string): Promise<void> {
  await partsOf(db, packId).delete();
}

/** The packs with parts of an index saved. */
export async function packsWithSavedIndex(db: BriefingsDatabase): Promise<Set<string>> {
  const keys = await db.searchIndexParts.toCollection().primaryKeys();
  return new Set(keys.map(([packId]) => packId));
}

function partsOf(db: BriefingsDatabase, packId: string) {
  return db.searchIndexParts.where(':id').between(startOfPack(packId), endOfPack(packId));
}
