/**
 * The card's ways out to the extension's own pages, which a content script cannot open itself:
 * the background opens them in a tab next to the reader's (the tab id comes from the message's
 * sender).
 * - "Open in Briefings": the popup's page for an entity (popup.html?entity=ID&tab=TABID).
 * - "Read" on a source: the reader view of the document, at the quote (reader.html?pack=…).
 */
import { backgroundMessenger } from '@/lib/messaging';
import type { ReaderTarget } from '@/lib/views';

export function openInBriefings(entityId: string): Promise<void> {
  return backgroundMessenger.sendMessage('openBriefingsPage', { entityId });
}

export function openReader(target: ReaderTarget): Promise<void> {
  return backgroundMessenger.sendMessage('openReader', target);
}
