/**
 * The one message protocol between the extension's contexts. Every call between
 * background, content script, popup and options is declared here, typed end to end.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';

/** What a content script found on its page. */
export interface PageSummary {
  url: string;
  /** Whether highlighting runs on this page (false when paused or switched off for the site). */
  active: boolean;
  /** Marks placed on the page, by entity id. */
  mentions: Record<string, number>;
}

export interface ExtensionStatus {
  version: string;
}

/** Calls answered by the background service worker. */
interface BackgroundProtocol {
  getStatus(): ExtensionStatus;
}

/** Calls answered by the content script of a tab (sent with a tab id). */
interface ContentProtocol {
  getPageSummary(): PageSummary;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const contentMessenger = defineExtensionMessaging<ContentProtocol>();
