import { browser } from 'wxt/browser';
import { siteOf } from '@/lib/store/settings';
import type { BackgroundHandlers } from './api';
import type { BackgroundService } from './service';

export const TOGGLE_SITE_COMMAND = 'toggle-site';

/** Install, update, start-up and the keyboard command. */
export function registerBrowserEvents(service: BackgroundService, handlers: BackgroundHandlers) {
  browser.runtime.onInstalled.addListener(async () => {
    // Ask the browser not to evict the corpus and the user's packs under storage pressure.
    await navigator.storage.persist();
    await service.whenReady();
  });
  browser.runtime.onStartup.addListener(() => service.whenReady());
  browser.commands.onCommand.addListener((command) => {
    if (command === TOGGLE_SITE_COMMAND) toggleActiveSite(service, handlers);
  });
}

/** The shortcut: highlighting on or off for the site of the active tab; its new state. */
export async function toggleActiveSite(
  service: BackgroundService,
  handlers: BackgroundHandlers,
): Promise<{ host: string; enabled: boolean } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const host = tab?.url ? siteOf(tab.url) : null;
  if (!host) return null;
  const enabled = !(await service.settings.siteEnabled(host));
  await handlers.setSiteEnabled({ host, enabled });
  return { host, enabled };
}
