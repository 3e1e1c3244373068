/**
 * The next/previous mark shortcut: Alt+Shift+. and Alt+Shift+, on the page.
 *
 * A key listener in the content script rather than a manifest command: Chrome lets an extension
 * suggest four command keys and two are taken (site toggle, add article); a command would also
 * travel through the background to reach the page it is about, and ask nothing of a page with no
 * marks. The physical key (`code`) is read, not the character, so the shortcut is the same on
 * every keyboard layout and on macOS, where Alt+Shift types a symbol.
 */
import type { OwnMarks } from './own-marks';

export type MarkStep = 'next' | 'previous';

/** Which way the shortcut in `event` moves, or null when it is not the shortcut. */
export function markStepOf(event: KeyboardEvent): MarkStep | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'Period') return 'next';
  if (event.code === 'Comma') return 'previous';
  return null;
}

/** Keys typed into a field are the reader's text, never our shortcut. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.localName === 'textarea' ||
    target.localName === 'select' ||
    (target.localName === 'input' && !NOT_TYPED_INTO.has((target as HTMLInputElement).type))
  );
}

const NOT_TYPED_INTO = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image']);

/**
 * The mark a step leads to: from `from` (the focused mark or element) if given, else from what
 * is on screen (the first mark from the top of the viewport, or the last before its bottom).
 * Past the last mark it wraps round to the first, and back. Each name counts once, at its first
 * part (a name spanning elements has one focusable part).
 */
export function markToward(
  step: MarkStep,
  from: Element | null,
  ownMarks: OwnMarks,
  root: Document = document,
): HTMLElement | null {
  const marks = ownMarks.all(root, { focusable: true });
  if (marks.length === 0) return null;
  const isAhead =
    from !== null
      ? (mark: HTMLElement) => comesAfter(mark, from)
      : (mark: HTMLElement) => mark.getBoundingClientRect().top >= 0;
  const isBehind =
    from !== null
      ? (mark: HTMLElement) => comesAfter(from, mark)
      : (mark: HTMLElement) => mark.getBoundingClientRect().bottom <= innerHeight;
  if (step === 'next') return marks.find(isAhead) ?? (marks[0] as HTMLElement);
  return marks.findLast(isBehind) ?? (marks.at(-1) as HTMLElement);
}

/** Whether `later` follows `earlier` in the document (a mark inside a focused link follows it). */
function comesAfter(later: Node, earlier: Node): boolean {
  return (earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
