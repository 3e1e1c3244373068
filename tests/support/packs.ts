/** Packs for tests: the real bundled corpus, compiled from corpus/, and small made-up ones. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBundledCorpus } from '../../lib/corpus';
import type { Pack } from '../../lib/pack/schema';

let bundled: string | undefined;

/** The pack the extension ships, as the build makes it (a fresh copy each call). */
export function bundledPack(): Pack {
  bundled ??= compileBundledCorpus(
    readdirSync('corpus')
      .sort()
      .map((fileName) => ({ fileName, contents: readFileSync(join('corpus', fileName), 'utf8') })),
  );
  return JSON.parse(bundled) as Pack;
}

/** A small pack of one article, one person, one quote and one event. */
export function smallPack(id = 'field-notes', overrides: Partial<Pack> = {}): Pack {
  const text =
    'Olena Kovalenko, the mayor of Zolotyi Bereh, said: "We will rebuild the bridge before winter." The bridge was destroyed in May.';
  const quote = 'We will rebuild the bridge before winter.';
  const start = text.indexOf(quote);
  return {
    format: 'briefings-pack',
    version: 1,
    id,
    title: 'Field notes from Zolotyi Bereh',
    createdAt: '2024-06-02',
    documents: [
      {
        id: 'notes-1',
        title: 'Mayor promises a bridge',
        outlet: 'Field Notes',
        publishedAt: '2024-06-02',
        datePrecision: 'day',
        dateBasis: 'printed',
        text,
      },
    ],
    entities: [
      {
        id: 'person-olena-kovalenko',
        name: 'Olena Kovalenko',
        kind: 'person',
        aliases: ['Kovalenko', 'Olena Kovalénko'],
        description: 'Mayor of Zolotyi Bereh.',
        roles: [
          {
            title: 'mayor of Zolotyi Bereh',
            sources: [{ documentId: 'notes-1', start: 21, end: 43 }],
          },
        ],
        origin: 'gazetteer',
      },
    ],
    quotes: [
      {
        id: 'quote-bridge',
        text: quote,
        kind: 'statement',
        speakerId: 'person-olena-kovalenko',
        sources: [{ documentId: 'notes-1', start, end: start + quote.length }],
        variants: [],
        aboutEntityIds: [],
        date: '2024-06-02',
        datePrecision: 'day',
        dateBasis: 'printed',
      },
    ],
    events: [
      {
        id: 'event-bridge-destroyed',
        date: '2024-05',
        datePrecision: 'month',
        dateBasis: 'printed',
        title: 'The Zolotyi Bereh bridge is destroyed',
        entityIds: ['person-olena-kovalenko'],
        sources: [{ documentId: 'notes-1', start: text.indexOf('The bridge'), end: text.length }],
      },
    ],
    ...overrides,
  };
}

/**
 * Another version of `pack` under the same id: the same articles, names and quotes, one
 * description edited. Importing it asks rather than saying "already installed", and "Keep both"
 * then holds every article twice.
 */
export function anotherVersionOf(pack: Pack): Pack {
  return {
    ...pack,
    entities: pack.entities.map((entity, index) =>
      index === 0 ? { ...entity, description: `${entity.description} (Edited.)` } : entity,
    ),
  };
}
