/**
 * Puts marks into the page and takes them out again: the only module that imports mark.js
 * (the anchoring that finds names is elsewhere, as in hypothesis's highlighter).
 *
 * mark.js wraps ranges with `markRanges`, always scoped to the smallest element holding the
 * names to mark, so its own walk costs what that element holds and never the whole page
 * (DESIGN.md §6). Taking marks out is done here rather than with mark.js's `unmark`, which
 * normalises the parent and so merges text nodes the page never split: pages built by
 * frameworks hold references to their text nodes. Here every text node the page owns keeps its
 * identity: wrapping leaves the page's node in place holding the text before the first mark,
 * followed by nodes of ours (marks and the text between them); unwrapping gives the page's node
 * its text back and removes ours.
 *
 * With mark.js, it is a chunk the content script loads when a page has a first name to mark
 * (lib/page/content-chunks.ts): a page with none never pays for either.
 */
import Mark from 'mark.js';
import type { OwnMarks } from '@/lib/page/own-marks';
import {
  isMarkElement,
  MARK_CLASS,
  MARK_ENTITY_ATTRIBUTE,
  MARK_SELECTOR,
  MARK_TAG,
} from './mark-names';
import { isElement } from './text-walker';

/** One name to mark, from a position in one text node to a position in the same or a later one. */
export interface MarkRequest {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  entityId: string;
  /** The name as the dictionary holds it (the alias matched). */
  name: string;
}

/** A name marked on the page: one element, or one per text node when the name spans several. */
export interface PlacedMark {
  entityId: string;
  elements: HTMLElement[];
}

/** What follows a page's text node that marks were cut out of. */
interface Chain {
  /** The page's node's data right after our last change: if it differs, the page rewrote it. */
  anchorData: string;
  /** Our nodes after it, in order: marks and the text between and after them. */
  followers: ChildNode[];
}

interface RangeToMark {
  start: number;
  length: number;
  placed: PlacedMark;
  name: string;
}

/** Text nodes mark.js leaves out of its offsets (it checks the parent only). */
const MARK_JS_IGNORED_PARENTS = new Set(['script', 'style', 'title', 'head', 'html']);

export class Highlighter {
  /** `marks` learns of every mark made: the page's DOM carries no entity ids (release builds). */
  constructor(private readonly marks: OwnMarks) {}

  private readonly ownNodes = new WeakSet<Node>();
  /** Keyed by the page's text node the marks were cut from. */
  private readonly chains = new Map<Text, Chain>();
  private readonly placedByEntity = new Map<string, Set<PlacedMark>>();
  /**
   * The one mark per entity that Tab stops at: its first on the page. The others can still be
   * focused (tabindex -1), by the next/previous mark shortcut, so a name mentioned 24 times
   * costs a keyboard reader one stop, not 24 (as Wikipedia's Page Previews adds none).
   */
  private readonly tabStops = new Map<string, HTMLElement>();

  /** Wraps each requested name in a mark; returns what was placed. */
  highlight(requests: readonly MarkRequest[]): PlacedMark[] {
    const first = requests[0];
    if (first === undefined) return [];
    const context = smallestCommonParent(requests.flatMap((r) => [r.startNode, r.endNode]));
    if (context === null) return [];
    const offsets = markJsTextOffsets(context);
    const ranges: RangeToMark[] = [];
    for (const request of requests) {
      const startBase = offsets.get(request.startNode);
      const endBase = offsets.get(request.endNode);
      if (startBase === undefined || endBase === undefined) continue;
      const start = startBase + request.startOffset;
      ranges.push({
        start,
        length: endBase + request.endOffset - start,
        placed: { entityId: request.entityId, elements: [] },
        name: request.name,
      });
    }
    const created: HTMLElement[] = [];
    withStaticNodeIterators(() =>
      new Mark(context).markRanges(ranges, {
        element: MARK_TAG,
        className: MARK_CLASS,
        exclude: [],
        iframes: false,
        each: (element, range) => {
          this.marks.add(element, { entityId: range.placed.entityId, name: range.name });
          // Test builds label marks for tests to read; a release build tells the page nothing.
          if (import.meta.env.MODE !== 'production') {
            element.setAttribute(MARK_ENTITY_ATTRIBUTE, range.placed.entityId);
          }
          // A name spanning elements is focused at its first part; the page's Tab stop for the
          // entity is chosen among these below.
          if (range.placed.elements.length === 0) element.tabIndex = -1;
          range.placed.elements.push(element);
          created.push(element);
        },
      }),
    );
    this.adoptCreatedNodes(created, offsets);
    const placed = ranges.map((range) => range.placed).filter((p) => p.elements.length > 0);
    for (const mark of placed) {
      let marks = this.placedByEntity.get(mark.entityId);
      if (marks === undefined) {
        marks = new Set();
        this.placedByEntity.set(mark.entityId, marks);
      }
      marks.add(mark);
    }
    for (const mark of placed) this.offerTabStop(mark.entityId, mark.elements[0] as HTMLElement);
    return placed;
  }

