/**
 * Importing a pack file from the page it was picked on (the options page). The file is read,
 * checked and hashed here; its packs are staged in the database (see lib/store/staging.ts); and
 * the background installs what was staged. The background never parses the file, and the packs
 * never travel as one message.
 */
import { failureKind } from './failure-words';
import { type CheckedPack, readPackFile } from './pack/pack-file';
import type { BriefingsDatabase } from './store/db';
import { describeStorageError } from './store/pack-files';
import { discardStageIfUnused, stagePacks } from './store/staging';
import type { ImportOutcome, InstalledPack, OnConflict } from './views';

/** The background's side of an import. */
export interface PackInstaller {
  installStaged(stageId: string, onConflict: OnConflict): Promise<ImportOutcome>;
  /** Answered once a restarted background has finished the change it found under way. */
  listPacks(): Promise<InstalledPack[]>;
}

export async function importPackText(
  text: string,
  onConflict: OnConflict,
  background: PackInstaller,
  /** The database as the page opened it: the one the background reads the stage from. */
  db: BriefingsDatabase,
): Promise<ImportOutcome> {
  const reading = await readPackFile(text);
  if (!reading.ok) return reading;
  let stageId: string;
  try {
    stageId = await stagePacks(db, reading.packs);
  } catch (error) {
    return { ok: false, message: describeStorageError(error), problems: [] };
  }
  try {
    return await background.installStaged(stageId, onConflict);
  } catch (error) {
    if (failureKind(error) !== 'interrupted') throw error;
    // A large install goes on in the worker that starts next (its journal names the stage):
    // once that one answers, the packs are either all installed or none is, and the stage is
    // no longer read.
    const installed = installedNow(reading.packs, await background.listPacks());
    await discardStageIfUnused(db, stageId);
    if (!installed) throw error;
    return { ok: true, installed, unchanged: [] };
  }
}

/** The installed packs with the content of `packs`, if every one of them is installed. */
function installedNow(
  packs: readonly CheckedPack[],
  installed: readonly InstalledPack[],
): InstalledPack[] | null {
  const found = packs.map(({ contentHash }) =>
    installed.find((row) => row.contentHash === contentHash),
  );
  return found.every((row) => row !== undefined) ? (found as InstalledPack[]) : null;
}
