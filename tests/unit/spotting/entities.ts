/** Hand-written gazetteer entities for the spotting tests (the shape the pack compiler emits). */
import type { Entity, EntityKind, SpottingRules } from '@/lib/pack/schema';
import { buildSpotDictionary, type SpotDictionary } from '@/lib/spotting/dictionary';
import { createMatcher, type Matcher } from '@/lib/spotting/matcher';

export function entity(
  id: string,
  name: string,
  kind: EntityKind,
  aliases: string[] = [],
  spotting?: SpottingRules,
): Entity {
  return { id, name, kind, aliases, spotting, description: '', roles: [], origin: 'gazetteer' };
}

export const testEntities: Entity[] = [
  entity('vladimir-putin', 'Vladimir Putin', 'person', ['Putin', 'President Putin']),
  entity('xi-jinping', 'Xi Jinping', 'person', ['Xi', 'President Xi'], { caseSensitive: ['Xi'] }),
  entity('volodymyr-zelensky', 'Volodymyr Zelensky', 'person', [
    'Zelensky',
    'Zelenskyy',
    'Zelenskiy',
  ]),
  entity('dmitry-peskov', 'Dmitry Peskov', 'person', ['Peskov']),
  entity('li-hui', 'Li Hui', 'person', ['Li'], { contextRequired: ['Li'] }),
  entity('qin-gang', 'Qin Gang', 'person', ['Qin'], {
    caseSensitive: ['Qin'],
    contextRequired: ['Qin'],
  }),
  entity('kremlin', 'Kremlin', 'organization'),
  entity('nato', 'NATO', 'organization', ['North Atlantic Treaty Organization'], {
    caseSensitive: ['NATO'],
  }),
  entity('united-states', 'United States', 'place', ['U.S.', 'US'], { caseSensitive: ['US'] }),
  entity('russia', 'Russia', 'place', ['Russian Federation']),
  entity('china', 'China', 'place'),
  entity('kyiv', 'Kyiv', 'place', ['Kiev']),
  entity('china-peace-plan', "China's peace plan", 'topic', ['peace plan'], {
    contextRequired: ['peace plan'],
  }),
];

export const testDictionary: SpotDictionary = buildSpotDictionary(testEntities);
export const testMatcher: Matcher = createMatcher(testDictionary);

/** What the test matcher finds in `text`, as [printed text, entity id] pairs. */
export function spotted(text: string, matcher: Matcher = testMatcher): [string, string][] {
  return matcher.findAll(text).map((m) => [text.slice(m.start, m.end), m.term.entityId]);
}
