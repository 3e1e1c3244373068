/**
 * Reads a page's prose: the visible text nodes of a subtree, joined into segments a name can
 * span ("<b>Xi</b> Jinping"), without what is not prose or not the page's own text.
 *
 * A segment is the text between two block boundaries: inline elements (a, b, em, span…) join
 * their text with their neighbours', anything else (a paragraph, a list item, a line break, a
 * skipped element) ends the segment, so a name is never found across two blocks. The walk is
 * resumable: it does as much as the caller's time slice allows and continues from there.
 */
import { isCopyrightLine, isFurniture } from './furniture';
import { isMarkElement, isOwnUi } from './mark-names';

/** Text between two block boundaries, with where each of its text nodes starts. */
export interface TextSegment {
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
  /** The nodes' data, joined as they stand (offsets map one to one). */
  text: string;
  /** [start, end) ranges already inside marks: found again, they are left as they are. */
  marked: [number, number][];
  /** The nearest block (or shadow root) around the text: a small context to mark within. */
  container: Element | ShadowRoot;
}

/** Elements whose text joins the text around them. Anything else is a block boundary. */
// biome-ignore format: a list of names reads best packed
const INLINE_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'ins', 'mark', 'nobr', 'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time',
  'tt', 'u', 'wbr',
]);

/** Not prose, or not the page's own text to mark: never read, with everything inside. */
// biome-ignore format: a list of names reads best packed
const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'svg', 'math',
  'textarea', 'input', 'select', 'option', 'optgroup', 'datalist', 'button', 'label', 'output',
  'meter', 'progress', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title',
  'nav', 'rt', 'rp', 'dialog',
]);

/** Roles of navigation and controls: their text is the page's chrome, not its prose. */
// biome-ignore format: a list of names reads best packed
const SKIPPED_ROLES = new Set([
  'navigation', 'search', 'menu', 'menubar', 'menuitem', 'button', 'textbox', 'searchbox',
  'combobox', 'listbox', 'tablist', 'toolbar',
]);

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Whether a walk must not enter `element` (nor anything inside it): not prose, the page's chrome,
 * or its furniture (see furniture.ts). Hidden text is checked per
 * text node instead (see `isRenderedText`), so that one visible child of a hidden parent counts.
 */
export function isSkippedElement(element: Element): boolean {
  if (element.namespaceURI !== XHTML_NAMESPACE) return true; // svg, math and all inside them
  const name = element.localName;
  if (SKIPPED_ELEMENTS.has(name)) return true;
  if (isOwnUi(element)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = element.getAttribute('role');
  if (role !== null && SKIPPED_ROLES.has(role)) return true;
  if (name === 'form' && isChromeForm(element)) return true;
  return isFurniture(element);
}

/** Answers of isChromeForm, per form: asking searches the form's whole subtree. */
const chromeForms = new WeakMap<Element, boolean>();

/**
 * A search or sign-up form is page chrome; some sites wrap the whole page in one form, though.
 * Remembered per form, since every node added inside such a page asks about its ancestors.
 */
function isChromeForm(form: Element): boolean {
  let chrome = chromeForms.get(form);
  if (chrome === undefined) {
    chrome = form.querySelector('article, main, [role="main"]') === null;
    chromeForms.set(form, chrome);
  }
  return chrome;
}

/** Whether `node` is inside an element a walk would skip (checked for content added later). */
export function isInSkippedArea(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let current: Node | null = node; current !== null; current = parentAcrossShadow(current)) {
    if (current.nodeType === Node.ELEMENT_NODE && isSkippedElement(current as Element)) return true;
  }
  return false;
}

function parentAcrossShadow(node: Node): Node | null {
  if (node.parentNode !== null) return node.parentNode;
  return isShadowRoot(node) ? node.host : null;
}

/** By node type rather than `instanceof`, which fails across realms (frames, test DOMs). */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}

export function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE;
}

export function isInlineElement(element: Element): boolean {
  return INLINE_ELEMENTS.has(element.localName);
}

/** The nearest ancestor of `node` that is not inline: a paragraph, a cell, a shadow root… */
export function blockContainerOf(node: Node): Element | ShadowRoot | null {
  for (let parent = node.parentNode; parent !== null; parent = parent.parentNode) {
    if (isShadowRoot(parent)) return parent;
    if (parent.nodeType === Node.ELEMENT_NODE && !isInlineElement(parent as Element)) {
      return parent as Element;
    }
  }
  return null;
}

/**
 * Whether the element holding a text node is rendered and visible: not in a display:none
 * subtree, not visibility:hidden, not an unslotted child of a shadow host.
 */
export function isRenderedText(parent: Element): boolean {
  if (typeof parent.checkVisibility !== 'function') return true;
  for (let element: Element | null = parent; element !== null; element = element.parentElement) {
    if (element.checkVisibility({ visibilityProperty: true })) return true;
    // display:contents elements have no box of their own; their parent's box decides.
    if (getComputedStyle(element).display !== 'contents') return false;
  }
  return false;
}

type Layout = 'inline' | 'box';

const HORIZONTAL_SPACING = [
  'marginLeft',
  'marginRight',
  'paddingLeft',
  'paddingRight',
  'borderLeftWidth',
  'borderRightWidth',
] as const;

