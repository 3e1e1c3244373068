/**
 * A pack file imported as the options page imports it: read, checked and staged by the page's
 * code, then installed by the background's, both on the test's database.
 */
import type { BackgroundHandlers } from '@/lib/background/api';
import { importPackFile } from '@/lib/import-pack';
import { stagePackFile } from '@/lib/pack-file-reading';
import type { CorpusStore, InstallProgress } from '@/lib/store/corpus-store';
import type { BriefingsDatabase } from '@/lib/store/db';
import { importStagedPacks } from '@/lib/store/pack-files';
import type { ImportOutcome, OnConflict } from '@/lib/views';

/** Installed by the store itself. */
export function importFile(
  store: CorpusStore,
  text: string,
  onConflict: OnConflict = 'refuse',
  onProgress?: (progress: InstallProgress) => void,
): Promise<ImportOutcome> {
  const background = {
    installStaged: (stageId: string, choice: OnConflict) =>
      importStagedPacks(store, stageId, choice, onProgress),
    listPacks: () => store.listPacks(),
  };
  return importPackFile(text, onConflict, background, store.db, (file) =>
    stagePackFile(file, store.db),
  );
}

/** Installed through the background's `importPack` call. */
export function importFileByCall(
  handlers: BackgroundHandlers,
  db: BriefingsDatabase,
  text: string,
  onConflict: OnConflict = 'refuse',
): Promise<ImportOutcome> {
  const background = {
    installStaged: (stageId: string, choice: OnConflict) =>
      handlers.importPack({ stageId, onConflict: choice }),
    listPacks: () => handlers.listPacks(undefined),
  };
  return importPackFile(text, onConflict, background, db, (file) => stagePackFile(file, db));
}
