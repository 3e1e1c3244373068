/**
 * Work on the page in idle time, in slices short enough never to hold up the reader: no slice
 * runs longer than SLICE_BUDGET_MS (plus one unit of work), far below the 50 ms of a long task.
 */

/**
 * What owns the content script's callbacks. ContentScriptLifetime (lifetime.ts) is one: its idle
 * callbacks stop when the extension is reloaded or removed. Tests and benchmarks pass their own.
 */
export interface PageLifetime {
  readonly signal: AbortSignal;
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number;
  setTimeout(handler: () => void, timeout?: number): number;
}

export const SLICE_BUDGET_MS = 8;
/** A slice still does this much when the browser grants (almost) no idle time. */
const MINIMUM_SLICE_MS = 3;
/** Idle time is waited for at most this long, so work ends even on a page that is never idle. */
const IDLE_WAIT_LIMIT_MS = 250;

/** Whether the current slice may go on; called by the work between two units. */
export type HasTimeLeft = () => boolean;

/**
 * Calls `step` in idle slices until it returns true (finished). Resolves true when finished,
 * false when `signal` aborted first; rejects with what `step` throws.
 */
export function runInIdleSlices(
  lifetime: PageLifetime,
  signal: AbortSignal,
  step: (hasTimeLeft: HasTimeLeft) => boolean,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve(false);
    // Removed once the work ends, so a long-lived signal does not keep every finished run alive.
    const stopped = new AbortController();
    const settle = (outcome: () => void) => {
      stopped.abort();
      outcome();
    };
    signal.addEventListener('abort', () => settle(() => resolve(false)), {
      once: true,
      signal: stopped.signal,
    });
    const slice = (deadline: IdleDeadline) => {
      if (signal.aborted) return;
      const budget = deadline.didTimeout
        ? SLICE_BUDGET_MS
        : Math.min(SLICE_BUDGET_MS, Math.max(deadline.timeRemaining(), MINIMUM_SLICE_MS));
      const endsAt = performance.now() + budget;
      let finished: boolean;
      try {
        finished = step(() => performance.now() < endsAt);
      } catch (error) {
        settle(() => reject(error));
        return;
      }
      if (finished) settle(() => resolve(true));
      else lifetime.requestIdleCallback(slice, { timeout: IDLE_WAIT_LIMIT_MS });
    };
    lifetime.requestIdleCallback(slice, { timeout: IDLE_WAIT_LIMIT_MS });
  });
}
