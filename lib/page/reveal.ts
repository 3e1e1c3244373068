/**
 * Bringing a mark to the reader: into view and focused. "On this page" in the popup also makes
 * the first mark of an entity stand out for a moment, so the reader's eye finds it.
 */
import { REVEALED_CLASS } from '@/lib/spotting/mark-names';
import type { OwnMarks } from './own-marks';

const REVEAL_MS = 1600;

export function revealFirstMark(
  entityId: string,
  marks: OwnMarks,
  root: Document = document,
): boolean {
  const mark = marks.firstOf(entityId, root);
  if (!mark) return false;
  focusMark(mark);
  mark.classList.add(REVEALED_CLASS);
  setTimeout(() => mark.classList.remove(REVEALED_CLASS), REVEAL_MS);
  return true;
}

/** Scrolls a mark to the middle of the window (gently, unless the reader asks for no motion) and focuses it. */
export function focusMark(mark: HTMLElement): void {
  const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', behavior: calm ? 'auto' : 'smooth' });
  mark.focus({ preventScroll: true });
}
