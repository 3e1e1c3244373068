import { extractArticle } from '@/lib/article/extract';

/**
 * Injected on the reader's gesture with `scripting.executeScript({ files: ['/extract-article.js'] })`.
 * A script's result there is the value of its last statement: WXT builds this one as an anonymous
 * function called at once, so the result is what `main` returns: the article as a plain object
 * (structured-clonable), or null. `globalName: false` leaves no global behind in the content
 * scripts' world to hold the article afterwards.
 */
export default defineUnlistedScript({
  globalName: false,
  main: () => extractArticle(document, location.href),
});
