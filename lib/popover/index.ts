/**
 * The briefing card on web pages, as the content script starts it: listeners that wait for the
 * reader to point at or focus a name, and the briefings asked of the background. The card's own
 * code (Preact, components, styles) is loaded at that first moment, and the request that called
 * for it is handed over; from then on the card listens for itself.
 */
import type { PopoverUiModule } from '@/lib/page/content-chunks';
import type { ContentScriptLifetime } from '@/lib/page/lifetime';
import { onMarkActivated } from '@/lib/page/marks';
import type { OwnMarks } from '@/lib/page/own-marks';
import { focusMark } from '@/lib/page/reveal';
import type { CardAppearance } from '@/lib/settings';
import { BriefingSource } from './briefing-source';
import { type CardRequest, clickRequest, keyRequest } from './requests';
import type { PopoverUi } from './ui';

export interface Popover {
  /** The packs changed: briefings fetched before are asked for again. */
  corpusChanged(): void;
  /** The reader's choice of a light or dark card, or one that matches the page. */
  setAppearance(appearance: CardAppearance): void;
}

/**
 * Waits for the reader's first use of a name until the extension reloads (the lifetime ends).
 * Where highlighting is off there are no marks, so nothing loads.
 */
export function startPopover(
  lifetime: ContentScriptLifetime,
  marks: OwnMarks,
  loadUi: () => Promise<PopoverUiModule>,
): Popover {
  const briefings = new BriefingSource();
  let appearance: CardAppearance = 'page';
  let ui: PopoverUi | null = null;
  let loading = false;
  /** What the reader asked while the card's code was loading: the latest only. */
  let pending: CardRequest | null = null;
  const waiting = new AbortController();
  const signal = AbortSignal.any([lifetime.signal, waiting.signal]);

  const load = () => {
    if (loading) return;
    loading = true;
    loadUi()
      .then(({ createPopoverUi }) => {
        if (lifetime.signal.aborted) return;
        waiting.abort(); // the card listens for itself from now on
        ui = createPopoverUi({ briefings, marks, appearance, signal: lifetime.signal });
        if (pending) ui.handle(pending);
        pending = null;
      })
      .catch((error: unknown) => {
        loading = false; // the next use of a name tries again
        console.warn('[Briefings] could not load the briefing card:', error);
      });
  };
  const ask = (request: CardRequest | null) => {
    if (request === null) return;
    pending = request;
    load();
  };

  onMarkActivated(
    ({ mark, entityId, trigger }) => {
      // Asked now, while the card's code loads and the pointer rests.
      briefings.get(entityId).catch(() => undefined);
      if (trigger === 'pointer') ask({ kind: 'point', mark, entityId, since: performance.now() });
      else load();
    },
    { marks, signal },
  );
  const listen = { capture: true, signal };
  document.addEventListener(
    'pointerout',
    (event) => {
      // The pointer left the name before the card could open: no card to open.
      const from = marks.markAt(event.target);
      const to = marks.markAt(event.relatedTarget);
      const sameName = to !== null && from !== null && marks.entityOf(to) === marks.entityOf(from);
      if (pending?.kind === 'point' && from !== null && !sameName) pending = null;
    },
    { ...listen, passive: true },
  );
  document.addEventListener('click', (event) => ask(clickRequest(event, marks)), {
    ...listen,
    passive: true,
  });
  document.addEventListener(
    'keydown',
    (event) => {
      const request = keyRequest(event, null, marks);
      if (request === null) return;
      event.preventDefault();
      // Focus moves now, so a second press goes on from there; the card follows once loaded.
      if (request.kind === 'go-to') focusMark(request.mark);
      ask(request);
    },
    listen,
  );

  return {
    corpusChanged: () => briefings.forgetAll(),
    setAppearance: (chosen) => {
      appearance = chosen;
      ui?.setAppearance(chosen);
    },
  };
}