/** The layout of an element inline by tag, from its computed style. */
function inlineLayoutOf(style: CSSStyleDeclaration): Layout {
  const { display } = style;
  if (display === 'contents') return 'inline';
  // '' where no layout is known (a DOM without CSS): the tag decides.
  if (display === 'inline' || display === '') {
    const spaced = HORIZONTAL_SPACING.some((property) => {
      const value = style[property];
      return value !== '' && value !== '0px';
    });
    return spaced ? 'box' : 'inline';
  }
  return 'box';
}

export interface TextWalkerOptions {
  onSegment(segment: TextSegment): void;
  /** An open shadow root met on the way; the caller walks it as a root of its own. */
  onShadowRoot?(root: ShadowRoot): void;
}

/** How many nodes are visited between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 256;

export class TextWalker {
  private next: Node | null;
  private runNodes: Text[] = [];
  private runTexts: string[] = [];
  private runHasWords = false;
  private readonly visibility = new Map<Element, boolean>();
  private readonly layouts = new Map<Element, Layout>();
  /** The inline element the walk just closed, if no text came since. */
  private closedInline: Element | null = null;

  constructor(
    private readonly root: Node,
    private readonly options: TextWalkerOptions,
  ) {
    this.next = root.firstChild;
  }

  /** Walks until the end or until `hasTimeLeft()` says stop; returns whether it reached the end. */
  walk(hasTimeLeft: () => boolean): boolean {
    let visited = 0;
    while (this.next !== null) {
      this.visit(this.next);
      if (++visited % NODES_PER_CLOCK_CHECK === 0 && !hasTimeLeft()) return false;
    }
    this.endRun();
    return true;
  }

  private visit(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      this.addText(node as Text);
      this.next = this.following(node);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      this.next = this.following(node);
      return;
    }
    const element = node as Element;
    if (isSkippedElement(element)) {
      this.endRun();
      this.next = this.following(element);
      return;
    }
    if (element.shadowRoot !== null) this.options.onShadowRoot?.(element.shadowRoot);
    // An inline element's layout matters only where it would glue two words together, and
    // reading computed styles is the walk's main cost: it is read only then.
    if (!isInlineElement(element)) this.endRun();
    else if (this.runEndsInWord() && this.layoutOf(element) !== 'inline') this.endRun();
    this.next = element.firstChild ?? this.following(element);
  }

  /** The node after `node` in document order, leaving the elements it closes. */
  private following(node: Node): Node | null {
    let current: Node = node;
    while (current !== this.root) {
      if (current !== node && isElement(current)) {
        if (isInlineElement(current)) this.closedInline = current;
        else this.endRun();
      }
      if (current.nextSibling !== null) return current.nextSibling;
      const parent = current.parentNode;
      if (parent === null) return null;
      current = parent;
    }
    return null;
  }

  private addText(text: Text): void {
    const data = text.data;
    const hasWords = /\S/.test(data);
    // Whitespace between words is kept without a look at styles; text is kept only if visible.
    if (hasWords && text.parentElement !== null && !this.isVisible(text.parentElement)) {
      this.endRun();
      return;
    }
    // Text glued to an inline box just closed ("Rusia" chip, then "invasion") starts a new run.
    const closed = this.closedInline;
    this.closedInline = null;
    if (
      closed !== null &&
      /^\S/.test(data) &&
      this.runEndsInWord() &&
      this.layoutOf(closed) !== 'inline'
    ) {
      this.endRun();
    }
    this.runNodes.push(text);
    this.runTexts.push(data);
    this.runHasWords ||= hasWords;
  }

  private runEndsInWord(): boolean {
    const last = this.runTexts[this.runTexts.length - 1];
    return last !== undefined && /\S$/.test(last);
  }

  /**
   * How the text of an element inline by tag relates to its neighbours': it runs on with them
   * (`inline`), or sits in a box of its own (`box`: inline-block, margins, a flex item…). The tag
   * is not enough: pages lay out lists of links as chips, and "Rusia" + "Vladimir Putin" in two
   * chips must not read "RusiaVladimir Putin". Boxes join their neighbours across a space only.
   */
  private layoutOf(element: Element): Layout {
    if (isMarkElement(element)) return 'inline';
    let layout = this.layouts.get(element);
    if (layout === undefined) {
      layout = inlineLayoutOf(getComputedStyle(element));
      this.layouts.set(element, layout);
    }
    return layout;
  }

  private isVisible(parent: Element): boolean {
    let visible = this.visibility.get(parent);
    if (visible === undefined) {
      visible = isRenderedText(parent);
      this.visibility.set(parent, visible);
    }
    return visible;
  }

  private endRun(): void {
    const nodes = this.runNodes;
    const texts = this.runTexts;
    const hasWords = this.runHasWords;
    this.runNodes = [];
    this.runTexts = [];
    this.runHasWords = false;
    this.closedInline = null;
    if (!hasWords) return;
    const text = texts.join('');
    if (isCopyrightLine(text)) return;
    const container = blockContainerOf(nodes[0] as Text);
    if (container === null) return;
    const starts: number[] = [];
    const marked: [number, number][] = [];
    let offset = 0;
    nodes.forEach((node, index) => {
      starts.push(offset);
      const length = (texts[index] as string).length;
      const parent = node.parentElement;
      if (parent !== null && isMarkElement(parent)) marked.push([offset, offset + length]);
      offset += length;
    });
    this.options.onSegment({ nodes, starts, text, marked, container });
  }
}
