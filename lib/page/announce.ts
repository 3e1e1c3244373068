/**
 * Test builds (`npm run build:test`, and development) tell the page when batched work is done or
 * the popover opens, so tests wait on an event instead of sleeping. A release build says nothing
 * to the page: no page script can learn from us that Briefings is installed.
 */
export function announce(eventName: string, detail?: unknown): void {
  if (import.meta.env.MODE === 'production') return;
  window.dispatchEvent(new CustomEvent(eventName, { detail }));
}
