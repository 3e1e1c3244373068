/**
 * What the reader chose not to see marked: names hidden (everywhere, or on this site) and whole
 * kinds switched off. Applied to what the matcher found rather than to the dictionary, so that a
 * hidden name still takes its place in the text: hiding "New York Times" must not leave "New
 * York" inside it to be marked as a place.
 */
import type { EntityKind } from '@/lib/pack/schema';
import type { SpotTerm } from './dictionary';

export interface ReaderChoices {
  /** Entities not marked on this page: hidden everywhere or on its site. */
  hiddenEntityIds: readonly string[];
  hiddenKinds: readonly EntityKind[];
}

export const NO_CHOICES: ReaderChoices = { hiddenEntityIds: [], hiddenKinds: [] };

/** Whether a term of the dictionary may be marked under the reader's choices. */
export function markableUnder(choices: ReaderChoices): (term: SpotTerm) => boolean {
  const hiddenEntities = new Set(choices.hiddenEntityIds);
  const hiddenKinds = new Set(choices.hiddenKinds);
  return (term) => !hiddenKinds.has(term.kind) && !hiddenEntities.has(term.entityId);
}

/** Whether two sets of choices hide the same names (the order they came in does not matter). */
export function sameChoices(a: ReaderChoices, b: ReaderChoices): boolean {
  const sameSet = (x: readonly string[], y: readonly string[]) =>
    new Set(x).size === new Set(y).size && x.every((item) => y.includes(item));
  return sameSet(a.hiddenEntityIds, b.hiddenEntityIds) && sameSet(a.hiddenKinds, b.hiddenKinds);
}
