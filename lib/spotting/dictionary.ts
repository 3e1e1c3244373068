/**
 * The spot dictionary: every name the content script looks for, and whose it is. Built in the
 * background from the entities of the installed packs, sent to each page, versioned so a page
 * (and the background) can keep the matcher it built until the dictionary changes.
 */
import { contentHash } from '@/lib/hash';
import type { Entity, EntityKind } from '@/lib/pack/schema';

export interface SpotTerm {
  /** The form to find, as the gazetteer spells it ("Xi Jinping", "Zelenskyy"). */
  text: string;
  entityId: string;
  kind: EntityKind;
  /** Match only with exactly this case ("Xi" but not "XI" or "xi"). */
  caseSensitive: boolean;
  /** Mark only on a page that also names the entity by a term without this flag. */
  contextRequired: boolean;
}

export interface SpotDictionary {
  /** Changes whenever any term changes; equal versions mean equal terms. */
  version: string;
  terms: SpotTerm[];
}

/** One term per distinct (text, entity) of the name and aliases of every entity. */
export function spotTermsOf(entities: readonly Entity[]): SpotTerm[] {
  const terms: SpotTerm[] = [];
  for (const entity of entities) {
    const caseSensitive = new Set(entity.spotting?.caseSensitive ?? []);
    const contextRequired = new Set(entity.spotting?.contextRequired ?? []);
    const seen = new Set<string>();
    for (const text of [entity.name, ...entity.aliases]) {
      if (seen.has(text)) continue;
      seen.add(text);
      terms.push({
        text,
        entityId: entity.id,
        kind: entity.kind,
        caseSensitive: caseSensitive.has(text),
        contextRequired: contextRequired.has(text),
      });
    }
  }
  return terms;
}

/** The dictionary of a set of entities, with a version derived from its content. */
export function buildSpotDictionary(entities: readonly Entity[]): SpotDictionary {
  const terms = spotTermsOf(entities);
  return { version: contentHash(JSON.stringify(terms)), terms };
}
