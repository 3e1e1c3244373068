import { browser } from 'wxt/browser';

/**
 * The tab the popup speaks about. Opened from the toolbar, that is the active tab;
 * opened as a page of its own (`popup.html?tab=12`, e.g. "Open in Briefings"), the tab named.
 */
export async function findTargetTabId(search: string = location.search): Promise<number | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}
