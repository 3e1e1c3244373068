/// <reference lib="webworker" />
/**
 * The compiler's own thread: compiles one article per message, so that neither the service
 * worker nor a page waits on it. Answers `{id, ok, result}` or `{id, ok: false, message}`.
 */
import { compileSubmission } from './compile-for-reading';
import type { CompilerRequest, CompilerResponse } from './worker-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CompilerRequest>) => {
  const { id, submission, known } = event.data;
  let response: CompilerResponse;
  try {
    response = { id, ok: true, result: compileSubmission(submission, known) };
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
