/**
 * What a file dropped on the options page is: a pack (JSON), or an article to add (.txt, .md,
 * or .html, read here with the same extraction as a web page). Runs in the options page, which
 * has a DOM to parse HTML into (a parsed document runs no script and loads nothing).
 */
import { extractArticle } from '@/lib/article/extract';
import { articleFileSizeProblem, packFileSizeProblem } from '@/lib/pack/file-limits';
import type { ArticleSubmission } from '@/lib/views';

export type ImportableFile =
  // Read by the worker that checks it: the page never holds a pack's text (tens of MB).
  | { kind: 'pack'; file: Blob }
  | { kind: 'article'; submission: ArticleSubmission }
  | { kind: 'refused'; message: string };

export const IMPORTABLE_EXTENSIONS = ['.json', '.txt', '.md', '.html', '.htm'] as const;

/** A file too large (by its `size`) is refused before it is read. */
export async function readImportable(file: File): Promise<ImportableFile> {
  const extension = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
  const isPack = extension === '.json';
  const tooLarge = isPack ? packFileSizeProblem(file.size) : articleFileSizeProblem(file.size);
  if (tooLarge && IMPORTABLE_EXTENSIONS.some((importable) => importable === extension)) {
    return { kind: 'refused', message: tooLarge };
  }
  if (isPack) return { kind: 'pack', file };
  if (extension === '.txt' || extension === '.md') {
    return {
      kind: 'article',
      submission: { kind: 'file', file: { fileName: file.name, contents: await file.text() } },
    };
  }
  if (extension === '.html' || extension === '.htm') {
    const page = new DOMParser().parseFromString(await file.text(), 'text/html');
    const article = extractArticle(page, '');
    if (!article) {
      return {
        kind: 'refused',
        message: 'No article was found in it: it has too little running text.',
      };
    }
    const title = article.title.trim() || file.name.replace(/\.[^.]+$/, '');
    return {
      kind: 'article',
      submission: { kind: 'read', article: { ...article, title, url: article.url || null } },
    };
  }
  return {
    kind: 'refused',
    message: `Briefings reads packs (.json) and articles (.txt, .md, .html), not ${extension || 'files without an extension'}.`,
  };
}
