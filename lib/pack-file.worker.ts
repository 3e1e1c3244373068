/// <reference lib="webworker" />
/**
 * The options page's thread for pack files: reads, checks, hashes and stages one file per
 * message (see pack-file-reading.ts), answering `{id, staged}`. The file is read here, not by
 * the page: decoding a large file holds the thread that reads it, and the page shares its thread
 * with the popup.
 */
import { describeFailure } from './failure-words';
import { type StagedFile, stagePickedFile } from './pack-file-reading';
import { BriefingsDatabase } from './store/db';

export interface PackFileRequest {
  id: number;
  file: Blob;
}

export interface PackFileResponse {
  id: number;
  staged: StagedFile;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new BriefingsDatabase();

scope.onmessage = async (event: MessageEvent<PackFileRequest>) => {
  const { id, file } = event.data;
  let staged: StagedFile;
  try {
    staged = await stagePickedFile(file, db);
  } catch (error) {
    staged = { ok: false, message: describeFailure(error), problems: [] };
  }
  scope.postMessage({ id, staged } satisfies PackFileResponse);
};
