import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Options, type OptionsProps } from '@/components/Options';
import type { FileOutcome, ImportState } from '@/components/options/ImportPanel';
import { describeAdded } from '@/lib/added-article';
import { describeFailure, failureKind } from '@/lib/failure-words';
import { type ImportableFile, readImportable } from '@/lib/import-files';
import { importPackFile, type PackInstaller } from '@/lib/import-pack';
import { describeImported } from '@/lib/imported-packs';
import { backgroundMessenger as background, extensionPageMessenger } from '@/lib/messaging';
import { stageInWorker } from '@/lib/pack-file-worker-client';
import { readerUrl } from '@/lib/reader-link';
import { BriefingsDatabase } from '@/lib/store/db';
import type { ChangeInProgress, OnConflict } from '@/lib/views';
import { welcomeUrl } from '@/lib/welcome-link';

/** Wires the options view to the background: loads, calls, and reloads after each change. */
export function OptionsApp() {
  const [state, setState] = useState<
    Omit<OptionsProps, `on${string}` | 'readerHref' | 'welcomeHref'>
  >({
    version: null,
    packs: null,
    readings: null,
    importState: { state: 'idle' },
    settings: null,
    storage: null,
    error: null,
    removal: null,
    waiting: null,
  });
  /** The removal under way as last heard, for a change asked for meanwhile to say why it waits. */
  const removal = useRef<ChangeInProgress | null>(null);
  const [pendingFile, setPendingFile] = useState<{ name: string; file: Blob } | null>(null);
  /** The last pack sent, for "Try again" after an interruption. */
  const lastImport = useRef<{ name: string; file: Blob; onConflict: OnConflict } | null>(null);
  const patch = (change: Partial<typeof state>) =>
    setState((current) => ({ ...current, ...change }));
  const setImport = (importState: ImportState) => patch({ importState });

  const reload = useCallback(async () => {
    const [status, packs, readings, settings, storage, change] = await Promise.all([
      background.sendMessage('getStatus'),
      background.sendMessage('listPacks'),
      background.sendMessage('listReadings'),
      background.sendMessage('getSettings'),
      background.sendMessage('getStorageSummary'),
      background.sendMessage('getChangeInProgress'),
    ]);
    removal.current = change;
    patch({ version: status.version, packs, readings, settings, storage, removal: change });
  }, []);

  /**
   * Runs a change to the packs. The background runs changes one after another: while a removal
   * runs, the reader is told this one waits for it (`then`: what happens after).
   */
  const afterRemoval = async <T,>(then: string, change: () => Promise<T>): Promise<T> => {
    const running = removal.current;
    if (running) {
      patch({
        waiting: `Waiting for the removal of “${running.removing}” to finish; then ${then}.`,
      });
    }
    try {
      return await change();
    } finally {
      if (running) patch({ waiting: null });
    }
  };

  /** Runs an action; its failure becomes the page's error message, not an unhandled rejection. */
  const act = async (action: () => Promise<unknown>) => {
    patch({ error: null });
    try {
      await action();
    } catch (error) {
      patch({ error: describeFailure(error) });
    }
    await reload().catch((error: unknown) => patch({ error: describeFailure(error) }));
  };

  useEffect(() => {
    // Asked from a page: the service worker has no navigator.storage.persist. With the
    // unlimitedStorage permission, Chrome grants it without asking the reader.
    navigator.storage
      .persist()
      .catch(() => false)
      .then(() => reload())
      .catch((error: unknown) => patch({ error: describeFailure(error) }));
    const stopImportProgress = extensionPageMessenger.onMessage('importProgress', ({ data }) =>
      setState((current) =>
        current.importState.state === 'working'
          ? { ...current, importState: { ...current.importState, progress: data } }
          : current,
      ),
    );
    const stopChangeProgress = extensionPageMessenger.onMessage('changeProgress', ({ data }) => {
      const started = removal.current === null && data !== null;
      removal.current = data;
      patch({ removal: data });
      // The pack leaves the list as its removal starts; what is installed is read again at both ends.
      if (started || data === null) {
        reload().catch((error: unknown) => patch({ error: describeFailure(error) }));
      }
    });
    return () => {
      stopImportProgress();
      stopChangeProgress();
    };
  }, [reload]);

  const importPack = async (name: string, file: Blob, onConflict: OnConflict) => {
    setImport({ state: 'working', fileName: name, progress: null });
    lastImport.current = { name, file, onConflict };
    let outcome: Awaited<ReturnType<typeof background.sendMessage<'importPack'>>>;
    try {
      outcome = await afterRemoval(`${name} is imported`, () =>
        importPackFile(file, onConflict, installer, database, stageInWorker),
      );
    } catch (error) {
      const kind = failureKind(error);
      setImport({
        state: 'failed',
        fileName: name,
        message: describeFailure(error),
        problems: [],
        canRetry: kind === 'interrupted' || kind === 'unexplained',
      });
      return;
    }
    setPendingFile(!outcome.ok && outcome.conflicts ? { name, file } : null);
    if (outcome.ok) {
      setImport({ state: 'done', message: describeImported(outcome) });
    } else if (outcome.conflicts) {
      setImport({ state: 'question', fileName: name, conflicts: outcome.conflicts });
    } else {
      const { message, problems } = outcome;
      setImport({ state: 'failed', fileName: name, message, problems });
    }
  };

  return (
    <Options
      {...state}
      welcomeHref={welcomeUrl()}
      onImportFiles={(files) =>
        act(async () => {
          const [only] = files;
          const read = await Promise.all(files.map(readImportable));
          if (only && files.length === 1 && read[0]?.kind === 'pack') {
            // One pack: its conflict, if any, is the reader's choice.
            setImport({ state: 'working', fileName: only.name, progress: null });
            await importPack(only.name, read[0].file, 'refuse');
            return;
          }
          const outcomes: FileOutcome[] = [];
          for (const [index, file] of files.entries()) {
            setImport({ state: 'working', fileName: file.name, progress: null });
            outcomes.push({
              fileName: file.name,
              ...(await importOne(read[index] as ImportableFile)),
            });
          }
          setImport({ state: 'batch', outcomes });
        })
      }
      readerHref={(article) => readerUrl(article)}
      onRecompileArticle={(article) =>
        act(async () => {
          const added = await background.sendMessage('recompileReading', {
            documentId: article.documentId,
          });
          setImport({
            state: 'done',
            message: `Compiled “${added.title}” again: ${describeAdded(added)}.`,
          });
        })
      }
      onRemoveArticle={(article) =>
        act(async () => {
          if (!confirm(`Remove “${article.title}” and its quotes from your briefings?`)) return;
          await background.sendMessage('removeReading', { documentId: article.documentId });
        })
      }
      onResolveConflict={(choice) =>
        act(async () => {
          if (!pendingFile) return;
          if (choice !== 'cancel') {
            await importPack(pendingFile.name, pendingFile.file, choice);
            return;
          }
          setPendingFile(null);
          setImport({
            state: 'done',
            message: `Nothing was imported from ${pendingFile.name}; your packs are as they were.`,
          });
        })
      }
      onRetryImport={() =>
        act(async () => {
          const last = lastImport.current;
          if (last) await importPack(last.name, last.file, last.onConflict);
        })
      }
      onExport={(packId) =>
        act(async () => {
          const file = await background.sendMessage('exportPack', { packId });
          download(file.fileName, file.text);
        })
      }
      onRemove={(pack) =>
        act(async () => {
          if (!confirm(`Remove “${pack.title}” and everything it holds from Briefings?`)) return;
          await afterRemoval(`“${pack.title}” is removed`, () =>
            background.sendMessage('removePack', { packId: pack.id }),
          );
        })
      }
      onReset={() =>
        act(async () => {
          const question =
            'Remove every imported pack and every article in My reading, and keep only the bundled corpus?';
          if (!confirm(question)) return;
          await afterRemoval('the bundled corpus is restored', () =>
            background.sendMessage('resetToBundled'),
          );
        })
      }
      onSettingsChange={(change) => act(() => background.sendMessage('updateSettings', change))}
      onSiteChange={(host, enabled) =>
        act(() => background.sendMessage('setSiteEnabled', { host, enabled }))
      }
      onShowName={(entityId) =>
        act(() => background.sendMessage('setNameHidden', { entityId, hidden: false }))
      }
      onMarkOnSite={(host, entityId) =>
        act(() => background.sendMessage('setExcludedOnSite', { host, entityId, excluded: false }))
      }
    />
  );
}

