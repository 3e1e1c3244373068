// Test data read from the repository: the seed corpus, its gazetteer and the team's own fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ArticleFile,
  compileCorpusFiles,
  isArticleFileName,
  parseGazetteer,
} from '@/lib/corpus';
import type { Pack, PackDocument, Quote, SourceSpan } from '@/lib/pack/schema';

// Vitest runs from the repository root (happy-dom gives import.meta.url an http scheme).
export const CORPUS_DIR = join(process.cwd(), 'corpus/');
export const FIXTURES_DIR = join(process.cwd(), 'tests/fixtures/articles/');

export function readFolder(dir: string): ArticleFile[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ fileName: name, contents: readFileSync(dir + name, 'utf8') }));
}

export function seedFile(prefix: string): ArticleFile {
  const file = readFolder(CORPUS_DIR).find(
    (f) => f.fileName.startsWith(prefix) && isArticleFileName(f.fileName),
  );
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  return file;
}

export const gazetteerText = () => readFileSync(`${CORPUS_DIR}gazetteer.yaml`, 'utf8');
export const seedGazetteer = () => parseGazetteer(gazetteerText(), 'corpus/gazetteer.yaml');

let seedPack: Pack | undefined;
/** The seed corpus compiled once per test file. */
export function compiledSeeds(): Pack {
  seedPack ??= compileCorpusFiles(readFolder(CORPUS_DIR));
  return seedPack;
}

/** The fixtures compiled with the seed gazetteer (they name some of the same people). */
export function compiledFixtures(): Pack {
  return compileCorpusFiles([
    ...readFolder(FIXTURES_DIR),
    { fileName: 'gazetteer.yaml', contents: gazetteerText() },
  ]);
}

export function documentOf(pack: Pack, id: string): PackDocument {
  const document = pack.documents.find((d) => d.id === id);
  if (document === undefined) throw new Error(`no document ${id}`);
  return document;
}

export function sliceOf(pack: Pack, span: SourceSpan): string {
  return documentOf(pack, span.documentId).text.slice(span.start, span.end);
}

/** The quotes with a source in `documentId`, as [printed text there, speaker id] in text order. */
export function quotesIn(
  pack: Pack,
  documentId: string,
): { text: string; speakerId: string | null; quote: Quote }[] {
  return pack.quotes
    .flatMap((quote) =>
      quote.sources
        .filter((source) => source.documentId === documentId)
        .map((source) => ({
          start: source.start,
          text: sliceOf(pack, source),
          speakerId: quote.speakerId,
          quote,
        })),
    )
    .sort((a, b) => a.start - b.start)
    .map(({ text, speakerId, quote }) => ({ text, speakerId, quote }));
}
