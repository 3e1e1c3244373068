/** What the installed briefings rest on: how many articles, from how many outlets, when, on whom. */
import { articleIdentity } from '@/lib/pack/identity';
import type { Entity } from '@/lib/pack/schema';
import type { CorpusCoverage } from '@/lib/views';
import type { BriefingsDatabase } from './db';
import { installedPackIds } from './pack-rows';

/** `entities`: every installed entity, once per id. */
export async function loadCoverage(
  db: BriefingsDatabase,
  entities: readonly Pick<Entity, 'kind'>[],
): Promise<CorpusCoverage> {
  const articles = new Set<string>();
  const outlets = new Set<string>();
  let from: string | null = null;
  let to: string | null = null;
  const installed = await installedPackIds(db);
  await db.documents.each((document) => {
    if (!installed.has(document.packId)) return;
    articles.add(articleIdentity(document));
    if (document.outlet) outlets.add(document.outlet);
    // Partial ISO dates compare as text; a time of day is more than a reader needs here.
    const date = document.publishedAt?.slice(0, 10);
    if (!date) return;
    if (from === null || date < from) from = date;
    if (to === null || date > to) to = date;
  });
  const names: CorpusCoverage['names'] = { person: 0, organization: 0, place: 0, topic: 0 };
  for (const entity of entities) names[entity.kind]++;
  return { articles: articles.size, outlets: outlets.size, from, to, names };
}
