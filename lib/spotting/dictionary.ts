/**
 * The spot dictionary: every name the content script looks for, and whose it is. Built in the
 * background from the entities of the installed packs, sent to each page, versioned so a page
 * (and the background) can keep the matcher it built until the dictionary changes.
 *
 * Every page pays for the dictionary (its message, its matcher's memory and build time), whatever
 * the packs hold, so it is bounded: at most MAX_SPOT_TERMS terms and MAX_SPOT_CHARACTERS
 * characters. Past the bound the most useful names are kept (every entity's name before any
 * alias; entities with sourced roles first) and the rest is counted as left out, for the options
 * page to say so. Forms that could only ever mark ordinary words ("the", "a") are never sent.
 */
import { contentHash } from '@/lib/hash';
import type { Entity, EntityKind } from '@/lib/pack/schema';
import { STOP_WORDS } from '@/lib/search/stop-words';

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
  /** Names and aliases of the packs not sent to pages: past the bound below. */
  leftOut: number;
}

/** About 75 KB of terms: a few MB of matcher in each tab (`npm run bench:spotting`). */
export const MAX_SPOT_TERMS = 5_000;
export const MAX_SPOT_CHARACTERS = 75_000;

/**
 * One term per distinct (text, entity) of the name and aliases of every entity, in the order they
 * are worth keeping: names first, then aliases, each by how sourced the entity is.
 */
export function spotTermsOf(entities: readonly Entity[]): SpotTerm[] {
  return [...spotFormsInOrder(entities)].map(([entity, text]) => termOf(entity, text));
}

/** The dictionary of a set of entities, within the bound, with a version derived from its content. */
export function buildSpotDictionary(entities: readonly Entity[]): SpotDictionary {
  const builder = new SpotDictionaryBuilder();
  for (const form of spotFormsInOrder(entities)) builder.offer(form);
  return builder.dictionary();
}

/**
 * `buildSpotDictionary` a form at a time, offered in the order `spotFormsInOrder` gives. Only
 * the terms kept are made: at 200,000 names, making every one took most of a second.
 */
export class SpotDictionaryBuilder {
  private readonly terms: SpotTerm[] = [];
  private characters = 0;
  private candidates = 0;
  private full = false;

  offer([entity, text]: [Entity, string]): void {
    this.candidates++;
    this.full ||=
      this.terms.length >= MAX_SPOT_TERMS || this.characters + text.length > MAX_SPOT_CHARACTERS;
    if (this.full) return;
    this.characters += text.length;
    this.terms.push(termOf(entity, text));
  }

  dictionary(): SpotDictionary {
    return {
      version: contentHash(JSON.stringify(this.terms)),
      terms: [...this.terms],
      leftOut: this.candidates - this.terms.length,
    };
  }
}

/** Each entity's distinct forms that can name something, in the order `spotTermsOf` gives. */
export function* spotFormsInOrder(entities: readonly Entity[]): Generator<[Entity, string]> {
  const ranked = entities
    .map((entity, order) => ({ entity, order, sources: sourcedRoles(entity) }))
    .sort((a, b) => b.sources - a.sources || a.order - b.order)
    .map(({ entity }) => entity);
  for (const entity of ranked) {
    if (canNameSomething(entity.name)) yield [entity, entity.name];
  }
  for (const entity of ranked) {
    for (const alias of new Set(entity.aliases)) {
      if (alias !== entity.name && canNameSomething(alias)) yield [entity, alias];
    }
  }
}

function termOf(entity: Entity, text: string): SpotTerm {
  return {
    text,
    entityId: entity.id,
    kind: entity.kind,
    caseSensitive: entity.spotting?.caseSensitive?.includes(text) ?? false,
    contextRequired: entity.spotting?.contextRequired?.includes(text) ?? false,
  };
}

/** A single character or a common English word would mark ordinary text, not a name. */
function canNameSomething(form: string): boolean {
  const plain = form.trim();
  return [...plain].length > 1 && !STOP_WORDS.has(plain.toLowerCase());
}

function sourcedRoles(entity: Entity): number {
  return entity.roles.reduce((sum, role) => sum + role.sources.length, 0);
}
