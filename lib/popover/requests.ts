/**
 * What the reader asks of a marked name, read from page events: the content script reads the
 * first request itself, before the card's code has loaded, and the card reads the rest the same
 * way once it is there.
 */
import { isEditable, markStepOf, markToward } from '@/lib/page/mark-navigation';
import type { OwnMarks } from '@/lib/page/own-marks';

export type CardRequest =
  /** The pointer rests on a name since `since` (performance.now() time): hover intent. */
  | { kind: 'point'; mark: HTMLElement; entityId: string; since: number }
  /** Open the card now: a click or tap, or Enter/Space on a focused name. */
  | { kind: 'open'; mark: HTMLElement; entityId: string; keyboard: boolean }
  /** The next/previous mark shortcut: that mark focused, its card open beside it. */
  | { kind: 'go-to'; mark: HTMLElement };

/**
 * The request in a key press on the page, if any: Enter or Space on a name, or the mark shortcut
 * where there is a mark to go to (from `current`, the card's name, when focus is not on a mark).
 * The caller prevents the key's default when there is one: Space would scroll the page. Keys a
 * page script makes (not `isTrusted`) ask nothing.
 */
export function keyRequest(
  event: KeyboardEvent,
  current: HTMLElement | null,
  marks: OwnMarks,
): CardRequest | null {
  if (!event.isTrusted) return null;
  const step = markStepOf(event);
  // The element typed into, even inside a page's own (open) shadow root.
  if (step) {
    if (isEditable(event.composedPath()[0] ?? null)) return null;
    const from = marks.markAt(document.activeElement) ?? current ?? focusedElement();
    const mark = markToward(step, from, marks);
    return mark && { kind: 'go-to', mark };
  }
  if (event.key !== 'Enter' && event.key !== ' ') return null;
  return openRequest(event, marks, true);
}

/** A click or a tap on a name (touch has no hover) opens its card at once. */
export function clickRequest(event: MouseEvent, marks: OwnMarks): CardRequest | null {
  return event.isTrusted ? openRequest(event, marks, false) : null;
}

function openRequest(event: Event, marks: OwnMarks, keyboard: boolean): CardRequest | null {
  const mark = marks.markAt(event.target);
  const entityId = mark && marks.entityOf(mark);
  return mark && entityId ? { kind: 'open', mark, entityId, keyboard } : null;
}

/** The element with focus on the page, if the reader put it somewhere (not the body). */
function focusedElement(): Element | null {
  const active = document.activeElement;
  return active === null || active === document.body ? null : active;
}
