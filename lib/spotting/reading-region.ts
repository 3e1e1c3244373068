/**
 * Where the reading is: the part of a page whose names are marked, unless the reader asks for
 * the whole page. Sidebars, trending bars, menus and footers are around the reading, not in it.
 *
 * The region is what the page says it is: `article`, `main`, `[role=main]` or
 * `[itemprop=articleBody]`, with the page's headline (`h1`, `[itemprop=headline]`), which sites
 * often put above their article element. A page that says nothing is scored in the spirit of
 * Readability: a paragraph scores for the blocks around it (most for the nearest), commas and
 * length add to its score, link text counts against a block, and the best block holding enough
 * text is the region. A page with no such block, a short page say, is read whole.
 *
 * The page keeps changing: content added later is read when it is inside the region, and the
 * region is looked for again when the page replaces it or adds its markers later.
 */
import { isElement, isInlineElement, isShadowRoot, isSkippedElement } from './text-walker';

const MARKERS = 'article, main, [role~="main"], [itemprop~="articleBody"]';
const HEADLINES = 'h1, [itemprop~="headline"]';
const MARKERS_AND_HEADLINES = `${MARKERS}, ${HEADLINES}`;

/** Shorter text is not a paragraph (Readability's threshold). */
const MIN_PARAGRAPH_LENGTH = 25;
/** A block holding less text is no article (Readability's charThreshold). */
const MIN_REGION_LENGTH = 500;
/** How a paragraph's score is shared by the blocks around it, nearest first (Readability's). */
const SCORE_DIVIDERS = [1, 2, 6, 9, 12];

export class ReadingRegion {
  /** One of the page's markers of its region, or null when it has none. */
  private marker: Element | null = null;
  /** Without markers: the block that scored best, or null to read the whole page. */
  private scored: Element | null = null;
  private found = false;

  constructor(
    private readonly document: Document,
    private readonly wholePage: boolean,
  ) {}

  /**
   * What of `node` to read: the node itself if it is in the region, the parts of the region inside
   * it (in document order), or nothing. The page's body asks for the region to be found afresh.
   */
  partsOf(node: Node): Node[] {
    if (this.wholePage) return [node];
    this.keepUp(node);
    if (this.marker === null && this.scored === null) return [node];
    if (this.holds(node)) return [node];
    return this.partsInside(node);
  }

  private find(): void {
    this.marker = this.document.querySelector(MARKERS);
    this.scored = this.marker === null ? bestProseBlock(this.document.body) : null;
    this.found = true;
  }

  private keepUp(node: Node): void {
    if (!this.found || node === this.document.body) this.find();
    else if (this.marker !== null) {
      // A single-page navigation replaced the article.
      if (!this.marker.isConnected) this.find();
    } else if (isElement(node) && (node.matches(MARKERS) || node.querySelector(MARKERS) !== null)) {
      this.find();
    } else if (this.scored !== null && !this.scored.isConnected) {
      this.find();
    }
  }

  private get selector(): string {
    return this.marker !== null ? MARKERS_AND_HEADLINES : HEADLINES;
  }

  private holds(node: Node): boolean {
    for (let element = elementOf(node); element !== null; element = hostOf(element)) {
      if (element.closest(this.selector) !== null) return true;
      if (this.scored?.contains(element)) return true;
    }
    return false;
  }

  private partsInside(node: Node): Node[] {
    if (!isElement(node) && !isShadowRoot(node)) return [];
    const parts = [...node.querySelectorAll(this.selector)];
    if (this.scored !== null && node.contains(this.scored)) parts.push(this.scored);
    return parts
      .filter((part) => !parts.some((other) => other !== part && other.contains(part)))
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }
}

function elementOf(node: Node): Element | null {
  if (isElement(node)) return node;
  if (isShadowRoot(node)) return node.host;
  return node.parentElement;
}

function hostOf(element: Element): Element | null {
  const root = element.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}

interface ParagraphStats {
  text: number;
  links: number;
  commas: number;
}

interface BlockStats {
  text: number;
  links: number;
  score: number;
}

/**
 * The block holding most of the page's prose, link text counted against it; null when no block
 * holds enough, or when the best is the body itself (the page is its article).
 */
export function bestProseBlock(body: HTMLElement | null): Element | null {
  if (body === null) return null;
  const blocks = new Map<Element, BlockStats>();
  for (const [paragraph, stats] of paragraphsIn(body)) {
    const score =
      stats.text >= MIN_PARAGRAPH_LENGTH
        ? 1 + stats.commas + Math.min(Math.floor(stats.text / 100), 3)
        : 0;
    let block = paragraph.parentElement;
    for (const divider of SCORE_DIVIDERS) {
      if (block === null) break;
      let totals = blocks.get(block);
      if (totals === undefined) {
        totals = { text: 0, links: 0, score: 0 };
        blocks.set(block, totals);
      }
      totals.text += stats.text;
      totals.links += stats.links;
      totals.score += score / divider;
      block = block.parentElement;
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [block, { text, links, score }] of blocks) {
    if (text < MIN_REGION_LENGTH) continue;
    const weighed = score * (1 - links / text);
    if (weighed > bestScore) {
      best = block;
      bestScore = weighed;
    }
  }
  return best === body || best === body.parentElement ? null : best;
}

/**
 * The text of each paragraph, a block holding text of its own (p, li, a div of text and links…):
 * its length, how much of it is link text, and its commas.
 */
function paragraphsIn(body: HTMLElement): Map<Element, ParagraphStats> {
  const paragraphs = new Map<Element, ParagraphStats>();
  const skipped = new Set<Element>();
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    let inLink = false;
    let paragraph = node.parentElement;
    while (paragraph !== null && isInlineElement(paragraph)) {
      if (paragraph.localName === 'a') inLink = true;
      paragraph = paragraph.parentElement;
    }
    if (paragraph === null || skipped.has(paragraph)) continue;
    let stats = paragraphs.get(paragraph);
    if (stats === undefined) {
      if (isSkippedElement(paragraph)) {
        skipped.add(paragraph);
        continue;
      }
      stats = { text: 0, links: 0, commas: 0 };
      paragraphs.set(paragraph, stats);
    }
    const data = (node as Text).data.trim();
    stats.text += data.length;
    if (inLink) stats.links += data.length;
    for (let comma = data.indexOf(','); comma !== -1; comma = data.indexOf(',', comma + 1)) {
      stats.commas++;
    }
  }
  return paragraphs;
}
