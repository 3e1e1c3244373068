/**
 * The page's side of an import, before the background is asked: the file read, checked and
 * hashed, and its packs staged in the database (see lib/store/staging.ts). On the options page it
 * runs in a worker (pack-file.worker.ts), so that a file of megabytes does not stop the page from
 * drawing its progress.
 */
import { readPackFile } from './pack/pack-file';
import type { BriefingsDatabase } from './store/db';
import { describeStorageError } from './store/pack-files';
import { stagePacks } from './store/staging';

export type StagedFile =
  | { ok: true; stageId: string; contentHashes: string[] }
  | { ok: false; message: string; problems: string[] };

/** Said when the picked file can no longer be read: moved, deleted or changed since. */
export const FILE_UNREADABLE =
  'The file could not be read: it may have been moved or changed since you chose it. Nothing was changed; choose it again.';

/** The picked file read, then staged as `stagePackFile` stages its text. */
export async function stagePickedFile(file: Blob, db: BriefingsDatabase): Promise<StagedFile> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: FILE_UNREADABLE, problems: [] };
  }
  return stagePackFile(text, db);
}

export async function stagePackFile(text: string, db: BriefingsDatabase): Promise<StagedFile> {
  const reading = await readPackFile(text);
  if (!reading.ok) return reading;
  try {
    const stageId = await stagePacks(db, reading.packs);
    return {
      ok: true,
      stageId,
      contentHashes: reading.packs.map(({ contentHash }) => contentHash),
    };
  } catch (error) {
    return { ok: false, message: describeStorageError(error), problems: [] };
  }
}
