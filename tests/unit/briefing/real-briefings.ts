/** Briefings as the background builds them from the real bundled pack, for the view tests. */
import { BackgroundService } from '@/lib/background/service';
import { BriefingsDatabase } from '@/lib/store/db';
import type { Briefing, QuoteView, SourceRef } from '@/lib/views';
import { bundledPack } from '../../support/packs';

/** The briefings of `entityIds`, read once from a fresh database seeded with the bundled pack. */
export async function realBriefings(...entityIds: string[]): Promise<Map<string, Briefing>> {
  const db = new BriefingsDatabase(`briefing-view-${crypto.randomUUID()}`);
  const service = new BackgroundService(db, () =>
    Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
  );
  try {
    const briefings = new Map<string, Briefing>();
    for (const id of entityIds) {
      const briefing = await service.briefing(id);
      if (!briefing) throw new Error(`the bundled pack has no entity ${id}`);
      briefings.set(id, briefing);
    }
    return briefings;
  } finally {
    await db.delete();
  }
}

export function get(briefings: Map<string, Briefing>, id: string): Briefing {
  const briefing = briefings.get(id);
  if (!briefing) throw new Error(`no briefing for ${id} was loaded`);
  return briefing;
}

/** A copy of a real source with some fields changed (dates at other precisions, hostile text). */
export function sourceLike(source: SourceRef, change: Partial<SourceRef>): SourceRef {
  return { ...structuredClone(source), ...change };
}

export function quoteLike(quote: QuoteView, change: Partial<QuoteView>): QuoteView {
  return { ...structuredClone(quote), ...change };
}
