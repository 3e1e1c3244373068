/**
 * The briefing card on web pages: point at or focus a marked name to read what the packs say
 * about it. The only entry point of the popover; the content script calls `startPopover`.
 */

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import briefingCss from '@/components/briefing/briefing.css?inline';
import popoverCss from '@/components/briefing/popover.css?inline';
import type { CardAppearance } from '@/lib/settings';
import { BriefingSource } from './briefing-source';
import { PopoverController } from './controller';

export { POPOVER_CLOSE_EVENT, POPOVER_OPEN_EVENT } from './controller';

export interface Popover {
  /** The packs changed: briefings fetched before are asked for again. */
  corpusChanged(): void;
  /** The reader's choice of a light or dark card, or one that matches the page. */
  setAppearance(appearance: CardAppearance): void;
}

/**
 * Listens for marked names and shows their briefings until the extension reloads (`ctx`
 * invalidated). Where highlighting is off there are no marks, so nothing opens. The card's
 * element is only created when it first opens.
 */
export function startPopover(ctx: ContentScriptContext): Popover {
  const briefings = new BriefingSource();
  const controller = new PopoverController({
    css: `${briefingCss}\n${popoverCss}`,
    briefings,
    signal: ctx.signal,
  });
  if (!ctx.signal.aborted) controller.start();
  return {
    corpusChanged: () => briefings.forgetAll(),
    setAppearance: (appearance) => controller.setAppearance(appearance),
  };
}
