/**
 * How the rest of the content script learns that the reader wants to know about a mark: they
 * point at it or focus it (Tab). The popover (built elsewhere) listens here; marks themselves
 * carry no listeners, so a page with hundreds of marks costs two listeners in all. Only the
 * reader's own input counts (`isTrusted`): events a page script makes open nothing.
 */
import type { OwnMarks } from './own-marks';

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
  options: { marks: OwnMarks; signal: AbortSignal; target?: Document },
): void {
  const { marks } = options;
  const target = options.target ?? document;
  const listen = (type: 'pointerover' | 'focusin', trigger: MarkActivation['trigger']) =>
    target.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) return;
        // composedPath reaches inside open shadow roots.
        const mark = marks.markAt(event.composedPath()[0] ?? null);
        const entityId = mark && marks.entityOf(mark);
        if (mark && entityId) handler({ mark, entityId, trigger });
      },
      { capture: true, passive: true, signal: options.signal },
    );
  listen('pointerover', 'pointer');
  listen('focusin', 'focus');
}
