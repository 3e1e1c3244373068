/**
 * Spots and marks names on a live page, and keeps up as the page changes.
 *
 * Work comes in batches, each in idle slices: (1) walk the queued subtrees and match their text
 * (reads only), (2) decide which matches become marks (the page-wide rules of mention-rules.ts),
 * (3) mark them block by block. The first batch walks the whole page, and stops once to mark
 * what it read down to the end of the viewport before going on. Later batches walk only what a
 * MutationObserver (one per root: the document and each open shadow root) reported as added or
 * changed, de-duplicated so a node inside a queued node is not walked twice, and past
 * RESCAN_THRESHOLD records one rescan of the root instead (Dark Reader's habits). The observers
 * are off while we mark, so our own changes never come back to us as the page's. Of what is
 * queued, only the parts in the page's reading region are walked (reading-region.ts), and the
 * page's own outlet is never marked (own-outlet.ts). */

import type { HighlightStyle } from '@/lib/settings';
import type { SpotTerm } from '@/lib/spotting/dictionary';
import type { Highlighter, MarkRequest } from '@/lib/spotting/highlighter';
import { isMarkElement } from '@/lib/spotting/mark-names';
import { injectMarkStyle } from '@/lib/spotting/mark-style';
import type { Matcher, TermMatch } from '@/lib/spotting/matcher';
import { MentionCounts } from '@/lib/spotting/mention-counts';
import { MentionRules } from '@/lib/spotting/mention-rules';
import { ownOutletIds } from '@/lib/spotting/own-outlet';
import { ReadingRegion } from '@/lib/spotting/reading-region';
import {
  blockContainerOf,
  isElement,
  isInlineElement,
  isInSkippedArea,
  isShadowRoot,
  type TextSegment,
  TextWalker,
} from '@/lib/spotting/text-walker';
import { type PageLifetime, runInIdleSlices } from './scheduler';

export interface SpotterHooks {
  /** Just before the first mark of this spotter goes into the page. */
  beforeFirstMark?(): void;
  /** The first batch has marked what was in the viewport. */
  onViewportMarked?(): void;
  /** Every queued piece of work is done. */
  onIdle?(summary: IdleSummary): void;
}

export interface SpotterOptions {
  matcher: Matcher;
  /** The reader's choices: names found but not to be marked (hidden names, kinds switched off). */
  markable?: (term: SpotTerm) => boolean;
  markEveryPlaceMention: boolean;
  /** Names are marked all over the page, not only in its article region (reading-region.ts). */
  markWholePage?: boolean;
  highlightStyle?: HighlightStyle;
  lifetime: PageLifetime;
  /** Asked for when the first name is to be marked: a page with none never loads its code. */
  loadHighlighter: () => Promise<Highlighter>;
  hooks?: SpotterHooks;
}

export interface IdleSummary {
  /** Marks on the page. */
  marks: number;
  /** Text segments read since the last report: what the work was proportional to. */
  segmentsRead: number;
}

type Root = Document | ShadowRoot;
type Container = Element | ShadowRoot;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Past this many mutation records before a batch runs, one rescan of the root is cheaper. */
const RESCAN_THRESHOLD = 1000;
/**
 * A node the page keeps changing is read at most this often per window; past that it waits for
 * the window's end, so that a page fighting our marks cannot keep us busy.
 */
const REWALKS_PER_WINDOW = 10;
const REWALK_WINDOW_MS = 1000;

interface FoundSegment {
  segment: TextSegment;
  matches: TermMatch[];
}

interface BatchWalk {
  /** Which reading of the page this is: blocks read in it are counted afresh. */
  reading: number;
  /** Roots still to walk, the walker of the current one, what was found so far. */
  pending: Node[];
  walker: TextWalker | null;
  found: FoundSegment[];
  /** Names were found below the viewport: what is in it has been read. */
  belowViewport: boolean;
  done: boolean;
}

interface MarkJob {
  container: Container;
  segments: Set<TextSegment>;
  requests: MarkRequest[];
}

