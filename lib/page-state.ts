import type { PageState } from '@/components/Popup';
import { findTargetTabId } from '@/lib/active-tab';
import { contentMessenger } from '@/lib/messaging';

/** Asks the content script of the popup's tab what it found. */
export async function loadPageState(): Promise<PageState> {
  const tabId = await findTargetTabId();
  if (tabId === null) return { state: 'unavailable' };
  try {
    const summary = await contentMessenger.sendMessage('getPageSummary', undefined, tabId);
    return { state: 'ready', summary };
  } catch {
    // Tabs without our content script (browser pages, the web store, PDFs) cannot answer.
    return { state: 'unavailable' };
  }
}