  /** Whether Briefings made this node (a mark, its text, or text split off by marking). */
  isOwnNode(node: Node): boolean {
    return this.ownNodes.has(node);
  }

  /**
   * The page changed the data of one of its text nodes. If marks were cut from it, the page
   * rewrote the whole text (as frameworks do): what of ours follows it is stale, and goes.
   */
  pageChangedText(node: Text): void {
    const chain = this.chains.get(node);
    if (chain === undefined || node.data === chain.anchorData) return;
    this.dropChain(node, chain);
  }

  /** The page removed one of its text nodes: what of ours followed it goes with it. */
  pageRemovedText(node: Text): void {
    const chain = this.chains.get(node);
    if (chain === undefined) return;
    this.dropChain(node, chain);
  }

  /** Our nodes after a page's text node go; a Tab stop among them passes to the next mark. */
  private dropChain(anchor: Text, chain: Chain): void {
    for (const follower of chain.followers) follower.remove();
    this.chains.delete(anchor);
    this.keepTabStops([...this.tabStops.keys()]);
  }

  /** A new mark takes its entity's Tab stop if it comes first (a live page adds text above too). */
  private offerTabStop(entityId: string, mark: HTMLElement): void {
    const current = this.tabStops.get(entityId);
    if (current?.isConnected && !precedes(mark, current)) return;
    if (current?.isConnected) current.tabIndex = -1;
    mark.tabIndex = 0;
    this.tabStops.set(entityId, mark);
  }

  /** Entities whose Tab stop the page removed get one on their first mark still there. */
  private keepTabStops(entityIds: Iterable<string>): void {
    for (const entityId of entityIds) {
      if (this.tabStops.get(entityId)?.isConnected) continue;
      this.tabStops.delete(entityId);
      for (const mark of this.placedByEntity.get(entityId) ?? []) {
        const element = mark.elements[0];
        if (element?.isConnected) this.offerTabStop(entityId, element);
      }
    }
  }

  /**
   * Lets go of what the page has taken out of the document (an element holding marks, removed
   * whole), so a page that keeps replacing its content does not keep the old content alive.
   */
  forgetDetached(): void {
    for (const anchor of this.chains.keys()) if (!anchor.isConnected) this.chains.delete(anchor);
    for (const marks of this.placedByEntity.values()) {
      for (const mark of marks) if (!mark.elements[0]?.isConnected) marks.delete(mark);
    }
    this.keepTabStops(this.placedByEntity.keys());
  }

  /** Marks on the page now, by entity id. */
  countByEntity(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [entityId, marks] of this.placedByEntity) {
      for (const mark of marks) if (!mark.elements[0]?.isConnected) marks.delete(mark);
      if (marks.size > 0) counts[entityId] = marks.size;
    }
    return counts;
  }

  /** Whether a mark of this entity is on the page now. */
  hasMarkOf(entityId: string): boolean {
    const marks = this.placedByEntity.get(entityId);
    if (marks === undefined) return false;
    for (const mark of marks) {
      if (mark.elements[0]?.isConnected) return true;
      marks.delete(mark);
    }
    return false;
  }

  /**
   * Takes every mark out and gives the page's text nodes their text back, as they were. `roots`
   * are searched for copies of our marks a page script may have made (by re-parsing HTML).
   */
  removeAll(roots: readonly ParentNode[]): void {
    for (const [anchor, chain] of this.chains) restoreChain(anchor, chain);
    this.chains.clear();
    for (const marks of this.placedByEntity.values()) {
      for (const mark of marks) for (const element of mark.elements) unwrapInPlace(element);
    }
    this.placedByEntity.clear();
    this.tabStops.clear();
    for (const root of roots) {
      for (const copy of root.querySelectorAll(MARK_SELECTOR)) unwrapInPlace(copy);
    }
  }

  /**
   * Records the nodes marking created (marks, their text, text split off after them) and, for
   * each page text node that marks were cut from, what now follows it.
   */
  private adoptCreatedNodes(created: readonly HTMLElement[], existingText: Map<Text, number>) {
    const isNew = (node: Node | null): node is Text =>
      node !== null && node.nodeType === Node.TEXT_NODE && !existingText.has(node as Text);
    for (const element of created) {
      this.ownNodes.add(element);
      if (element.firstChild !== null) this.ownNodes.add(element.firstChild);
      if (isNew(element.nextSibling)) this.ownNodes.add(element.nextSibling);
      if (isNew(element.previousSibling)) this.ownNodes.add(element.previousSibling);
    }
    const anchors = new Set<Text>();
    for (const element of created) {
      let node: Node | null = element.previousSibling;
      while (node !== null && this.ownNodes.has(node)) node = node.previousSibling;
      if (node !== null && node.nodeType === Node.TEXT_NODE) anchors.add(node as Text);
    }
    for (const anchor of anchors) {
      const followers: ChildNode[] = [];
      for (
        let node = anchor.nextSibling;
        node !== null && this.ownNodes.has(node);
        node = node.nextSibling
      ) {
        followers.push(node);
      }
      this.chains.set(anchor, { anchorData: anchor.data, followers });
    }
  }
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** Gives the page's text node back its text: its own, then that of our nodes after it. */
function restoreChain(anchor: Text, chain: Chain): void {
  const stale = !anchor.isConnected || anchor.data !== chain.anchorData;
  if (stale) {
    for (const follower of chain.followers) follower.remove();
    return;
  }
  let text = '';
  let expected: ChildNode | null = anchor.nextSibling;
  for (const follower of chain.followers) {
    if (follower !== expected) break;
    text += follower.textContent ?? '';
    expected = follower.nextSibling;
    follower.remove();
  }
  anchor.data += text;
}

