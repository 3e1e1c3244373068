/**
 * How the rest of the content script learns that the reader wants to know about a mark: they
 * point at it or focus it (Tab). The popover (built elsewhere) listens here; marks themselves
 * carry no listeners, so a page with hundreds of marks costs two listeners in all.
 */
import { MARK_ENTITY_ATTRIBUTE, MARK_SELECTOR } from '@/lib/spotting/mark-names';
import { isElement } from '@/lib/spotting/text-walker';

export interface MarkActivation {
  /** The mark element pointed at or focused (a name spanning elements has one per part). */
  mark: HTMLElement;
  entityId: string;
  trigger: 'pointer' | 'focus';
}

/**
 * Calls `handler` whenever the reader points at or focuses one of our marks, in the document or
 * in an open shadow root, until `signal` aborts.
 */
export function onMarkActivated(
  handler: (activation: MarkActivation) => void,
  options: { signal: AbortSignal; target?: Document },
): void {
  const target = options.target ?? document;
  const listen = (type: 'pointerover' | 'focusin', trigger: MarkActivation['trigger']) =>
    target.addEventListener(
      type,
      (event) => {
        const mark = markAt(event);
        const entityId = mark?.getAttribute(MARK_ENTITY_ATTRIBUTE);
        if (mark && entityId) handler({ mark, entityId, trigger });
      },
      { capture: true, passive: true, signal: options.signal },
    );
  listen('pointerover', 'pointer');
  listen('focusin', 'focus');
}

/** The mark an event happened on; composedPath reaches inside open shadow roots. */
function markAt(event: Event): HTMLElement | null {
  return closestMark(event.composedPath()[0] ?? null);
}

/** The mark an event target (an element or a text node) is in, if any. */
export function closestMark(target: EventTarget | null): HTMLElement | null {
  if (target === null || !('nodeType' in target)) return null;
  const node = target as Node;
  const element = isElement(node) ? node : node.parentElement;
  return element?.closest<HTMLElement>(MARK_SELECTOR) ?? null;
}
