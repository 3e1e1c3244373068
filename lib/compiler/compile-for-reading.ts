/**
 * An article the reader gives, compiled on its own against the installed entities: the work of
 * the compiler worker. Problems come back as one sentence for the reader.
 */
import { articleFile, compileArticle, gazetteerOf } from '@/lib/corpus/article';
import { CorpusInputErrors } from '@/lib/corpus/errors';
import type { ArticleFile } from '@/lib/corpus/frontMatter';
import type { Entity, Pack } from '@/lib/pack/schema';
import { type ArticleSubmission, READING_PACK_ID } from '@/lib/views';

export interface CompiledSubmission {
  /** The article alone, as a one-document pack. */
  pack: Pack;
  /** The article as a corpus file, kept to compile it again later. */
  file: ArticleFile;
}

/** `known`: every installed entity, one per id. */
export function compileSubmission(
  submission: ArticleSubmission,
  known: readonly Entity[],
): CompiledSubmission {
  const file =
    submission.kind === 'read' ? articleFile(submission.article, 'article.md') : submission.file;
  try {
    return { pack: compileArticle(file, gazetteerOf(known), READING_PACK_ID), file };
  } catch (error) {
    if (!(error instanceof CorpusInputErrors)) throw error;
    const reasons = error.errors.map((problem) => problem.reason).join('; ');
    const what = submission.kind === 'read' ? 'This article' : file.fileName;
    throw new Error(`${what} could not be read as an article: ${reasons}.`);
  }
}
