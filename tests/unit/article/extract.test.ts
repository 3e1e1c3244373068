import { describe, expect, test, vi } from 'vitest';
import { extractArticle } from '@/lib/article/extract';
import { extract, newsPage, PAGE_URL, pageDocument, STORY } from './pages';

describe('extractArticle', () => {
  test('a whole article: every field, as a plain object that survives structured cloning', () => {
    const head = `<title>Ministers agree to resume talks - Example News</title>
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2024-03-05T10:00:00Z">
      <meta name="author" content="By Jane Doe">
      <link rel="canonical" href="https://www.example-news.com/world/summit-story">`;
    const result = extract(newsPage({ head }), `${PAGE_URL}?utm_source=x#top`);
    expect(result).toEqual({
      url: 'https://www.example-news.com/world/summit-story',
      title: 'Ministers agree to resume talks',
      byline: 'Jane Doe',
      outlet: 'Example News',
      publishedAt: '2024-03-05',
      language: 'en',
      text: STORY.join('\n\n'),
    });
    expect(structuredClone(result)).toEqual(result);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  test('without a canonical link, the address it was read at', () => {
    expect(extract(newsPage(), 'https://example.com/story?id=4')?.url).toBe(
      'https://example.com/story?id=4',
    );
  });

  test('null when the page has no article', () => {
    const menu = `<ul>${['Home', 'World', 'Politics', 'Business', 'Sport']
      .map((item) => `<li><a href="/${item}">${item}</a></li>`)
      .join('')}</ul>`;
    expect(extract(newsPage({ article: menu }))).toBeNull();
    expect(
      extract('<!doctype html><html><head><title>Empty</title></head><body></body></html>'),
    ).toBeNull();
  });

  test('null when what is readable is shorter than a short article', () => {
    expect(
      extract(newsPage({ article: '<p>Breaking: ministers meet in Geneva, more soon.</p>' })),
    ).toBeNull();
  });

  test('leaves the page exactly as it was, and writes no HTML', () => {
    const doc = pageDocument(
      newsPage({
        article: `<div><p>${STORY[0]}</p><p>${STORY[1]}</p><noscript><img src="x.jpg"></noscript></div>`,
      }),
    );
    const before = serialize(doc);
    const innerHtml = innerHtmlSetter(doc);
    // Too short on the first attempt: Readability retries, restoring the page in between.
    const result = extractArticle(doc, PAGE_URL);
    expect(result?.text).toBe(`${STORY[0]}\n\n${STORY[1]}`);
    expect(innerHtml).not.toHaveBeenCalled();
    expect(serialize(doc)).toBe(before);
  });

  test('hostile markup: scripts, styles and event handlers never reach the text', () => {
    const article = `<p onclick="steal()">${STORY[0]}<script>document.title = 'owned'; window.stolen = 1;</script></p>
      <style>body { display: none } p::after { content: "styled text" }</style>
      <img src="x" onerror="window.stolen = 2">
      <iframe srcdoc="<p>framed text</p>"></iframe>
      <p>${STORY[1]}<noscript>noscript text</noscript></p>
      <template><p>template text</p></template>
      <p>${STORY[2]}</p><p>${STORY[3]}</p>`;
    const result = extract(newsPage({ article }));
    expect(result?.text).toBe(STORY.join('\n\n'));
    for (const foreign of [
      'steal',
      'owned',
      'stolen',
      'display',
      'styled',
      'framed',
      'noscript',
      'template',
    ]) {
      expect(result?.text).not.toContain(foreign);
    }
  });
});

/** The document as a string: tests only, to compare before and after. */
function serialize(doc: Document): string {
  return doc.documentElement.outerHTML;
}

/** A spy on the innerHTML setter of the elements of `doc`. */
function innerHtmlSetter(doc: Document) {
  let prototype: object | null = doc.createElement('div');
  while (prototype && !Object.getOwnPropertyDescriptor(prototype, 'innerHTML')) {
    prototype = Object.getPrototypeOf(prototype);
  }
  if (!prototype) throw new Error('no innerHTML property found');
  return vi.spyOn(prototype as Element, 'innerHTML', 'set');
}
