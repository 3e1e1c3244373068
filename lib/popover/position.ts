/**
 * Keeps the card next to its mark and inside the viewport: below the name by default, above when
 * there is more room there, shifted in from the edges, and never taller than the space it has
 * (the body scrolls inside). Hidden while the mark is scrolled out of view.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
} from '@floating-ui/dom';

const EDGE_PADDING = 8;
const GAP = 6;
const MAX_HEIGHT = 480;
const MIN_HEIGHT = 160;

interface FollowCallbacks {
  /** The card is in place for the first time. */
  onPlaced: () => void;
  /** The page took the mark out (it re-rendered that paragraph): nothing left to point at. */
  onMarkGone: () => void;
}

/** Positions `card` at `mark` now and on every scroll or resize; returns the stop. */
export function followMark(
  mark: Element,
  card: HTMLElement,
  { onPlaced, onMarkGone }: FollowCallbacks,
): () => void {
  card.dataset.placed = 'false';
  let placedFor = '';
  return autoUpdate(mark, card, () => {
    if (!mark.isConnected) {
      onMarkGone();
      return;
    }
    // The observers' first calls, and many scroll and resize events, ask again for the same
    // geometry: the card would land where it is, after a walk of the page's ancestors.
    const geometry = geometryOf(mark, card);
    if (geometry === placedFor) return;
    placedFor = geometry;
    computePosition(mark, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(GAP),
        flip({ padding: EDGE_PADDING, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: EDGE_PADDING }),
        size({
          padding: EDGE_PADDING,
          apply({ availableHeight, availableWidth, elements }) {
            const height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, availableHeight));
            elements.floating.style.maxHeight = `${Math.floor(height)}px`;
            elements.floating.style.maxWidth = `${Math.floor(availableWidth)}px`;
          },
        }),
        hide(),
      ],
    })
      .then(({ x, y, middlewareData }) => {
        if (!card.isConnected) return;
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
        card.dataset.referenceHidden = String(middlewareData.hide?.referenceHidden ?? false);
        if (card.dataset.placed !== 'true') {
          card.dataset.placed = 'true';
          onPlaced();
        }
      })
      .catch((error: unknown) => console.warn('[Briefings] could not place the briefing:', error));
  });
}

/** Where the mark is, the card's size and the viewport's, as one comparable value. */
function geometryOf(mark: Element, card: HTMLElement): string {
  const { x, y, width, height } = mark.getBoundingClientRect();
  return [
    x,
    y,
    width,
    height,
    card.offsetWidth,
    card.offsetHeight,
    window.innerWidth,
    window.innerHeight,
  ].join(' ');
}
