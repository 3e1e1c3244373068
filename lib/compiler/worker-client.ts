/**
 * Compiles articles in a Web Worker (compile.worker.ts), one request at a time per id. Made by
 * the compiler page, the extension's only context that both hears the background and can start
 * a worker in every browser.
 */
import type { Entity } from '@/lib/pack/schema';
import type { ArticleSubmission } from '@/lib/views';
import CompilerWorker from './compile.worker?worker';
import type { CompiledSubmission } from './compile-for-reading';

export interface CompilerRequest {
  id: number;
  submission: ArticleSubmission;
  known: Entity[];
}

export type CompilerResponse =
  | { id: number; ok: true; result: CompiledSubmission }
  | { id: number; ok: false; message: string };

export function startCompilerWorker() {
  const worker = new CompilerWorker();
  const waiting = new Map<number, (response: CompilerResponse) => void>();
  let lastId = 0;
  worker.onmessage = (event: MessageEvent<CompilerResponse>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  return {
    compile(submission: ArticleSubmission, known: Entity[]): Promise<CompiledSubmission> {
      const id = ++lastId;
      return new Promise((resolve, reject) => {
        waiting.set(id, (response) =>
          response.ok ? resolve(response.result) : reject(new Error(response.message)),
        );
        worker.postMessage({ id, submission, known } satisfies CompilerRequest);
      });
    },
  };
}
