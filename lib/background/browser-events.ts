import { browser } from 'wxt/browser';
import { siteOf } from '@/lib/store/settings';
import type { BackgroundHandlers } from './api';
import type { BackgroundService } from './service';

/** Install, update, start-up and the keyboard command. */
export function registerBrowserEvents(service: BackgroundService, handlers: BackgroundHandlers) {
  browser.runtime.onInstalled.addListener(async () => {
    // Ask the browser not to evict the corpus and the user's packs under storage pressure.
    await navigator.storage.persist();
    await service.whenReady();
  });
  browser.runtime.onStartup.addListener(() => service.whenReady());

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-site') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const host = tab?.url ? siteOf(tab.url) : null;
    if (!host) return;
    const enabled = await service.settings.siteEnabled(host);
    await handlers.setSiteEnabled({ host, enabled: !enabled });
  });
}
