/**
 * Every mention of each entity on a page, marked or not: a place is marked once but named
 * "Russia" 76 times, and "On this page" says 76.
 *
 * A mention is what spotting recognises: a name the matcher finds ("Russia", and so "Russia's",
 * the possessive ending after the name), and a context-required alias ("Qin") once the page
 * names its entity outright, as for marks (mention-rules.ts). Counting happens in the spotting
 * pass that already reads the text, per block: when a block is read again (the page changed it,
 * or new names arrived) its count is replaced, never added to, and a block the page removed no
 * longer counts.
 */
import type { TermMatch } from './matcher';

type Block = Element | ShadowRoot;

interface BlockMentions {
  /** The reading this count comes from: a later reading of the block starts it afresh. */
  reading: number;
  /** Mentions by entity id, by a term needing no context. */
  named: Map<string, number>;
  /** Mentions by a context-required alias, which count once the entity is named outright. */
  byContext: Map<string, number>;
}

export class MentionCounts {
  private readonly blocks = new Map<Block, BlockMentions>();

  /** The matches found in one segment of `block`, during reading number `reading`. */
  add(block: Block, matches: readonly TermMatch[], reading: number): void {
    let counts = this.blocks.get(block);
    if (counts !== undefined && counts.reading !== reading) {
      this.blocks.delete(block);
      counts = undefined;
    }
    // Most blocks name no one: they cost nothing here.
    if (matches.length === 0) return;
    if (counts === undefined) {
      counts = { reading, named: new Map(), byContext: new Map() };
      this.blocks.set(block, counts);
    }
    for (const { term } of matches) {
      const tally = term.contextRequired ? counts.byContext : counts.named;
      tally.set(term.entityId, (tally.get(term.entityId) ?? 0) + 1);
    }
  }

  /**
   * A block is about to be read again: what it held goes, even if it now holds no words at all
   * (a block with no words is never reported, so its count would otherwise stay).
   */
  forget(block: Node): void {
    this.blocks.delete(block as Block);
  }

  /** Mentions on the page now, by entity id. */
  byEntity(isNamedOutright: (entityId: string) => boolean): Record<string, number> {
    this.forgetDetached();
    const totals: Record<string, number> = {};
    for (const { named, byContext } of this.blocks.values()) {
      for (const [entityId, count] of named) totals[entityId] = (totals[entityId] ?? 0) + count;
      for (const [entityId, count] of byContext) {
        if (isNamedOutright(entityId)) totals[entityId] = (totals[entityId] ?? 0) + count;
      }
    }
    return totals;
  }

  /** Blocks the page took out of the document count no more. */
  forgetDetached(): void {
    for (const block of this.blocks.keys()) if (!block.isConnected) this.blocks.delete(block);
  }
}
