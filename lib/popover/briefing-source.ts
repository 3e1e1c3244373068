/**
 * Briefings asked of the background, kept for a minute: pointing at a name starts the request
 * (before hover intent is confirmed) so the card usually has its data when it opens, and
 * pointing at the same name again costs nothing.
 */
import { describeFailure } from '@/lib/failure-words';
import { backgroundMessenger } from '@/lib/messaging';
import type { Briefing } from '@/lib/views';

const KEEP_MS = 60_000;
const MAX_ENTRIES = 24;

interface Entry {
  promise: Promise<Briefing>;
  /** Set once the answer is in, so a cached card renders in the same frame. */
  value?: Briefing;
  fetchedAt: number;
}

/** Where the card gets its briefings (the background, through `BriefingSource`). */
export interface BriefingProvider {
  /** Rejects with a message meant for the reader. */
  get(entityId: string): Promise<Briefing>;
  /** The briefing if it is already here, so the card can show it in the same frame. */
  peek(entityId: string): Briefing | undefined;
}

export class BriefingSource implements BriefingProvider {
  private readonly entries = new Map<string, Entry>();

  /** From the cache when fresh, else from the background. */
  get(entityId: string): Promise<Briefing> {
    const cached = this.fresh(entityId);
    if (cached) return cached.promise;
    const entry: Entry = {
      promise: backgroundMessenger
        .sendMessage('getBriefing', { entityId })
        .catch((error: unknown) => Promise.reject(new Error(describeFailure(error)))),
      fetchedAt: Date.now(),
    };
    entry.promise.then(
      (briefing) => {
        entry.value = briefing;
      },
      // A failure is not kept: the next try asks again.
      () => {
        if (this.entries.get(entityId) === entry) this.entries.delete(entityId);
      },
    );
    this.entries.set(entityId, entry);
    this.evictOldest();
    return entry.promise;
  }

  peek(entityId: string): Briefing | undefined {
    return this.fresh(entityId)?.value;
  }

  /** The packs changed: what was kept may no longer be true. */
  forgetAll(): void {
    this.entries.clear();
  }

  private fresh(entityId: string): Entry | undefined {
    const entry = this.entries.get(entityId);
    if (entry && Date.now() - entry.fetchedAt < KEEP_MS) return entry;
    this.entries.delete(entityId);
    return undefined;
  }

  private evictOldest(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) return;
      this.entries.delete(key);
    }
  }
}
