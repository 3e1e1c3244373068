/**
 * The marks this content script made, and what each names, kept in the script's own memory:
 * a mark in the page carries no entity id, so a page learns from it no more than the text it
 * wraps, and a mark a page makes (or copies from ours) is not in here, so it opens nothing.
 * One instance per page, handed to the chunks that make and read marks (they are separate
 * modules: a module-level registry would be a different one in each).
 */
import { MARK_SELECTOR } from '@/lib/spotting/mark-names';
import { isElement } from '@/lib/spotting/text-walker';

export interface MarkedName {
  entityId: string;
  /** The name as the reader's packs spell it (the alias matched), never the page's text. */
  name: string;
}

export class OwnMarks {
  private readonly names = new WeakMap<Element, MarkedName>();

  add(mark: HTMLElement, named: MarkedName): void {
    this.names.set(mark, named);
  }

  /** What a mark of ours names; null for any other element. */
  nameOf(element: Element): MarkedName | null {
    return this.names.get(element) ?? null;
  }

  entityOf(element: Element): string | null {
    return this.names.get(element)?.entityId ?? null;
  }

  /** Our mark an event target (an element or a text node) is in, if any. */
  markAt(target: EventTarget | null): HTMLElement | null {
    if (target === null || !('nodeType' in target)) return null;
    const node = target as Node;
    const element = isElement(node) ? node : node.parentElement;
    const mark = element?.closest<HTMLElement>(MARK_SELECTOR) ?? null;
    return mark !== null && this.names.has(mark) ? mark : null;
  }

  /** Our marks on the page now, in document order; those Tab can reach, if `focusable`. */
  all(root: ParentNode = document, { focusable = false } = {}): HTMLElement[] {
    const selector = focusable ? `${MARK_SELECTOR}[tabindex]` : MARK_SELECTOR;
    return [...root.querySelectorAll<HTMLElement>(selector)].filter((mark) => this.names.has(mark));
  }

  /** The first mark of an entity on the page now, if any. */
  firstOf(entityId: string, root: ParentNode = document): HTMLElement | null {
    for (const mark of root.querySelectorAll<HTMLElement>(MARK_SELECTOR)) {
      if (this.names.get(mark)?.entityId === entityId) return mark;
    }
    return null;
  }
}
