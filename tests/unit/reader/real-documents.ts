/** Document views as the background builds them from the real bundled pack, for the view tests. */
import { BackgroundService } from '@/lib/background/service';
import { BriefingsDatabase } from '@/lib/store/db';
import type { DocumentView } from '@/lib/views';
import { bundledPack } from '../../support/packs';

export const BUNDLED_PACK_ID = 'seed-corpus';

/** The views of `documentIds`, read once from a fresh database seeded with the bundled pack. */
export async function realDocuments(...documentIds: string[]): Promise<Map<string, DocumentView>> {
  const db = new BriefingsDatabase(`reader-view-${crypto.randomUUID()}`);
  const service = new BackgroundService(db, () =>
    Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
  );
  try {
    const views = new Map<string, DocumentView>();
    for (const id of documentIds) {
      const view = await service.document(BUNDLED_PACK_ID, id);
      if (!view) throw new Error(`the bundled pack has no document ${id}`);
      views.set(id, view);
    }
    return views;
  } finally {
    await db.delete();
  }
}

export function get(views: Map<string, DocumentView>, id: string): DocumentView {
  const view = views.get(id);
  if (!view) throw new Error(`no document ${id} was loaded`);
  return view;
}
