import { browser } from 'wxt/browser';
import { backgroundMessenger, type ExtensionStatus } from '@/lib/messaging';

/** The background's answers, as plain functions (tested directly; wired below). */
export const backgroundHandlers = {
  getStatus(): ExtensionStatus {
    return { version: browser.runtime.getManifest().version };
  },
};

/** Wires every background call of the message protocol to its handler; returns the undo. */
export function registerBackgroundApi(): () => void {
  const removers = [backgroundMessenger.onMessage('getStatus', backgroundHandlers.getStatus)];
  return () => {
    for (const remove of removers) remove();
  };
}
