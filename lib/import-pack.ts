/**
 * Importing a pack file from the page it was picked on (the options page). The file is read,
 * checked, hashed and staged there (see lib/pack-file-reading.ts); the background installs what
 * was staged. The background never parses the file, and the packs never travel as one message.
 */
import { failureKind } from './failure-words';
import type { StagedFile } from './pack-file-reading';
import type { BriefingsDatabase } from './store/db';
import { discardStageIfUnused } from './store/staging';
import type { ImportOutcome, InstalledPack, OnConflict } from './views';

/** The background's side of an import. */
export interface PackInstaller {
  installStaged(stageId: string, onConflict: OnConflict): Promise<ImportOutcome>;
  /** Answered once a restarted background has finished the change it found under way. */
  listPacks(): Promise<InstalledPack[]>;
}

/** Imports `file` (the picked file; a text in tests) as `stage` reads it. */
export async function importPackFile<Source>(
  file: Source,
  onConflict: OnConflict,
  background: PackInstaller,
  /** The database as the page opened it: the one the background reads the stage from. */
  db: BriefingsDatabase,
  /** Reads and stages the file: in a worker on the options page. */
  stage: (file: Source) => Promise<StagedFile>,
): Promise<ImportOutcome> {
  const staged = await stage(file);
  if (!staged.ok) return staged;
  try {
    return await background.installStaged(staged.stageId, onConflict);
  } catch (error) {
    if (failureKind(error) !== 'interrupted') throw error;
    // A large install goes on in the worker that starts next (its journal names the stage):
    // once that one answers, the packs are either all installed or none is, and the stage is
    // no longer read.
    const installed = installedNow(staged.contentHashes, await background.listPacks());
    await discardStageIfUnused(db, staged.stageId);
    if (!installed) throw error;
    return { ok: true, installed, unchanged: [] };
  }
}

/** The installed packs with these contents, if every one of them is installed. */
function installedNow(
  contentHashes: readonly string[],
  installed: readonly InstalledPack[],
): InstalledPack[] | null {
  const found = contentHashes.map((contentHash) =>
    installed.find((row) => row.contentHash === contentHash),
  );
  return found.every((row) => row !== undefined) ? (found as InstalledPack[]) : null;
}
