/**
 * "On this page" in the popup: bring the first mark of an entity into view and make it stand out
 * for a moment, so the reader's eye finds it.
 */
import { MARK_ENTITY_ATTRIBUTE, MARK_SELECTOR, REVEALED_CLASS } from '@/lib/spotting/mark-names';

const REVEAL_MS = 1600;

export function revealFirstMark(entityId: string, root: Document = document): boolean {
  const selector = `${MARK_SELECTOR}[${MARK_ENTITY_ATTRIBUTE}="${CSS.escape(entityId)}"]`;
  const mark = root.querySelector<HTMLElement>(selector);
  if (!mark) return false;
  const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', behavior: calm ? 'auto' : 'smooth' });
  mark.classList.add(REVEALED_CLASS);
  setTimeout(() => mark.classList.remove(REVEALED_CLASS), REVEAL_MS);
  mark.focus({ preventScroll: true });
  return true;
}
