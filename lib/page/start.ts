import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentMessenger, type PageSummary } from '@/lib/messaging';

/** Runs Briefings on one page: answers the popup about what the page holds. */
export function startPageBriefings(ctx: ContentScriptContext): void {
  const mentions: PageSummary['mentions'] = {};
  const removeListener = contentMessenger.onMessage('getPageSummary', () => ({
    url: location.href,
    active: true,
    mentions,
  }));
  ctx.onInvalidated(removeListener);
}
