/**
 * Long work in slices of a few milliseconds, the thread free between them: in the worker, calls
 * from pages wait for whatever holds the thread, and a large pack's work, done in one go, holds
 * it for seconds.
 */

/**
 * How long a slice of a large change holds the worker's thread. A read takes several steps (each
 * request to the database is one), and each may wait for a slice: at 40 ms, reads during a
 * 20,000-name import waited up to 0.23–0.38 s; at 12 ms, 0.17–0.25 s, the import some 10% longer.
 */
export const SLICE_MS = 12;

/** Resolves once the thread has answered what was waiting (a task queued after them). */
function yieldToThread(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work` on each item, yielding to the thread whenever a slice of `sliceMs` is spent. */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  sliceMs: number,
  work: (item: T) => void,
): Promise<void> {
  let sliceEnds = performance.now() + sliceMs;
  for (const item of items) {
    work(item);
    if (performance.now() < sliceEnds) continue;
    await yieldToThread();
    sliceEnds = performance.now() + sliceMs;
  }
}

/** `items.map(toValue)`, made a slice of `sliceMs` at a time. */
export async function mapInSlices<T, U>(
  items: readonly T[],
  sliceMs: number,
  toValue: (item: T) => U,
): Promise<U[]> {
  const values: U[] = [];
  await forEachInSlices(items, sliceMs, (item) => values.push(toValue(item)));
  return values;
}
