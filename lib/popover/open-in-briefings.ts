/**
 * "Open in Briefings": the background opens the extension's page for an entity, next to the
 * reader's tab (popup.html?entity=ID&tab=TABID; the tab id comes from the message's sender).
 */
import { backgroundMessenger } from '@/lib/messaging';

export function openInBriefings(entityId: string): Promise<void> {
  return backgroundMessenger.sendMessage('openBriefingsPage', { entityId });
}
