/**
 * The briefing card's code: Preact, the card's components and styles, its positioning. It is a
 * chunk of its own that the content script loads when the reader first points at or focuses a
 * name (lib/popover/index.ts), so that pages where nobody does never pay for it.
 */
import briefingCss from '@/components/briefing/briefing.css?inline';
import popoverCss from '@/components/briefing/popover.css?inline';
import type { OwnMarks } from '@/lib/page/own-marks';
import type { CardAppearance } from '@/lib/settings';
import type { BriefingProvider } from './briefing-source';
import { PopoverController } from './controller';
import type { CardRequest } from './requests';

export interface PopoverUi {
  /** Does what the reader asked (the request that had the card's code loaded, say). */
  handle(request: CardRequest): void;
  setAppearance(appearance: CardAppearance): void;
}

/**
 * Listens for marked names and shows their briefings until `signal` aborts (the extension
 * reloads). The card's element is only created when it first opens.
 */
export function createPopoverUi(options: {
  briefings: BriefingProvider;
  marks: OwnMarks;
  appearance: CardAppearance;
  signal: AbortSignal;
}): PopoverUi {
  const controller = new PopoverController({
    css: `${briefingCss}\n${popoverCss}`,
    briefings: options.briefings,
    marks: options.marks,
    signal: options.signal,
  });
  controller.setAppearance(options.appearance);
  if (!options.signal.aborted) controller.start();
  return controller;
}
