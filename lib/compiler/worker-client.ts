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

/** Longer than any article takes; past it the worker is stopped and started afresh. */
const COMPILE_TIMEOUT_MS = 60_000;

export function startCompilerWorker() {
  const waiting = new Map<number, (response: CompilerResponse) => void>();
  let lastId = 0;
  let worker = start();

  function start(): Worker {
    const started = new CompilerWorker();
    started.onmessage = (event: MessageEvent<CompilerResponse>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    // A worker that fails (out of memory, say) answers no one: every article waiting is told.
    started.onerror = () => restart('The article could not be compiled: the compiler stopped.');
    return started;
  }

  function restart(message: string): void {
    worker.terminate();
    for (const [id, answer] of waiting) answer({ id, ok: false, message });
    waiting.clear();
    worker = start();
  }

  return {
    compile(submission: ArticleSubmission, known: Entity[]): Promise<CompiledSubmission> {
      const id = ++lastId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => restart('The article took too long to compile, and was not added.'),
          COMPILE_TIMEOUT_MS,
        );
        waiting.set(id, (response) => {
          clearTimeout(timer);
          if (response.ok) resolve(response.result);
          else reject(new Error(response.message));
        });
        worker.postMessage({ id, submission, known } satisfies CompilerRequest);
      });
    },
  };
}