export class PageSpotter {
  /** Null until the first name is to be marked: until then there is no mark of ours. */
  private highlighter: Highlighter | null = null;
  private highlighterLoading: Promise<Highlighter> | null = null;
  private readonly rules: MentionRules;
  private readonly mentions = new MentionCounts();
  private readings = 0;
  private readonly abort = new AbortController();
  private readonly observers = new Map<Root, MutationObserver>();
  private readonly styleRemovers = new Map<Root, () => void>();
  /** Subtrees to walk in the next batch. */
  private readonly queued = new Set<Node>();
  private readonly recordsSinceBatch = new Map<Root, number>();
  /** Blocks holding context-required mentions, by entity, read again once it is named. */
  private readonly awaitingContext = new Map<string, Set<Container>>();
  private forgetScheduled = false;
  private readonly rewalks = new WeakMap<Node, { count: number; since: number }>();
  /** Nodes read too often lately, waiting for their window to end. */
  private readonly cooling = new Set<Node>();
  private segmentsRead = 0;
  private batchesRunning = false;
  private markedOnce = false;
  private viewportReported = false;
  private matcher: Matcher;
  private readonly region: ReadingRegion;
  /** The page's own outlet, never marked on it (own-outlet.ts). */
  private ownOutlet: ReadonlySet<string>;

  constructor(
    private readonly document: Document,
    private readonly options: SpotterOptions,
  ) {
    this.matcher = options.matcher;
    this.ownOutlet = ownOutletIds(document, this.matcher);
    this.region = new ReadingRegion(document, options.markWholePage ?? false);
    this.rules = new MentionRules(options.markEveryPlaceMention);
    options.lifetime.signal.addEventListener('abort', () => this.stop(), {
      once: true,
      signal: this.abort.signal,
    });
  }

  /** Starts with the whole page; from then on follows its changes until `stop()`. */
  start(): void {
    if (this.abort.signal.aborted) return;
    this.watchRoot(this.document);
    this.queued.add(walkRootOf(this.document));
    void this.runBatches();
  }

  /** Whether it stopped (asked to, or after a failure it will not recover from). */
  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /**
   * The names to look for grew (an article was added): the page is read again with them. Marks
   * stay where they are; only text not marked yet can gain one, so nothing on the page flickers.
   */
  lookForMoreNames(matcher: Matcher): void {
    if (this.signal.aborted) return;
    this.matcher = matcher;
    this.ownOutlet = ownOutletIds(this.document, matcher);
    for (const root of this.observers.keys()) this.queued.add(walkRootOf(root));
    void this.runBatches();
  }

  /** Stops all work and takes every mark out, leaving the page's DOM as it was. */
  stop(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    for (const observer of this.observers.values()) observer.disconnect();
    this.highlighter?.removeAll([...this.observers.keys()]);
    for (const remove of this.styleRemovers.values()) remove();
    this.styleRemovers.clear();
    this.queued.clear();
  }

  /** Never into the page: stop, leave the page as it was, and say why in the console. */
  private fail(error: unknown): void {
    console.warn('[Briefings] spotting stopped on this page:', error);
    this.stop();
  }

  /** Marks on the page now, by entity id. */
  markCounts(): Record<string, number> {
    return this.highlighter?.countByEntity() ?? {};
  }

  /** Mentions on the page now, marked or not, by entity id (see mention-counts.ts). */
  mentionCounts(): Record<string, number> {
    return this.mentions.byEntity((entityId) => this.rules.isNamedOutright(entityId));
  }

  private get signal(): AbortSignal {
    return this.abort.signal;
  }

  private watchRoot(root: Root): boolean {
    if (this.observers.has(root)) return false;
    const observer = new MutationObserver((records) => {
      try {
        this.onMutations(root, records, observer);
      } catch (error) {
        this.fail(error);
      }
    });
    observer.observe(root, OBSERVED);
    this.observers.set(root, observer);
    return true;
  }

