import type { PageState } from '@/components/popup/OnThisPage';
import { hasContentScript } from '@/lib/content-script-reach';
import { backgroundMessenger, contentMessenger } from '@/lib/messaging';

/** Asks the content script of a tab what it found, and names what it found. */
export async function loadPageState(tabId: number | null): Promise<PageState> {
  if (tabId === null || !(await hasContentScript(tabId))) return { state: 'unavailable' };
  let summary: Awaited<ReturnType<typeof contentMessenger.sendMessage<'getPageSummary'>>>;
  try {
    summary = await contentMessenger.sendMessage('getPageSummary', undefined, tabId);
  } catch {
    // Tabs without our content script (browser pages, the web store, PDFs) cannot answer.
    return { state: 'unavailable' };
  }
  const names = await backgroundMessenger.sendMessage('getEntityNames', {
    ids: Object.keys(summary.mentions),
  });
  const found = names
    .map((entity) => ({ ...entity, count: summary.mentions[entity.id] ?? 0 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { state: 'ready', url: summary.url, active: summary.active, found };
}
