/**
 * The corpus compiler's public face: compile a folder's files (given as contents, so this runs in
 * Node and in the browser alike) into a briefing pack, serialize it, and summarize it.
 */
import type { Pack } from '../pack/schema';
import { type CompileOptions, compileCorpus } from './compile';
import type { ArticleFile } from './frontMatter';
import { EMPTY_GAZETTEER, type Gazetteer, parseGazetteer } from './gazetteer';

export { type CompileOptions, compileCorpus } from './compile';
export { CorpusInputError, CorpusInputErrors } from './errors';
export type { ArticleFile } from './frontMatter';
export { type Gazetteer, parseGazetteer } from './gazetteer';

export const GAZETTEER_FILE_NAME = 'gazetteer.yaml';

/** Article files of a corpus folder: .txt and .md, but not the folder's README. */
export function isArticleFileName(fileName: string): boolean {
  const base = fileName.replace(/^.*\//, '');
  return /\.(txt|md)$/i.test(base) && !/^readme\.md$/i.test(base);
}

/**
 * Compiles a corpus folder given as files (name + contents): its articles, and its gazetteer.yaml
 * when present. This is what the extension build calls on corpus/ to make the bundled pack.
 */
export function compileCorpusFiles(
  files: readonly ArticleFile[],
  options: CompileOptions = {},
): Pack {
  const gazetteerFile = files.find(
    (file) => file.fileName.replace(/^.*\//, '') === GAZETTEER_FILE_NAME,
  );
  const gazetteer: Gazetteer =
    gazetteerFile === undefined
      ? EMPTY_GAZETTEER
      : parseGazetteer(gazetteerFile.contents, gazetteerFile.fileName);
  const articles = files.filter((file) => isArticleFileName(file.fileName));
  return compileCorpus(articles, gazetteer, options);
}

/** The bundled seed pack: corpus/ compiled with the extension's pack id and title. */
export function compileBundledCorpus(files: readonly ArticleFile[]): string {
  return serializePack(
    compileCorpusFiles(files, {
      packId: 'seed-corpus',
      title: 'Seed corpus: China, Russia and the war in Ukraine, 2023',
    }),
  );
}

/** The pack as JSON text, the same bytes for the same pack. */
export function serializePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export interface PackSummary {
  documents: number;
  duplicates: number;
  entities: number;
  discoveredEntities: number;
  quotes: number;
  statements: number;
  fragments: number;
  attributed: number;
  unattributed: number;
  variants: number;
  events: number;
}

export function summarizePack(pack: Pack): PackSummary {
  const attributed = pack.quotes.filter((quote) => quote.speakerId !== null).length;
  return {
    documents: pack.documents.length,
    duplicates: pack.documents.filter((document) => document.duplicateOf !== undefined).length,
    entities: pack.entities.length,
    discoveredEntities: pack.entities.filter((entity) => entity.origin === 'discovered').length,
    quotes: pack.quotes.length,
    statements: pack.quotes.filter((quote) => quote.kind === 'statement').length,
    fragments: pack.quotes.filter((quote) => quote.kind === 'fragment').length,
    attributed,
    unattributed: pack.quotes.length - attributed,
    variants: pack.quotes.reduce((sum, quote) => sum + quote.variants.length, 0),
    events: pack.events.length,
  };
}
