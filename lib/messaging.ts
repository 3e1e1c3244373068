/**
 * The one message protocol between the extension's contexts. Every call between background,
 * content script, popup and options is declared here, typed end to end. A call that fails
 * rejects with an Error whose message is meant for the reader.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundApi } from '@/lib/background/api';
import type { CompiledSubmission } from '@/lib/compiler/compile-for-reading';
import type { Entity } from '@/lib/pack/schema';
import type { CardAppearance, HighlightStyle } from '@/lib/settings';
import type { SpotDictionary } from '@/lib/spotting/dictionary';
import type { ReaderChoices } from '@/lib/spotting/reader-choices';
import type { ArticleSubmission, ChangeInProgress, InstallProgress } from '@/lib/views';

export type { SpotDictionary };

/** What a content script found on its page. */
export interface PageSummary {
  url: string;
  /** Whether highlighting runs on this page (false when paused or switched off for the site). */
  active: boolean;
  /** Mentions on the page, marked or not, by entity id (see lib/spotting/mention-counts.ts). */
  mentions: Record<string, number>;
}

/** How Briefings behaves on one page, from the user's settings and the names they hid. */
export interface PageSettings extends ReaderChoices {
  /** false when paused everywhere or switched off for this site. */
  enabled: boolean;
  /** Places are marked at their first mention only, unless the user asks for all. */
  markEveryPlaceMention: boolean;
  /** Names are marked all over the page, not only where the reading is (its article region). */
  markWholePage: boolean;
  highlightStyle: HighlightStyle;
  cardAppearance: CardAppearance;
}

/** Calls answered by the content script of a tab (sent with a tab id). */
interface ContentProtocol {
  getPageSummary(): PageSummary;
  /** The user changed a setting: ask what now applies to this page (getPageSettings). */
  pageSettingsChanged(): void;
  /** Packs were imported or removed: look for the names of the corpus as it now is. */
  corpusChanged(): void;
  /** Scroll to the first mark of an entity and make it stand out; false if none is on the page. */
  revealEntity(data: { entityId: string }): boolean;
}

/** Told to the extension's own pages (options, popup) by the background. */
interface ExtensionPageProtocol {
  importProgress(data: InstallProgress): void;
  /** A removal's progress, batch by batch; null once it is done. */
  changeProgress(data: ChangeInProgress | null): void;
}

/** Told to the compiler page by the background (entrypoints/compiler). */
interface CompilerProtocol {
  compileArticle(data: { submission: ArticleSubmission; known: Entity[] }): CompiledSubmission;
}

/** Calls answered by the background service worker: see lib/background/api.ts. */
export const backgroundMessenger = defineExtensionMessaging<BackgroundApi>();
export const contentMessenger = defineExtensionMessaging<ContentProtocol>();
export const extensionPageMessenger = defineExtensionMessaging<ExtensionPageProtocol>();
export const compilerMessenger = defineExtensionMessaging<CompilerProtocol>();