/** Imports one of several files: a pack (a taken id is left for an import of it alone) or an article. */
async function importOne(file: ImportableFile): Promise<Omit<FileOutcome, 'fileName'>> {
  if (file.kind === 'refused') return { ok: false, message: file.message };
  try {
    if (file.kind === 'article') {
      const added = await background.sendMessage('addArticle', file.submission);
      const verb = added.replaced ? 'Updated' : 'Added';
      return { ok: true, message: `${verb} “${added.title}”: ${describeAdded(added)}.` };
    }
    const outcome = await importPackFile(file.file, 'refuse', installer, database, stageInWorker);
    if (outcome.ok) return { ok: true, message: describeImported(outcome) };
    if (outcome.conflicts) {
      const titles = outcome.conflicts.map((conflict) => `“${conflict.installed.title}”`);
      return {
        ok: false,
        message: `Another version of ${titles.join(', ')} is installed. Import this file on its own to replace it or keep both.`,
      };
    }
    return { ok: false, message: [outcome.message, ...outcome.problems].join(' ') };
  } catch (error) {
    return { ok: false, message: describeFailure(error) };
  }
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/** Where this page's stages are: it deletes its own after an interrupted import. */
const database = new BriefingsDatabase();

const installer: PackInstaller = {
  installStaged: (stageId, onConflict) =>
    background.sendMessage('importPack', { stageId, onConflict }),
  listPacks: () => background.sendMessage('listPacks'),
};
