/**
 * Test builds (`npm run build:test`, and development) tell the page when batched work is done or
 * the popover opens, so tests wait on an event instead of sleeping. A release build says nothing
 * to the page: no page script can learn from us that Briefings is installed.
 */
export function announce(eventName: string, detail?: unknown): void {
  if (import.meta.env.MODE === 'production') return;
  window.dispatchEvent(new CustomEvent(eventName, { detail: readableByPage(detail) }));
}

/**
 * In Firefox an object made by a content script is out of page scripts' reach ("Permission
 * denied") unless cloned into the page's scope with `cloneInto`, which only Firefox has.
 */
function readableByPage(detail: unknown): unknown {
  const { cloneInto } = globalThis as { cloneInto?: (value: unknown, scope: Window) => unknown };
  return cloneInto && detail !== undefined ? cloneInto(detail, window) : detail;
}
