/**
 * The one message protocol between the extension's contexts. Every call between background,
 * content script, popup and options is declared here, typed end to end.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SpotDictionary } from '@/lib/spotting/dictionary';

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

/** How Briefings behaves on one page, from the user's settings. */
export interface PageSettings {
  /** false when paused everywhere or switched off for this site. */
  enabled: boolean;
  /** Places are marked at their first mention only, unless the user asks for all. */
  markEveryPlaceMention: boolean;
}

/** Calls answered by the background service worker. */
interface BackgroundProtocol {
  getStatus(): ExtensionStatus;
  /** The dictionary, or null when the page already holds the current version. */
  getSpotDictionary(data: { knownVersion: string | null }): SpotDictionary | null;
  getPageSettings(data: { url: string }): PageSettings;
}

/** Calls answered by the content script of a tab (sent with a tab id). */
interface ContentProtocol {
  getPageSummary(): PageSummary;
  /** The user changed a setting that concerns this page. */
  pageSettingsChanged(data: PageSettings): void;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const contentMessenger = defineExtensionMessaging<ContentProtocol>();
