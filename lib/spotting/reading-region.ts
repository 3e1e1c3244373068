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
   * The work of finding the region before `nodes` are read, as steps for idle slices (scoring a
   * page costs a walk over its text), or null when the region known still holds: it is found
   * afresh for the whole page, when the page replaced it, or when markers came later.
   */
  finderFor(nodes: readonly Node[]): ((hasTimeLeft: () => boolean) => boolean) | null {
    if (this.wholePage || !this.isStale(nodes)) return null;
    let scorer: ProseScorer | null = null;
    return (hasTimeLeft) => {
      if (scorer === null) {
        this.marker = this.document.querySelector(MARKERS);
        if (this.marker !== null || this.document.body === null) {
          this.scored = null;
          this.found = true;
          return true;
        }
        scorer = new ProseScorer(this.document.body);
      }
      if (!scorer.score(hasTimeLeft)) return false;
      this.scored = scorer.best();
      this.found = true;
      return true;
    };
  }

  /**
   * What of `node` to read: the node itself if it is in the region, the parts of the region inside
   * it (in document order), or nothing.
   */
  partsOf(node: Node): Node[] {
    if (this.wholePage || (this.marker === null && this.scored === null)) return [node];
    if (this.holds(node)) return [node];
    return this.partsInside(node);
  }

  private isStale(nodes: readonly Node[]): boolean {
    if (!this.found) return true;
    if (this.marker !== null) return !this.marker.isConnected;
    if (this.scored !== null && !this.scored.isConnected) return true;
    return nodes.some(
      (node) =>
        node === this.document.body ||
        (isElement(node) && (node.matches(MARKERS) || node.querySelector(MARKERS) !== null)),
    );
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

/** How many text nodes are read between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 256;

/**
 * Finds the block holding most of the page's prose, link text counted against it, reading the
 * text in steps. Its best is null when no block holds enough, or when it is the body itself (the
 * page is its article).
 */
export class ProseScorer {
  private readonly walker: TreeWalker;
  /** Each paragraph (a block holding text of its own): its length, link text and commas. */
  private readonly paragraphs = new Map<Element, ParagraphStats>();
  private readonly skipped = new Set<Element>();

  constructor(private readonly body: HTMLElement) {
    this.walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  }

  /** Reads text until done or `hasTimeLeft()` says stop; returns whether it is done. */
  score(hasTimeLeft: () => boolean): boolean {
    let read = 0;
    for (let node = this.walker.nextNode(); node !== null; node = this.walker.nextNode()) {
      this.add(node as Text);
      if (++read % NODES_PER_CLOCK_CHECK === 0 && !hasTimeLeft()) return false;
    }
    return true;
  }

  private add(text: Text): void {
    const { data } = text;
    if (!/\S/.test(data)) return;
    let inLink = false;
    let paragraph = text.parentElement;
    while (paragraph !== null && isInlineElement(paragraph)) {
      if (paragraph.localName === 'a') inLink = true;
      paragraph = paragraph.parentElement;
    }
    if (paragraph === null || this.skipped.has(paragraph)) return;
    let stats = this.paragraphs.get(paragraph);
    if (stats === undefined) {
      if (isSkippedElement(paragraph)) {
        this.skipped.add(paragraph);
        return;
      }
      stats = { text: 0, links: 0, commas: 0 };
      this.paragraphs.set(paragraph, stats);
    }
    stats.text += data.length;
    if (inLink) stats.links += data.length;
    for (let comma = data.indexOf(','); comma !== -1; comma = data.indexOf(',', comma + 1)) {
      stats.commas++;
    }
  }

  best(): Element | null {
    const blocks = new Map<Element, BlockStats>();
    for (const [paragraph, stats] of this.paragraphs) {
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
    return best === this.body || best === this.body.parentElement ? null : best;
  }
}