/** Replaces an element by its text (a mark the page moved, or a copy of one). */
function unwrapInPlace(element: Element): void {
  if (element.parentNode === null || !isMarkElement(element)) return;
  element.replaceWith(element.ownerDocument.createTextNode(element.textContent ?? ''));
}

/** The nearest node containing all of `nodes`. */
function smallestCommonParent(nodes: readonly Node[]): ParentNode | null {
  const [first] = nodes;
  let parent: ParentNode | null = first?.parentNode ?? null;
  while (parent !== null && !nodes.every((node) => parent?.contains(node))) {
    parent = parent.parentNode;
  }
  return parent;
}

/**
 * Runs `markWithMarkJs` with `document.createNodeIterator` answering static iterators.
 *
 * Why: mark.js reads a context's text nodes through a NodeIterator, one per call, and never
 * lets go of it. A document keeps every live NodeIterator until garbage collection, and every
 * node removal anywhere in the page (the page's own included) walks them all. Measured on a
 * 1 MB page in Chromium: 2,000 text replacements take 6 ms, and 340 ms once 5,000 iterators
 * are alive, so marking block by block went quadratic. mark.js collects all nodes before it
 * changes any, so a snapshot taken through a TreeWalker (which the DOM does not track) behaves
 * the same. The override is an own property of the content script's `document` (isolated
 * from the page's scripts) and is removed right after.
 */
function withStaticNodeIterators(markWithMarkJs: () => void): void {
  const ownDocument = document;
  ownDocument.createNodeIterator = (root, whatToShow, filter) =>
    staticNodeIterator(ownDocument, root, whatToShow, filter ?? null);
  try {
    markWithMarkJs();
  } finally {
    // Deleting the own property brings back Document.prototype.createNodeIterator.
    delete (ownDocument as Partial<Pick<Document, 'createNodeIterator'>>).createNodeIterator;
  }
}

/** A NodeIterator over a snapshot of the nodes `filter` accepts (REJECT skips one node, as in NodeIterator). */
function staticNodeIterator(
  ownerDocument: Document,
  root: Node,
  whatToShow: number = NodeFilter.SHOW_ALL,
  filter: NodeFilter | null,
): NodeIterator {
  const accepts = (node: Node) => {
    if (filter === null) return true;
    const verdict = typeof filter === 'function' ? filter(node) : filter.acceptNode(node);
    return verdict === NodeFilter.FILTER_ACCEPT;
  };
  const nodes: Node[] = [];
  if (accepts(root) && matchesWhatToShow(root, whatToShow)) nodes.push(root);
  const walker = ownerDocument.createTreeWalker(root, whatToShow);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (accepts(node)) nodes.push(node);
  }
  // The pointer sits between nodes[position - 1] and nodes[position].
  let position = 0;
  return {
    root,
    whatToShow,
    filter,
    get referenceNode() {
      return nodes[Math.max(0, position - 1)] ?? root;
    },
    get pointerBeforeReferenceNode() {
      return position === 0;
    },
    nextNode: () => (position < nodes.length ? (nodes[position++] ?? null) : null),
    previousNode: () => (position > 0 ? (nodes[--position] ?? null) : null),
    detach: () => {},
  };
}

function matchesWhatToShow(node: Node, whatToShow: number): boolean {
  return (whatToShow & (1 << (node.nodeType - 1))) !== 0;
}

/** Where each text node starts in the text mark.js sees in `context` (its `getTextNodes`). */
function markJsTextOffsets(context: Node): Map<Text, number> {
  const offsets = new Map<Text, number>();
  const walker = (context.ownerDocument ?? document).createTreeWalker(
    context,
    NodeFilter.SHOW_TEXT,
  );
  let offset = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentNode;
    if (parent !== null && isElement(parent) && MARK_JS_IGNORED_PARENTS.has(parent.localName))
      continue;
    offsets.set(node as Text, offset);
    offset += (node as Text).data.length;
  }
  return offsets;
}
