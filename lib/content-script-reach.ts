import { browser } from 'wxt/browser';

/**
 * Whether a tab has Briefings' content script to ask. The messaging library sends to a tab with a
 * callback that leaves the browser's "no receiver" error unchecked, which Chrome then logs ("Could
 * not establish connection") for every tab without the script: browser pages, extension stores,
 * pages opened before install. A promise-based probe, which no listener answers, finds out
 * quietly: only a tab without any receiver rejects with that error.
 */
export async function hasContentScript(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, 'briefings:probe');
    return true;
  } catch (error) {
    return !/receiving end does not exist|could not establish connection/i.test(String(error));
  }
}
