/**
 * Whether the database agrees with itself: each installed pack holds the rows it declares, no
 * row belongs to a pack that is not installed, and each pack's saved search index has an entry
 * for each of its rows and none for a row that is gone. What a stopped worker may not leave
 * behind; the tests that stop it check it.
 */
import { idsInSavedIndex, searchKeysOf } from '@/lib/search/index';
import type { BriefingsDatabase } from './db';
import { packsWithSavedIndex, savedIndex } from './index-parts';
import { installedPackIds } from './pack-rows';

/** Every disagreement found, in words; none when the store is consistent. */
export async function findInconsistencies(db: BriefingsDatabase): Promise<string[]> {
  const problems: string[] = [];
  const journal = await db.journal.get('pending');
  if (journal) {
    const removing = journal.removing.map((pack) => pack.id).join(', ');
    const installing = journal.installing.map(({ id }) => id).join(', ');
    problems.push(`a change is under way: removing [${removing}], installing [${installing}]`);
  }
  const installed = await installedPackIds(db);
  const tables = {
    documents: db.documents,
    entities: db.entities,
    quotes: db.quotes,
    events: db.events,
  };

  for (const table of db.rowTables) {
    const packIds = await table.orderBy('packId').uniqueKeys();
    for (const packId of packIds) {
      if (!installed.has(String(packId))) {
        problems.push(`${table.name}: rows of "${String(packId)}", which is not installed`);
      }
    }
  }
  for (const packId of await packsWithSavedIndex(db)) {
    if (!installed.has(packId))
      problems.push(`search index of "${packId}", which is not installed`);
  }

  for (const pack of await db.packs.toArray()) {
    for (const [kind, table] of Object.entries(tables)) {
      const count = await table.where('packId').equals(pack.id).count();
      const declared = pack.counts[kind as keyof typeof tables];
      if (count !== declared) {
        problems.push(`"${pack.id}" declares ${declared} ${kind} and holds ${count}`);
      }
    }
    problems.push(...(await indexProblems(db, pack.id)));
  }
  return problems;
}

async function indexProblems(db: BriefingsDatabase, packId: string): Promise<string[]> {
  const saved = await savedIndex(db, packId);
  const ids = saved && idsInSavedIndex(saved);
  if (ids === undefined) return [`"${packId}" has no saved search index`];
  const indexed = new Set(ids);
  const [documents, entities, quotes, events] = await Promise.all([
    db.documents.where('packId').equals(packId).toArray(),
    db.entities.where('packId').equals(packId).toArray(),
    db.quotes.where('packId').equals(packId).toArray(),
    db.events.where('packId').equals(packId).toArray(),
  ]);
  const rows = new Set(searchKeysOf({ documents, entities, quotes, events }));
  const problems: string[] = [];
  const withoutRow = [...indexed].filter((key) => !rows.has(key));
  const withoutEntry = [...rows].filter((key) => !indexed.has(key));
  if (withoutRow.length > 0) {
    problems.push(
      `"${packId}": ${withoutRow.length} index entries without a row (${withoutRow[0]}…)`,
    );
  }
  if (withoutEntry.length > 0) {
    problems.push(
      `"${packId}": ${withoutEntry.length} rows not in its index (${withoutEntry[0]}…)`,
    );
  }
  return problems;
}
