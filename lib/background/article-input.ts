/**
 * What an article given to Briefings may be: read from a page (by the extraction script, or from
 * an HTML file) or a text file. Checked wherever one arrives, the page's own included.
 */
import * as v from 'valibot';
import { PACK_LIMITS, PartialDate } from '@/lib/pack/schema';

/** A page longer than any article is refused, not compiled: the limit of a pack's documents. */
const MAX_ARTICLE_CHARS = PACK_LIMITS.documentCharacters;
const Line = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const ReadArticleInput = v.object({
  url: v.nullable(Line(4000)),
  title: v.pipe(Line(2000), v.trim(), v.minLength(1, 'the article has no title')),
  outlet: v.nullable(Line(500)),
  byline: v.nullable(Line(1000)),
  publishedAt: v.nullable(PartialDate),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ARTICLE_CHARS)),
});
export const ArticleSubmissionInput = v.variant('kind', [
  v.object({ kind: v.literal('read'), article: ReadArticleInput }),
  v.object({
    kind: v.literal('file'),
    file: v.object({
      fileName: Line(500),
      contents: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_CHARS)),
    }),
  }),
]);
