import { browser } from 'wxt/browser';
import { describeFailure } from '@/lib/failure-words';
import { countOf } from '@/lib/plural';
import { siteOf } from '@/lib/settings';
import { welcomeUrl } from '@/lib/welcome-link';
import type { BackgroundHandlers } from './api';
import type { BackgroundService } from './service';

export const TOGGLE_SITE_COMMAND = 'toggle-site';
export const ADD_ARTICLE_COMMAND = 'add-article';
const ADD_ARTICLE_MENU_ITEM = 'add-article';

/** Install, update, start-up, the keyboard commands and the page's context menu. */
export function registerBrowserEvents(service: BackgroundService, handlers: BackgroundHandlers) {
  // Seed the bundled pack as soon as the extension is installed or the browser starts; any call
  // would do it too, so a failure here is only reported, and retried by the next call.
  const prepare = () => {
    service
      .whenReady()
      .catch((error: unknown) => console.error('[Briefings] seeding failed:', error));
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    prepare();
    // Once, on install: not after an update, nor when the browser starts.
    if (reason !== 'install') return;
    service.settings
      .welcomeDue()
      .then((due) => (due ? openWelcomePage() : undefined))
      .catch(reportWelcomeFailure);
  });
  // Chrome keeps menu items across restarts of the worker, Firefox not across browser restarts
  // for a persistent background page: made afresh each time the background starts.
  browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: ADD_ARTICLE_MENU_ITEM,
        title: 'Add this article to Briefings',
        contexts: ['page', 'selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    )
    .catch((error: unknown) => console.error('[Briefings] the menu item was not made:', error));
  browser.runtime.onStartup.addListener(prepare);
  browser.commands.onCommand.addListener(async (command) => {
    if (command === TOGGLE_SITE_COMMAND) await toggleActiveSite(service, handlers);
    if (command === ADD_ARTICLE_COMMAND) {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) await addArticleWithFeedback(handlers, tab.id);
    }
  });
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId === ADD_ARTICLE_MENU_ITEM && tab?.id !== undefined) {
      await addArticleWithFeedback(handlers, tab.id);
    }
  });
}

function openWelcomePage() {
  return browser.tabs.create({ url: welcomeUrl() });
}

function reportWelcomeFailure(error: unknown): void {
  console.error('[Briefings] the welcome page did not open:', error);
}

/** How long the toolbar badge says how an add went. */
const BADGE_MS = 4000;

/**
 * Adds the tab's article from the menu or the shortcut, where no view is open to answer: the
 * toolbar button's badge and tooltip say what happened ("✓" and the title, or "!" and why).
 */
export async function addArticleWithFeedback(
  handlers: BackgroundHandlers,
  tabId: number,
): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  let text: string;
  let title: string;
  try {
    const added = await handlers.addArticleFromTab({ tabId });
    text = '✓';
    title = `${added.replaced ? 'Updated in' : 'Added to'} My reading: ${added.title} (${countOf(added.quotes, 'quote')})`;
  } catch (error) {
    text = '!';
    title = `Not added: ${describeFailure(error)}`;
  }
  await action.setBadgeText({ tabId, text });
  await action.setTitle({ tabId, title });
  setTimeout(() => {
    action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
    action.setTitle({ tabId, title: '' }).catch(() => undefined);
  }, BADGE_MS);
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
