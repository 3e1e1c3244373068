/**
 * How long the content script works on its page: until the extension is reloaded, updated or
 * removed, which cuts the script off from it (`chrome.runtime.id` is gone). It stands in for
 * WXT's ContentScriptContext, which announces every start on the page's `window` with the
 * extension's id and listens there for an event that stops the script: any page could learn
 * that Briefings is installed, and switch it off. Nothing here reaches the page.
 */
import type { PageLifetime } from './scheduler';

export class ContentScriptLifetime implements PageLifetime {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the work should stop; asked where work begins, it notices the extension gone. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && !extensionReachable()) this.controller.abort();
    return this.signal.aborted;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const cancel = () => cancelIdleCallback(id);
    const id = requestIdleCallback((deadline) => {
      this.signal.removeEventListener('abort', cancel);
      if (!this.isInvalid) callback(deadline);
    }, options);
    this.signal.addEventListener('abort', cancel, { once: true });
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const cancel = () => clearTimeout(id);
    const id = window.setTimeout(() => {
      this.signal.removeEventListener('abort', cancel);
      if (!this.isInvalid) handler();
    }, timeout);
    this.signal.addEventListener('abort', cancel, { once: true });
    return id;
  }
}

function extensionReachable(): boolean {
  return globalThis.chrome?.runtime?.id !== undefined;
}
