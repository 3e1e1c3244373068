/**
 * Reads the briefing card the way assistive technology does: through Chromium's accessibility
 * tree, over the DevTools protocol. The card lives in a closed shadow root, which page scripts
 * cannot reach and Playwright's locators do not pierce (they see open roots only), but the
 * accessibility tree holds everything a reader can perceive, whichever root it is in.
 */
import type { CDPSession, Page } from 'playwright-core';

/** An element found in the accessibility tree, by its computed role and name. */
export interface AccessibleElement {
  backendNodeId: number;
  role: string;
  name: string;
}

interface AxNode {
  ignored: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  backendDOMNodeId?: number;
  properties?: { name: string; value: { value?: unknown } }[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class AccessibleView {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<AccessibleView> {
    return new AccessibleView(page, await page.context().newCDPSession(page));
  }

  /** Elements a reader can perceive with this role (and exactly this name, when given). */
  async findAll(role: string, name?: string): Promise<AccessibleElement[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = await this.cdp.send('Accessibility.queryAXTree', {
      backendNodeId: root.backendNodeId,
      role,
      ...(name !== undefined && { accessibleName: name }),
    });
    return (nodes as AxNode[]).flatMap((node) => describe(node) ?? []);
  }

  async find(role: string, name?: string): Promise<AccessibleElement | null> {
    return (await this.findAll(role, name))[0] ?? null;
  }

  /** Waits until an element with this role and name is perceivable. */
  async waitFor(role: string, name?: string, timeout = 5_000): Promise<AccessibleElement> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.find(role, name);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${role} named ${name ?? '(any)'} appeared`);
      await this.page.waitForTimeout(20);
    }
  }

  /** Waits until no element with this role and name is perceivable. */
  async waitForGone(role: string, name?: string, timeout = 5_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (await this.find(role, name)) {
      if (Date.now() > deadline) throw new Error(`the ${role} named ${name ?? '(any)'} stayed`);
      await this.page.waitForTimeout(20);
    }
  }

  /** The element that has keyboard focus, wherever it is (a closed shadow root included). */
  async focused(): Promise<AccessibleElement | null> {
    const { nodes } = await this.cdp.send('Accessibility.getFullAXTree', {});
    // The document counts as focused too; the tree is in document order, so the last is deepest.
    const node = (nodes as AxNode[]).findLast((candidate) =>
      candidate.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    return (node && describe(node)) ?? null;
  }

  /** Runs `read` on the element in the page (for text and geometry); its result must be JSON. */
  async evaluate<Result, Arg = undefined>(
    element: AccessibleElement,
    read: (element: Element, arg: Arg) => Result,
    arg?: Arg,
  ): Promise<Result> {
    const { object } = await this.cdp.send('DOM.resolveNode', {
      backendNodeId: element.backendNodeId,
    });
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${read.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`reading the element failed: ${exceptionDetails.text}`);
    return result.value as Result;
  }

  /** The element's text as written (not as CSS transforms it: small caps, upper case). */
  text(element: AccessibleElement): Promise<string> {
    return this.evaluate(element, (node) => node.textContent ?? '');
  }

  box(element: AccessibleElement): Promise<Box> {
    return this.evaluate(element, (node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y, width, height };
    });
  }

  /** Moves the real mouse to the element's centre, scrolled into view first. */
  async hover(element: AccessibleElement): Promise<void> {
    const { x, y, width, height } = await this.visibleBox(element);
    await this.page.mouse.move(x + width / 2, y + height / 2);
  }

  /** Clicks the element with the real mouse, as a reader would, scrolled into view first. */
  async click(element: AccessibleElement): Promise<void> {
    const { x, y, width, height } = await this.visibleBox(element);
    await this.page.mouse.click(x + width / 2, y + height / 2);
  }

  private visibleBox(element: AccessibleElement): Promise<Box> {
    return this.evaluate(element, (node) => {
      node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y, width, height };
    });
  }
}

function describe(node: AxNode): AccessibleElement | null {
  if (node.ignored || node.backendDOMNodeId === undefined) return null;
  return {
    backendNodeId: node.backendDOMNodeId,
    role: String(node.role?.value ?? ''),
    name: String(node.name?.value ?? ''),
  };
}
