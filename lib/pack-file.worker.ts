/// <reference lib="webworker" />
/**
 * The options page's thread for pack files: reads, checks, hashes and stages one file per
 * message (see pack-file-reading.ts), answering `{id, staged}`.
 */
import { describeFailure } from './failure-words';
import { type StagedFile, stagePackFile } from './pack-file-reading';
import { BriefingsDatabase } from './store/db';

export interface PackFileRequest {
  id: number;
  text: string;
}

export interface PackFileResponse {
  id: number;
  staged: StagedFile;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new BriefingsDatabase();

scope.onmessage = async (event: MessageEvent<PackFileRequest>) => {
  const { id, text } = event.data;
  let staged: StagedFile;
  try {
    staged = await stagePackFile(text, db);
  } catch (error) {
    staged = { ok: false, message: describeFailure(error), problems: [] };
  }
  scope.postMessage({ id, staged } satisfies PackFileResponse);
};
