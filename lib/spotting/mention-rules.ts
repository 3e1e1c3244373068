/**
 * Which found names become marks on a page. The matcher finds names; these rules decide, with
 * what the page has shown so far:
 * - a context-required alias ("Qin") counts only once the page also names its entity outright
 *   ("Qin Gang"), anywhere on the page, before or after;
 * - places are marked at their first mention only, unless the reader asks for every mention
 *   (news pages name "Russia" dozens of times; DESIGN.md §6).
 */
import type { TermMatch } from './matcher';

export type MentionDecision = 'mark' | 'needs-context' | 'place-already-marked';

export class MentionRules {
  private readonly namedOutright = new Set<string>();

  constructor(private readonly markEveryPlaceMention: boolean) {}

  /**
   * Records the entities that `matches` name by a term needing no context; returns those that
   * were not named before (their waiting context-required mentions can now be marked).
   */
  noteNamed(matches: readonly TermMatch[]): string[] {
    const newlyNamed: string[] = [];
    for (const { term } of matches) {
      if (term.contextRequired || this.namedOutright.has(term.entityId)) continue;
      this.namedOutright.add(term.entityId);
      newlyNamed.push(term.entityId);
    }
    return newlyNamed;
  }

  /** Whether the page names this entity by a term needing no context (so its aliases count). */
  isNamedOutright(entityId: string): boolean {
    return this.namedOutright.has(entityId);
  }

  /** Call after `noteNamed` has seen every match known so far. */
  decide(match: TermMatch, placeAlreadyMarked: (entityId: string) => boolean): MentionDecision {
    const { term } = match;
    if (term.contextRequired && !this.namedOutright.has(term.entityId)) return 'needs-context';
    if (term.kind === 'place' && !this.markEveryPlaceMention && placeAlreadyMarked(term.entityId)) {
      return 'place-already-marked';
    }
    return 'mark';
  }
}

/**
 * The marks a page made of these texts alone would get, in order: the rules applied to a whole
 * (text-only) page at once. The content script applies the same rules to a live page.
 */
export function mentionsToMark(
  texts: readonly string[],
  findAll: (text: string) => TermMatch[],
  options: { markEveryPlaceMention: boolean },
): TermMatch[][] {
  const rules = new MentionRules(options.markEveryPlaceMention);
  const found = texts.map(findAll);
  for (const matches of found) rules.noteNamed(matches);
  const markedPlaces = new Set<string>();
  return found.map((matches) =>
    matches.filter((match) => {
      if (rules.decide(match, (id) => markedPlaces.has(id)) !== 'mark') return false;
      if (match.term.kind === 'place') markedPlaces.add(match.term.entityId);
      return true;
    }),
  );
}
