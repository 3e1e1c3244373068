/**
 * Adding what the reader reads: an article extracted from a tab, or an article file, compiled
 * against the installed corpus and saved in "My reading". Articles are added one after another,
 * so that two adds of the same page never both miss each other and save it twice.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ReadArticle } from '@/lib/corpus/article';
import { textFingerprint } from '@/lib/corpus/fingerprint';
import { contentHash } from '@/lib/hash';
import { asMemberOf } from '@/lib/pack/member';
import type { AddedArticle, ArticleSubmission } from '@/lib/views';
import { READING_PACK_ID } from '@/lib/views';
import { ReadArticleInput } from './article-input';
import type { BackgroundService } from './service';

/** The script that reads the article in a tab (entrypoints/extract-article.ts). */
const EXTRACT_SCRIPT = '/extract-article.js';

export class ArticleAdder {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly service: BackgroundService) {}

  /** Reads the article in a tab, on the reader's gesture, and adds it. */
  async addFromTab(tabId: number): Promise<AddedArticle> {
    const article = await extractFromTab(tabId);
    return this.add({ kind: 'read', article });
  }

  /** Compiles and saves one article; a file that is not an article is refused, nothing saved. */
  add(submission: ArticleSubmission): Promise<AddedArticle> {
    const run = this.queue.then(() => this.compileAndSave(submission));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Compiles a saved article again from what was read (after an update of the compiler). Read
   * in its turn, so that an article removed meanwhile stays removed.
   */
  recompile(documentId: string): Promise<AddedArticle> {
    const run = this.queue.then(async () => {
      const reading = await this.service.readings.get(documentId);
      if (!reading) throw new Error('That article is no longer in your reading.');
      return this.compileAndSave({ kind: 'file', file: reading.source }, documentId);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** `recompiling`: the saved article's id, kept whatever the text now looks like. */
  private async compileAndSave(
    submission: ArticleSubmission,
    recompiling?: string,
  ): Promise<AddedArticle> {
    const { entities } = await this.service.corpusCatalog();
    const { pack: compiled, file } = await this.service.compile(submission, entities);
    const [document] = compiled.documents;
    if (!document) throw new Error('The article has no text to add.');
    const url = document.url ?? null;
    const fingerprint = textFingerprint(document.text);
    const same =
      recompiling ?? (await this.service.readings.findSame(url, fingerprint))?.documentId;
    const documentId = same ?? `a-${contentHash(url ?? document.text)}`;
    const pack = asMemberOf(compiled, documentId);
    const { replaced } = await this.service.readings.save(
      { documentId, pack, source: file, url, fingerprint },
      { onlyInPlace: recompiling !== undefined },
    );
    this.service.corpusChanged();
    const known = new Set(entities.map((entity) => entity.id));
    return {
      packId: READING_PACK_ID,
      documentId,
      title: document.title,
      outlet: document.outlet ?? null,
      quotes: pack.quotes.length,
      attributed: pack.quotes.filter((quote) => quote.speakerId !== null).length,
      newNames: pack.entities.filter((entity) => !known.has(entity.id)).map((e) => e.name),
      replaced,
    };
  }
}

/** Runs the extraction script in the tab (allowed by the reader's gesture: activeTab). */
async function extractFromTab(tabId: number): Promise<ReadArticle> {
  let results: { result?: unknown }[];
  try {
    results = await browser.scripting.executeScript({
      target: { tabId },
      files: [EXTRACT_SCRIPT],
    });
  } catch (error) {
    console.warn('[Briefings] the article extraction could not run:', error);
    throw new Error(
      'Briefings cannot read this page. Use the Briefings button while on the page (or its menu item, or Alt+Shift+S): that lets it read the page. Browser pages and extension stores stay closed to it.',
    );
  }
  const result = results[0]?.result;
  if (!result) {
    throw new Error('No article was found on this page: it has too little running text.');
  }
  // The page wrote the text: it is held to the same limits as any article given to Briefings.
  const article = v.safeParse(ReadArticleInput, result);
  if (!article.success) {
    throw new Error(`This page's article cannot be added: ${v.summarize(article.issues)}`);
  }
  return article.output;
}