  private onMutations(root: Root, records: MutationRecord[], observer: MutationObserver): void {
    if (this.signal.aborted) return;
    const seen = (this.recordsSinceBatch.get(root) ?? 0) + records.length;
    this.recordsSinceBatch.set(root, seen);
    const rescanRoot = seen > RESCAN_THRESHOLD;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.nodeType !== Node.TEXT_NODE) continue;
        const text = record.target as Text;
        if (this.highlighter?.isOwnNode(text)) continue;
        this.highlighter?.pageChangedText(text);
        if (!rescanRoot) this.queueBlockOf(text);
        continue;
      }
      for (const removed of record.removedNodes) {
        if (removed.nodeType === Node.TEXT_NODE) this.highlighter?.pageRemovedText(removed as Text);
        else this.forgetDetachedSoon();
        // Text taken out of a block that stays: the block is read again, so its count is right.
        if (!rescanRoot && joinsBlockText(removed)) this.queueTextOf(record.target);
      }
      if (rescanRoot) continue;
      for (const added of record.addedNodes) this.queueAdded(added);
    }
    if (rescanRoot) this.queued.add(walkRootOf(root));
    // What we just did (taking out marks the page made stale) is not the page's doing.
    observer.takeRecords();
    void this.runBatches();
  }

  /** Once per idle period at most, however many elements the page removes meanwhile. */
  private forgetDetachedSoon(): void {
    if (this.forgetScheduled) return;
    this.forgetScheduled = true;
    this.options.lifetime.requestIdleCallback(() => {
      this.forgetScheduled = false;
      if (this.signal.aborted) return;
      this.highlighter?.forgetDetached();
      this.mentions.forgetDetached();
      for (const blocks of this.awaitingContext.values()) {
        for (const block of blocks) if (!block.isConnected) blocks.delete(block);
      }
    });
  }

  private queueAdded(node: Node): void {
    if (this.highlighter?.isOwnNode(node)) return;
    if (node.nodeType === Node.TEXT_NODE) {
      this.queueBlockOf(node);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (isMarkElement(element)) return;
      // An inline element joins the text around it: its whole block is read again.
      if (isInlineElement(element)) this.queueBlockOf(element);
      else this.queued.add(element);
    }
  }

  /** The block whose own text `node` (an element, text or shadow root) holds. */
  private queueTextOf(node: Node): void {
    if (isElement(node) && !isInlineElement(node)) this.queued.add(node);
    else if (isShadowRoot(node)) this.queued.add(node);
    else this.queueBlockOf(node);
  }

  private queueBlockOf(node: Node): void {
    const block = blockContainerOf(node);
    if (block !== null) this.queued.add(block);
  }

  private async runBatches(): Promise<void> {
    if (this.batchesRunning) return;
    this.batchesRunning = true;
    try {
      while (this.queued.size > 0 && !this.signal.aborted) {
        const queued = this.takeQueuedRoots();
        const findRegion = this.region.finderFor(queued);
        if (findRegion !== null) {
          if (!(await runInIdleSlices(this.options.lifetime, this.signal, findRegion))) return;
        }
        const walk = this.walkOf(this.partsInRegion(queued));
        if (!this.viewportReported) {
          // First the page down to the end of the viewport, marked at once; then the rest.
          if (!(await this.walkInSlices(walk, { untilBelowViewport: true }))) return;
          if (!(await this.markInSlices(this.decide(walk.found.splice(0))))) return;
          this.reportViewportMarked();
        }
        if (!(await this.walkInSlices(walk, { untilBelowViewport: false }))) return;
        if (!(await this.markInSlices(this.decide(walk.found)))) return;
      }
      if (!this.signal.aborted) {
        const marks = Object.values(this.markCounts()).reduce((sum, count) => sum + count, 0);
        this.options.hooks?.onIdle?.({ marks, segmentsRead: this.segmentsRead });
        this.segmentsRead = 0;
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.batchesRunning = false;
    }
  }

  /** The queued subtrees worth walking: attached, not inside another, not in skipped areas. */
  private takeQueuedRoots(): Node[] {
    const queued = new Set(this.queued);
    this.queued.clear();
    this.recordsSinceBatch.clear();
    const now = performance.now();
    return [...queued].filter((node) => {
      if (!node.isConnected || hasAncestorIn(node, queued) || isInSkippedArea(node)) return false;
      const rewalk = this.rewalks.get(node);
      if (rewalk === undefined || now - rewalk.since > REWALK_WINDOW_MS) {
        this.rewalks.set(node, { count: 1, since: now });
        return true;
      }
      if (++rewalk.count <= REWALKS_PER_WINDOW) return true;
      this.coolDown(node, rewalk.since + REWALK_WINDOW_MS - now);
      return false;
    });
  }

  /** Of these subtrees, the parts in the page's reading region (reading-region.ts). */
  private partsInRegion(roots: readonly Node[]): Node[] {
    return roots
      .filter((node) => node.isConnected)
      .flatMap((node) =>
        this.region.partsOf(node).filter((part) => part === node || !isInSkippedArea(part)),
      );
  }

  private coolDown(node: Node, waitMs: number): void {
    if (this.cooling.has(node)) return;
    this.cooling.add(node);
    this.options.lifetime.setTimeout(() => {
      this.cooling.delete(node);
      if (this.signal.aborted) return;
      this.queued.add(node);
      void this.runBatches();
    }, waitMs + 1);
  }

  /** A walk over `roots` and the shadow roots found in them, to run in slices. */
  private walkOf(roots: Node[]): BatchWalk {
    return {
      reading: ++this.readings,
      pending: [...roots],
      walker: null,
      found: [],
      belowViewport: false,
      done: false,
    };
  }

  /**
   * Walks and matches until the walk is done or, with `untilBelowViewport`, until it has found
   * names below the viewport. Resolves false if stopped meanwhile.
   */
  private walkInSlices(
    walk: BatchWalk,
    options: { untilBelowViewport: boolean },
  ): Promise<boolean> {
    const stopHere = () => walk.done || (options.untilBelowViewport && walk.belowViewport);
    return runInIdleSlices(this.options.lifetime, this.signal, (hasTimeLeft) => {
      const goOn = () => !stopHere() && hasTimeLeft();
      while (!stopHere()) {
        if (walk.walker === null) {
          const root = walk.pending.shift();
          if (root === undefined) {
            walk.done = true;
            break;
          }
          this.mentions.forget(root);
          walk.walker = new TextWalker(root, {
            onSegment: (segment) => this.match(segment, walk, options.untilBelowViewport),
            onShadowRoot: (shadowRoot) => {
              if (this.watchRoot(shadowRoot)) walk.pending.push(shadowRoot);
            },
          });
        }
        if (walk.walker.walk(goOn)) walk.walker = null;
        if (!hasTimeLeft()) break;
      }
      return stopHere();
    });
  }

  private match(segment: TextSegment, walk: BatchWalk, watchViewport: boolean): void {
    this.segmentsRead++;
    const all = this.matcher
      .findAll(segment.text)
      .filter(
        (match) =>
          !this.ownOutlet.has(match.term.entityId) && (this.options.markable?.(match.term) ?? true),
      );
    this.mentions.add(segment.container, all, walk.reading);
    const matches = all.filter(
      (match) => !segment.marked.some(([start, end]) => match.start < end && start < match.end),
    );
    if (matches.length === 0) return;
    walk.found.push({ segment, matches });
    if (watchViewport && isBelowViewport(segment.container)) walk.belowViewport = true;
    for (const entityId of this.rules.noteNamed(matches)) {
      for (const block of this.awaitingContext.get(entityId) ?? []) this.queued.add(block);
      this.awaitingContext.delete(entityId);
    }
  }

  /** Which matches become marks, grouped by block, in document order. */
  private decide(found: readonly FoundSegment[]): MarkJob[] {
    const placesPlanned = new Set<string>();
    const placeAlreadyMarked = (id: string) =>
      placesPlanned.has(id) || this.highlighter?.hasMarkOf(id) === true;
    const jobs = new Map<Container, MarkJob>();
    for (const { segment, matches } of found) {
      for (const match of matches) {
        const decision = this.rules.decide(match, placeAlreadyMarked);
        const { entityId, kind } = match.term;
        if (decision === 'needs-context') {
          let blocks = this.awaitingContext.get(entityId);
          if (blocks === undefined) {
            blocks = new Set();
            this.awaitingContext.set(entityId, blocks);
          }
          blocks.add(segment.container);
        }
        if (decision !== 'mark') continue;
        if (kind === 'place') placesPlanned.add(entityId);
        let job = jobs.get(segment.container);
        if (job === undefined) {
          job = { container: segment.container, segments: new Set(), requests: [] };
          jobs.set(segment.container, job);
        }
        job.segments.add(segment);
        job.requests.push(markRequestOf(segment, match));
      }
    }
    return [...jobs.values()];
  }

  private async markInSlices(jobs: readonly MarkJob[]): Promise<boolean> {
    if (jobs.length === 0) return true;
    const highlighter = await this.loadedHighlighter();
    if (this.signal.aborted) return false;
    let next = 0;
    return runInIdleSlices(this.options.lifetime, this.signal, (hasTimeLeft) => {
      // Our own changes need no records: building them would double the cost of marking.
      this.withoutObservers(() => {
        while (next < jobs.length) {
          this.markJob(jobs[next++] as MarkJob, highlighter);
          if (!hasTimeLeft()) break;
        }
      });
      return next >= jobs.length;
    });
  }

  /** The highlighter, loaded once; a failed load is tried again by the next batch. */
  private async loadedHighlighter(): Promise<Highlighter> {
    this.highlighterLoading ??= this.options.loadHighlighter();
    try {
      this.highlighter = await this.highlighterLoading;
      return this.highlighter;
    } catch (error) {
      this.highlighterLoading = null;
      throw error;
    }
  }

  private withoutObservers(change: () => void): void {
    const pageRecords: [Root, MutationRecord[], MutationObserver][] = [];
    for (const [root, observer] of this.observers) {
      const records = observer.takeRecords();
      if (records.length > 0) pageRecords.push([root, records, observer]);
      observer.disconnect();
    }
    try {
      change();
    } finally {
      for (const [root, observer] of this.observers) observer.observe(root, OBSERVED);
      for (const [root, records, observer] of pageRecords)
        this.onMutations(root, records, observer);
    }
  }

  private markJob(job: MarkJob, highlighter: Highlighter): void {
    const { container } = job;
    if (!container.isConnected) return;
    // The page changed this text since it was read: read the block again in the next batch.
    if (![...job.segments].every(isUnchanged)) {
      this.queued.add(container);
      return;
    }
    if (!this.markedOnce) {
      this.markedOnce = true;
      this.options.hooks?.beforeFirstMark?.();
    }
    const root = container.getRootNode() as Root;
    if (!this.styleRemovers.has(root))
      this.styleRemovers.set(root, injectMarkStyle(root, this.options.highlightStyle));
    highlighter.highlight(job.requests);
  }

  private reportViewportMarked(): void {
    if (this.viewportReported) return;
    this.viewportReported = true;
    this.options.hooks?.onViewportMarked?.();
  }
}

