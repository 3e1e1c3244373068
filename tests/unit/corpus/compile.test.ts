import { describe, expect, test } from 'vitest';
import {
  CorpusInputErrors,
  compileBundledCorpus,
  compileCorpusFiles,
  serializePack,
} from '@/lib/corpus';
import {
  CORPUS_DIR,
  compiledFixtures,
  compiledSeeds,
  documentOf,
  readFolder,
  sliceOf,
} from './helpers';

describe('the compiled pack', () => {
  test('the same input gives the same bytes, whatever the file order', () => {
    const files = readFolder(CORPUS_DIR);
    const first = compileBundledCorpus(files);
    expect(compileBundledCorpus([...files].reverse())).toBe(first);
    expect(JSON.parse(first)).toMatchObject({
      format: 'briefings-pack',
      version: 1,
      id: 'seed-corpus',
      createdAt: '2023-04-27',
    });
  });

  test('every source span slices to the words as printed: quotes, variants, cues, roles, events', () => {
    for (const pack of [compiledSeeds(), compiledFixtures()]) {
      for (const quote of pack.quotes) {
        for (const source of quote.sources) {
          const printed = sliceOf(pack, source);
          const variant = quote.variants.find(
            (v) => v.documentId === source.documentId && v.start === source.start,
          );
          expect(printed).toBe(
            variant === undefined
              ? quote.text
              : variant.diff
                  .filter((p) => p.op !== 'delete')
                  .map((p) => p.text)
                  .join(''),
          );
          if (source.attribution !== undefined) {
            expect(
              sliceOf(pack, { documentId: source.documentId, ...source.attribution }).length,
            ).toBeGreaterThan(0);
          }
        }
      }
      for (const entity of pack.entities) {
        for (const role of entity.roles)
          for (const span of role.sources) expect(sliceOf(pack, span)).toBe(role.title);
      }
      for (const event of pack.events) {
        expect(event.sources.length).toBeGreaterThan(0);
        for (const span of event.sources) expect(sliceOf(pack, span).length).toBeGreaterThan(0);
      }
    }
  });

  test('an article without front matter is kept, its date unknown and said so', () => {
    const document = documentOf(compiledFixtures(), 'markets-no-quotes');
    expect(document).toMatchObject({
      title: 'Markets steady as talks resume',
      publishedAt: null,
      dateBasis: null,
      outlet: null,
    });
    expect(document.dateReason).toMatch(/unknown/);
  });

  test('the cleaned text keeps the author as metadata', () => {
    expect(documentOf(compiledSeeds(), 'seed-004').author).toBe('Dave DeCamp');
    expect(documentOf(compiledFixtures(), 'opinion-peace-plan').author).toBe('A. Columnist');
  });

  test('bad input: every problem named with its file and line, and no pack', () => {
    const run = () =>
      compileCorpusFiles([
        { fileName: 'good.txt', contents: 'Fine\n\nText.' },
        {
          fileName: 'bad-date.txt',
          contents: '---\ntitle: x\npublished: 2023-13-01\ndateBasis: printed\n---\nBody',
        },
        {
          fileName: 'gazetteer.yaml',
          contents: 'entities:\n  - id: x\n    name: X\n    kind: planet\n    description: ""\n',
        },
      ]);
    expect(run).toThrowError(/gazetteer\.yaml:4: entities\[0\]\.kind: /);
    const articlesOnly = () =>
      compileCorpusFiles([
        {
          fileName: 'bad-date.txt',
          contents: '---\ntitle: x\npublished: 2023-13-01\ndateBasis: printed\n---\nBody',
        },
        { fileName: 'bad-yaml.md', contents: '---\ntitle: "x\n---\nBody' },
      ]);
    expect(articlesOnly).toThrowError(CorpusInputErrors);
    expect(articlesOnly).toThrowError(
      /bad-date\.txt:3: impossible date "2023-13-01"[\s\S]*bad-yaml\.md:\d+: broken front matter/,
    );
  });

  test('serialized packs end with a newline and parse back to the same pack', () => {
    const pack = compiledSeeds();
    const text = serializePack(pack);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(pack);
  });
});
