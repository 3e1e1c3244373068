/**
 * The card menu's choices, made by the background (it stores them and tells every open tab, so
 * the marks change everywhere at once). The site is the page's own: the background reads it
 * from the message's sender.
 */
import type { CardChoice } from '@/components/briefing/card-choices';
import { backgroundMessenger } from '@/lib/messaging';

/** Makes the choice (`apply`) or takes it back; resolves to the site it concerned. */
export async function applyCardChoice(
  choice: CardChoice,
  entityId: string,
  apply: boolean,
): Promise<{ host: string }> {
  switch (choice) {
    case 'hide':
      await backgroundMessenger.sendMessage('setNameHidden', { entityId, hidden: apply });
      return { host: location.hostname };
    case 'not-here':
      return backgroundMessenger.sendMessage('setExcludedOnSite', { entityId, excluded: apply });
    case 'site-off':
      return backgroundMessenger.sendMessage('setSiteEnabled', { enabled: !apply });
  }
}
