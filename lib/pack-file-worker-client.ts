/**
 * Stages pack files in the options page's worker (pack-file.worker.ts), started on the first
 * file: reading and checking a file of megabytes takes seconds, and the page keeps drawing.
 */

import type { PackFileRequest, PackFileResponse } from './pack-file.worker';
import PackFileWorker from './pack-file.worker?worker';
import type { StagedFile } from './pack-file-reading';

const waiting = new Map<number, (staged: StagedFile) => void>();
let lastId = 0;
let worker: Worker | null = null;

/**
 * Hands the worker the file, not its text: read here, a large file would hold the page (and the
 * popup, which shares its thread) for as long as its text takes to decode.
 */
export function stageInWorker(file: Blob): Promise<StagedFile> {
  worker ??= start();
  const id = ++lastId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage({ id, file } satisfies PackFileRequest);
  });
}

function start(): Worker {
  const started = new PackFileWorker();
  started.onmessage = (event: MessageEvent<PackFileResponse>) => {
    waiting.get(event.data.id)?.(event.data.staged);
    waiting.delete(event.data.id);
  };
  // A worker that fails (out of memory, say) answers no one: every file waiting is told.
  started.onerror = () => {
    started.terminate();
    worker = null;
    for (const answer of waiting.values()) {
      answer({
        ok: false,
        message: 'The file could not be read, and nothing was changed.',
        problems: [],
      });
    }
    waiting.clear();
  };
  return started;
}
