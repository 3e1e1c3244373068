import { browser } from 'wxt/browser';
import { backgroundMessenger } from '@/lib/messaging';

/** Wires every background call of the message protocol to its handler. */
export function registerBackgroundApi(): void {
  backgroundMessenger.onMessage('getStatus', () => ({
    version: browser.runtime.getManifest().version,
  }));
}
