import type { SavedArticle } from '@/lib/views';
import { DateLabel } from '../briefing/DateLabel';

interface SavedArticlesProps {
  articles: SavedArticle[] | null;
  /** The reader view's address for an article. */
  readerHref: (article: SavedArticle) => string;
  onRecompile: (article: SavedArticle) => void;
  onRemove: (article: SavedArticle) => void;
}

/** "My reading": the articles the reader added, each to open, compile again or remove. */
export function SavedArticles({ articles, readerHref, onRecompile, onRemove }: SavedArticlesProps) {
  return (
    <section aria-labelledby="reading-heading" class="panel">
      <h2 id="reading-heading">My reading</h2>
      {articles === null ? (
        <p class="muted">Loading your articles…</p>
      ) : articles.length === 0 ? (
        <p class="muted">
          No articles yet. On a page you are reading, choose “Add this article” in the Briefings
          popup or the page’s context menu, or press Alt+Shift+S. You can also import article files
          (.txt, .md, .html) below.
        </p>
      ) : (
        <table class="packs saved-articles">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Published</th>
              <th scope="col">Quotes</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.documentId} data-document-id={article.documentId}>
                <th scope="row">
                  <a href={readerHref(article)} target="_blank" rel="noopener">
                    {article.title}
                  </a>
                  {article.outlet && <span class="muted pack-origin">{article.outlet}</span>}
                </th>
                <td>
                  {article.publishedAt ? (
                    <DateLabel
                      date={article.publishedAt}
                      precision={article.datePrecision}
                      basis={article.dateBasis}
                      reason={null}
                    />
                  ) : (
                    <span class="muted">Undated</span>
                  )}
                </td>
                <td>{article.quoteCount.toLocaleString('en')}</td>
                <td>
                  <time dateTime={new Date(article.addedAt).toISOString()}>
                    {new Date(article.addedAt).toLocaleDateString('en-GB', {
                      day: 'numeric',
                      month: 'short',
                      year: 'numeric',
                    })}
                  </time>
                </td>
                <td>
                  <div class="actions actions--end">
                    <button
                      type="button"
                      onClick={() => onRecompile(article)}
                      aria-label={`Compile “${article.title}” again`}
                    >
                      Re-compile
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => onRemove(article)}
                      aria-label={`Remove “${article.title}”`}
                    >
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
