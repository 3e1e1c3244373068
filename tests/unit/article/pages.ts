/** Small handmade news pages for the article tests. */
import { afterEach } from 'vitest';
import { extractArticle } from '@/lib/article/extract';
import { type HtmlPage, htmlPage } from '../../support/html-page';

export const PAGE_URL = 'https://www.example-news.com/world/2024/summit-story';

/** Paragraphs of a made-up story: enough prose, with commas, for Readability to see an article. */
export const STORY = [
  'The foreign ministers met in Geneva on Tuesday, the first such meeting in more than a year, and agreed to resume talks on a prisoner exchange that had stalled over the summer.',
  '“We have come a long way, but the road ahead is longer,” the spokesperson said, adding that a second round of talks was planned for the spring, pending approval from both capitals.',
  'Officials on both sides described the atmosphere as businesslike, though neither delegation made any concession on the central questions, according to three people briefed on the meeting.',
  'Analysts cautioned that similar agreements had collapsed before, noting that the last exchange took nine months to arrange, and that its terms were disputed long after it happened.',
];

/** A page: `head` inside <head>, `article` (the story by default) inside <article>, `around` outside. */
export function newsPage({
  head = '',
  article = STORY.map((paragraph) => `<p>${paragraph}</p>`).join('\n'),
  around = '',
  lang = 'en',
}: {
  head?: string;
  article?: string;
  around?: string;
  lang?: string;
} = {}): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8">${head}</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
  <main>
    <article>
      ${article}
    </article>
    ${around}
  </main>
  <footer><p>© Example News. All rights reserved.</p></footer>
</body>
</html>`;
}

const open: HtmlPage[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((page) => page.close()));
});

/** The page's document (closed after the test). */
export function pageDocument(html: string, url = PAGE_URL): Document {
  const page = htmlPage(html, url);
  open.push(page);
  return page.document;
}

/** The article extracted from a page made of `html`, read at `url`. */
export function extract(html: string, url = PAGE_URL) {
  return extractArticle(pageDocument(html, url), url);
}
