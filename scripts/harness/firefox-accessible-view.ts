/**
 * Finds what a reader perceives in Firefox by role and accessible name, as Firefox computes them,
 * closed shadow roots included: the briefing card lives in one, which page scripts cannot reach
 * and CSS or ARIA selectors do not pierce. WebDriver BiDi hands the driver every element's shadow
 * root, closed or not (as assistive technology sees it), and searches from there by role and
 * name. The Firefox counterpart of accessible-view.ts, which does this over Chromium's DevTools.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
// Not puppeteer's public API: the shadow root BiDi serialised with an element is reached through
// the element's remote value. puppeteer-core is pinned exactly, so this cannot change unseen.
import { BidiElementHandle } from 'puppeteer-core/internal/bidi/ElementHandle.js';

export class FirefoxAccessibleView {
  constructor(private readonly page: Page) {}

  /** The first element with this role (and exactly this name, when given), or null. */
  async find(role: string, name?: string): Promise<ElementHandle<Element> | null> {
    const selector = ariaSelector(role, name);
    for (const root of [this.page.mainFrame(), ...(await this.shadowRoots())]) {
      const found = await root.$(selector);
      if (found) return found as ElementHandle<Element>;
    }
    return null;
  }

  async waitFor(role: string, name?: string, timeout = 5_000): Promise<ElementHandle<Element>> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.find(role, name);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${role} named ${name ?? '(any)'} appeared`);
      await sleep(20);
    }
  }

  async waitForGone(role: string, name?: string, timeout = 5_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (await this.find(role, name)) {
      if (Date.now() > deadline) throw new Error(`the ${role} named ${name ?? '(any)'} stayed`);
      await sleep(20);
    }
  }

  /** Whether the element has keyboard focus, in its own shadow root or the document. */
  hasFocus(element: ElementHandle<Element>): Promise<boolean> {
    return element.evaluate(
      (node) => (node.getRootNode() as Document | ShadowRoot).activeElement === node,
    );
  }

  /** The shadow roots of the page's elements, open or closed. */
  private async shadowRoots(): Promise<ElementHandle<Node>[]> {
    const roots: ElementHandle<Node>[] = [];
    for (const element of await this.page.$$('*')) {
      if (element instanceof BidiElementHandle) {
        const serialized = element.remoteValue();
        const shadowRoot = serialized.type === 'node' ? serialized.value?.shadowRoot : null;
        // The root is addressed by its own id, which outlives the element's handle.
        if (shadowRoot) {
          // The internal class is typed apart from the public one it extends.
          roots.push(
            BidiElementHandle.from<Node>(
              shadowRoot,
              element.realm,
            ) as unknown as ElementHandle<Node>,
          );
        }
      }
      await element.dispose();
    }
    return roots;
  }
}

/** puppeteer's ARIA query: Firefox's computed role and name, compared exactly. */
function ariaSelector(role: string, name?: string): string {
  const nameFilter = name === undefined ? '' : `[name=${JSON.stringify(name)}]`;
  return `::-p-aria(${nameFilter}[role=${JSON.stringify(role)}])`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