function walkRootOf(root: Root): Node {
  if (isShadowRoot(root)) return root;
  const document = root as Document;
  return document.body ?? document.documentElement ?? document;
}

/** Whether a node's text is part of its block's own text: text, or an inline element. */
function joinsBlockText(node: Node): boolean {
  return node.nodeType === Node.TEXT_NODE || (isElement(node) && isInlineElement(node));
}

function hasAncestorIn(node: Node, nodes: ReadonlySet<Node>): boolean {
  for (let parent = node.parentNode; parent !== null; parent = parent.parentNode) {
    if (nodes.has(parent)) return true;
  }
  return false;
}

/** Whether every text node of the segment is still attached and holds the text that was read. */
function isUnchanged(segment: TextSegment): boolean {
  return segment.nodes.every((node, index) => {
    const start = segment.starts[index] as number;
    const end = segment.starts[index + 1] ?? segment.text.length;
    return node.isConnected && node.data === segment.text.slice(start, end);
  });
}

/** The text node positions of a match in a segment. */
function markRequestOf(segment: TextSegment, match: TermMatch): MarkRequest {
  const start = nodePosition(segment, match.start, 'start');
  const end = nodePosition(segment, match.end, 'end');
  return {
    startNode: start.node,
    startOffset: start.offset,
    endNode: end.node,
    endOffset: end.offset,
    entityId: match.term.entityId,
    name: match.term.text,
  };
}

/**
 * The text node and offset of a segment offset. A start is placed in the node whose text it
 * begins (not at the very end of the previous one); an end in the node whose text it ends.
 */
function nodePosition(
  segment: TextSegment,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } {
  const { nodes, starts } = segment;
  for (let index = 0; index < nodes.length; index++) {
    const nodeStart = starts[index] as number;
    const nodeEnd = starts[index + 1] ?? segment.text.length;
    const inside = side === 'start' ? offset < nodeEnd : offset <= nodeEnd;
    if (offset >= nodeStart && inside)
      return { node: nodes[index] as Text, offset: offset - nodeStart };
  }
  throw new Error(`offset ${offset} is outside the segment`);
}

function isBelowViewport(container: Container): boolean {
  const element = isShadowRoot(container) ? container.host : container;
  const view = element.ownerDocument.defaultView;
  return view !== null && element.getBoundingClientRect().top >= view.innerHeight;
}
