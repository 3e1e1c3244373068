import { browser } from 'wxt/browser';

/** The first-run page (entrypoints/welcome): opened on install, and from the popup and options. */
export function welcomeUrl(): string {
  return browser.runtime.getURL('/welcome.html');
}
