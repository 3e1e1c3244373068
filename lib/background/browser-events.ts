import { browser } from 'wxt/browser';
import { siteOf } from '@/lib/settings';
import type { BackgroundHandlers } from './api';
import type { BackgroundService } from './service';

export const TOGGLE_SITE_COMMAND = 'toggle-site';

/** Install, update, start-up and the keyboard command. */
export function registerBrowserEvents(service: BackgroundService, handlers: BackgroundHandlers) {
  // Seed the bundled pack as soon as the extension is installed or the browser starts; any call
  // would do it too, so a failure here is only reported, and retried by the next call.
  const prepare = () => {
    service
      .whenReady()
      .catch((error: unknown) => console.error('[Briefings] seeding failed:', error));
  };
  browser.runtime.onInstalled.addListener(prepare);
  browser.runtime.onStartup.addListener(prepare);
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
