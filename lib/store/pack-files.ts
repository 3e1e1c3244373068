/**
 * Pack files as users handle them: importing the packs a page read from a file and staged (all
 * or nothing, with every problem said in words a person understands) and writing one to export.
 */

import { failureKind, STORAGE_FULL } from '@/lib/failure-words';
import {
  type CheckedPack,
  PACK_COLLECTION_FORMAT,
  type PackCollectionFile,
} from '@/lib/pack/pack-file';
import type { Pack } from '@/lib/pack/schema';
import type { ImportOutcome, OnConflict, PackConflict } from '@/lib/views';
import { READING_PACK_ID } from '@/lib/views';
import type { CorpusStore, InstallProgress } from './corpus-store';
import { countsOfPack, type PackRow } from './db';
import { discardStageIfUnused, readStagedPacks } from './staging';

/**
 * Imports every pack of a stage (see staging.ts), or none, then deletes the stage. A pack whose
 * content an installed pack already holds is left out (reported as unchanged); a pack whose id
 * is taken by other content waits for the reader's `onConflict` choice, and until then nothing
 * is written.
 */
export async function importStagedPacks(
  store: CorpusStore,
  stageId: string,
  onConflict: OnConflict = 'refuse',
  onProgress?: (progress: InstallProgress) => void,
): Promise<ImportOutcome> {
  try {
    return await importPacks(
      store,
      await readStagedPacks(store.db, stageId),
      stageId,
      onConflict,
      onProgress,
    );
  } finally {
    await discardStageIfUnused(store.db, stageId);
  }
}

async function importPacks(
  store: CorpusStore,
  packs: readonly CheckedPack[],
  stageId: string,
  onConflict: OnConflict,
  onProgress?: (progress: InstallProgress) => void,
): Promise<ImportOutcome> {
  const installed = await store.listPacks();
  const hashes = await store.contentHashes();
  // A copy takes an id no installed pack and no pack of this file has, nor one given before.
  const inFile = packs.map(({ pack }) => pack);
  const takenIds = new Set([...installed, ...inFile].map((pack) => pack.id));
  const takenTitles = new Set([...installed, ...inFile].map((pack) => pack.title));
  const plan: {
    pack: Pack;
    contentHash: string;
    replacing: string[];
    staged: { stageId: string; index: number };
  }[] = [];
  const unchanged: PackRow[] = [];
  const conflicts: PackConflict[] = [];
  for (const [index, { pack, contentHash }] of packs.entries()) {
    const staged = { stageId, index };
    const same = installed.find((row) => hashes.get(row.id) === contentHash);
    const holder = installed.find((row) => row.id === pack.id);
    // The bundled corpus is the extension's own and "My reading" grows by articles: either can
    // be kept beside a copy, never replaced.
    const replaceable = holder?.origin === 'imported';
    if (same) {
      unchanged.push(same);
    } else if (!holder && pack.id === READING_PACK_ID) {
      // The reader's id stays free for their own articles.
      const copy = copyOf(pack, takenIds, takenTitles, 'imported');
      plan.push({ pack: copy, contentHash, replacing: [], staged });
    } else if (!holder) {
      plan.push({ pack, contentHash, replacing: [], staged });
    } else if (onConflict === 'replace' && replaceable) {
      plan.push({ pack, contentHash, replacing: [holder.id], staged });
    } else if (onConflict === 'keep-both') {
      plan.push({ pack: copyOf(pack, takenIds, takenTitles), contentHash, replacing: [], staged });
    } else {
      conflicts.push({
        packId: pack.id,
        installed: {
          title: holder.title,
          createdAt: holder.createdAt,
          counts: holder.counts,
          installedAt: holder.installedAt,
        },
        incoming: { title: pack.title, createdAt: pack.createdAt, counts: countsOfPack(pack) },
        replaceable,
      });
    }
  }

  const [conflict] = conflicts;
  if (conflict) {
    const message =
      conflicts.length === 1
        ? `A different version of “${conflict.installed.title}” is installed. Nothing was changed yet.`
        : `${conflicts.length} packs in this file differ from installed packs with the same ids. Nothing was changed yet.`;
    return { ok: false, message, problems: [], conflicts };
  }
  if (plan.length === 0) return { ok: true, installed: [], unchanged };
  try {
    const rows = await store.installAll(plan, 'imported', onProgress);
    return { ok: true, installed: rows, unchanged };
  } catch (error) {
    return { ok: false, message: describeStorageError(error), problems: [] };
  }
}

/** The file for one pack, or for every installed pack. */
export async function exportPackFile(
  store: CorpusStore,
  packId: string | 'all',
): Promise<{ fileName: string; text: string } | undefined> {
  if (packId !== 'all') {
    const pack = await store.exportPack(packId);
    return pack && { fileName: `${pack.id}.briefings.json`, text: JSON.stringify(pack, null, 2) };
  }
  const packs: Pack[] = [];
  for (const row of await store.listPacks()) {
    const pack = await store.exportPack(row.id);
    if (pack) packs.push(pack);
  }
  const collection: PackCollectionFile = { format: PACK_COLLECTION_FORMAT, version: 1, packs };
  return { fileName: 'all-packs.briefings.json', text: JSON.stringify(collection, null, 2) };
}

/**
 * The pack under the first free id and title of the form "id-2" and "Title (2)" (or, with
 * `label`, "Title (label)"); what it takes is marked taken.
 */
function copyOf(pack: Pack, takenIds: Set<string>, takenTitles: Set<string>, label?: string): Pack {
  for (let copy = 2; ; copy++) {
    const id = `${pack.id}-${copy}`;
    const title = `${pack.title} (${label ?? copy})`;
    if (takenIds.has(id) || (label === undefined && takenTitles.has(title))) continue;
    takenIds.add(id);
    takenTitles.add(title);
    return { ...pack, id, title };
  }
}

/** Storage failures in words a reader understands; the transaction has rolled back. */
export function describeStorageError(error: unknown): string {
  if (failureKind(error) === 'storage-full') return STORAGE_FULL;
  return 'The pack could not be saved, and nothing was changed. Try again; if it keeps failing, export your packs and reset.';
}
