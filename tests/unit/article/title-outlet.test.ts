import { describe, expect, test } from 'vitest';
import { extract, newsPage, STORY } from './pages';

const paragraphs = STORY.map((paragraph) => `<p>${paragraph}</p>`).join('');
const jsonLd = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('title', () => {
  test.each([
    ['Ministers agree to resume talks - Example News', 'Example News'],
    ['Ministers agree to resume talks | Example News World', 'Example News'],
    ['Ministers agree to resume talks | World News - The Example News', 'Example News'],
    ['Ministers agree to resume talks — example-news.com', 'Example News'],
    ['Example News | Ministers agree to resume talks', 'Example News'],
  ])('"%s" without the site name', (title, siteName) => {
    const head = `<title>${title}</title><meta property="og:site_name" content="${siteName}">`;
    const result = extract(newsPage({ head }));
    // " | World News" names a section, not the site: it stays, as only the site's name goes.
    expect(result?.title).toBe(
      title.includes('World News')
        ? 'Ministers agree to resume talks | World News'
        : 'Ministers agree to resume talks',
    );
  });

  test('separators inside the headline stay; only the parts naming the site go', () => {
    const head = `<meta property="og:title" content="Biden - Putin summit: what to expect | Example News Politics">
      <meta property="og:site_name" content="Example News">`;
    expect(extract(newsPage({ head }))?.title).toBe('Biden - Putin summit: what to expect');
  });

  test('og:title comes before <title>', () => {
    const head = `<title>SEO title for the story - Example News</title>
      <meta property="og:title" content="Ministers agree to resume talks">`;
    expect(extract(newsPage({ head }))?.title).toBe('Ministers agree to resume talks');
  });

  test('the printed <h1> when the declared title is a longer form of it', () => {
    const head = `<meta property="og:title" content="Geneva talks: Ministers agree to resume prisoner exchange talks | World - Example News">
      <meta property="og:site_name" content="Example News">`;
    const article = `<h1>Ministers agree to resume exchange talks</h1>${paragraphs}`;
    expect(extract(newsPage({ head, article }))?.title).toBe(
      'Ministers agree to resume exchange talks',
    );
  });

  test('an <h1> that is the site name, or unrelated, is not the headline', () => {
    const head = `<meta property="og:title" content="Ministers agree to resume talks">
      <meta property="og:site_name" content="Example News">`;
    const around = '<h1>Example News</h1><h1>Most read today</h1>';
    expect(extract(newsPage({ head, around }))?.title).toBe('Ministers agree to resume talks');
  });

  test('JSON-LD: of headline and name, the one that agrees with <title>', () => {
    const head = `<title>New Zealand - Wikipedia</title>${jsonLd({
      '@context': 'https://schema.org',
      '@type': 'Article',
      name: 'New Zealand',
      headline: 'constitutional monarchy in Oceania',
    })}`;
    expect(extract(newsPage({ head }), 'https://en.wikipedia.org/wiki/NZ')?.title).toBe(
      'New Zealand',
    );
  });

  test('entities escaped twice in metadata are decoded', () => {
    const head =
      '<meta property="og:title" content="Gates: &amp;#x27;Friendly&amp;#x27; &amp;amp; wary">';
    expect(extract(newsPage({ head }))?.title).toBe("Gates: 'Friendly' & wary");
  });

  test('with no title at all, the first <h1>', () => {
    const article = `<h1>Ministers agree to resume talks</h1>${paragraphs}`;
    expect(extract(newsPage({ article }))?.title).toBe('Ministers agree to resume talks');
  });
});

describe('outlet', () => {
  test('og:site_name first', () => {
    const head = `<meta property="og:site_name" content="Example News">
      <meta name="application-name" content="ExNews app">
      ${jsonLd({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Example Media Group' } })}`;
    expect(extract(newsPage({ head }))?.outlet).toBe('Example News');
  });

  test('a site name written in lower case is spelled as its titles spell it', () => {
    const head = `<title>Ministers agree to resume talks - Infobae</title>
      <meta property="og:site_name" content="infobae">`;
    expect(extract(newsPage({ head }), 'https://www.infobae.com/a')?.outlet).toBe('Infobae');
  });

  test('JSON-LD publisher, given by @id in an @graph', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsMediaOrganization',
          '@id': 'https://x.test/#org',
          name: 'The Daily Example',
        },
        { '@type': 'NewsArticle', publisher: { '@id': 'https://x.test/#org' } },
      ],
    });
    expect(extract(newsPage({ head }))?.outlet).toBe('The Daily Example');
  });

  test('application-name when nothing else names the site', () => {
    const head = '<meta name="application-name" content="The Example Herald">';
    expect(extract(newsPage({ head }))?.outlet).toBe('The Example Herald');
  });

  test("the title's site name over a publisher that does not match the address", () => {
    const head = `<title>New Zealand - Wikipedia</title>
      ${jsonLd({ '@type': 'Article', name: 'New Zealand', publisher: { name: 'Wikimedia Foundation, Inc.' } })}`;
    const result = extract(newsPage({ head }), 'https://en.wikipedia.org/wiki/New_Zealand');
    expect(result?.outlet).toBe('Wikipedia');
    expect(result?.title).toBe('New Zealand');
  });

  test('the address, as the page spells its name, else the host without www', () => {
    const spelled = '<meta property="og:title" content="Axios Finish Line">';
    expect(extract(newsPage({ head: spelled }), 'https://link.axios.com/view/1')?.outlet).toBe(
      'Axios',
    );
    expect(extract(newsPage(), 'https://www.example-news.com/a')?.outlet).toBe('example-news.com');
    expect(extract(newsPage(), 'http://127.0.0.1:8080/page.html')?.outlet).toBe('127.0.0.1');
  });

  test('a byline that only names the outlet is no byline', () => {
    const head = `<meta property="og:site_name" content="Example News">
      <meta name="author" content="Example News">`;
    expect(extract(newsPage({ head }))?.byline).toBeNull();
    const named = `<meta name="author" content="Jane Doe">`;
    expect(extract(newsPage({ head: named }))?.byline).toBe('Jane Doe');
  });

  test('JSON-LD authors, all of them', () => {
    const head = jsonLd({
      '@type': 'NewsArticle',
      author: [
        { '@type': 'Person', name: 'Jane Doe' },
        { '@type': 'Person', name: 'John Roe' },
      ],
    });
    expect(extract(newsPage({ head }))?.byline).toBe('Jane Doe, John Roe');
  });
});

describe('address and language', () => {
  test('the canonical address, resolved against the page, when it is http(s)', () => {
    const relative = '<link rel="canonical" href="/world/summit-story">';
    expect(extract(newsPage({ head: relative }), 'https://example.com/amp/s?utm=1')?.url).toBe(
      'https://example.com/world/summit-story',
    );
    const other = '<link rel="canonical" href="javascript:alert(1)">';
    expect(extract(newsPage({ head: other }), 'https://example.com/s')?.url).toBe(
      'https://example.com/s',
    );
  });

  test('<html lang>, or null', () => {
    expect(extract(newsPage({ lang: 'es' }))?.language).toBe('es');
    expect(extract(newsPage().replace(' lang="en"', ''))?.language).toBeNull();
  });
});
