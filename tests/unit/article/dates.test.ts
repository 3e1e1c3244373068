import { describe, expect, test } from 'vitest';
import { pagePublicationDay } from '@/lib/article/metadata';
import { extract, newsPage, pageDocument, STORY } from './pages';

const jsonLd = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('the publication date comes from metadata only', () => {
  test('article:published_time, as the publisher wrote the day', () => {
    const head = '<meta property="article:published_time" content="2016-12-18T23:43:31-05:00">';
    expect(extract(newsPage({ head }))?.publishedAt).toBe('2016-12-18');
  });

  test('JSON-LD datePublished of a NewsArticle', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      datePublished: '2022-05-03T20:51:06.620Z',
    });
    expect(extract(newsPage({ head }))?.publishedAt).toBe('2022-05-03');
  });

  test('JSON-LD inside an @graph, next to other nodes', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Example News' },
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': ['ReportageNewsArticle'], datePublished: '2021-03-04' },
      ],
    });
    expect(extract(newsPage({ head }))?.publishedAt).toBe('2021-03-04');
  });

  test('JSON-LD given as an array, the article found among its items', () => {
    const head = jsonLd([
      { '@type': 'VideoObject', uploadDate: '2020-01-01', datePublished: '2020-01-01' },
      { '@type': 'BlogPosting', datePublished: '2019-07-08T09:10:11+02:00' },
    ]);
    expect(extract(newsPage({ head }))?.publishedAt).toBe('2019-07-08');
  });

  test("the WebPage's date when no article node has one", () => {
    const head = jsonLd({
      '@type': 'WebPage',
      datePublished: '2018-02-03',
      mainEntity: { '@type': 'NewsArticle', headline: 'A story' },
    });
    expect(extract(newsPage({ head }))?.publishedAt).toBe('2018-02-03');
  });

  test('itemprop=datePublished', () => {
    const article = `<meta itemprop="datePublished" content="2017-11-12">${STORY.map((p) => `<p>${p}</p>`).join('')}`;
    expect(extract(newsPage({ article }))?.publishedAt).toBe('2017-11-12');
  });

  test('<time datetime> in the article', () => {
    const article = `<p class="dateline"><time datetime="2015-06-07T08:00">June 7</time></p>${STORY.map((p) => `<p>${p}</p>`).join('')}`;
    expect(extract(newsPage({ article }))?.publishedAt).toBe('2015-06-07');
  });

  test('meta tags come before JSON-LD, and JSON-LD before the page body', () => {
    const head = `<meta property="article:published_time" content="2014-01-02">${jsonLd({ '@type': 'Article', datePublished: '2014-09-09' })}`;
    const article = `<time datetime="2014-12-12">Dec 12</time>${STORY.map((p) => `<p>${p}</p>`).join('')}`;
    expect(extract(newsPage({ head, article }))?.publishedAt).toBe('2014-01-02');
  });

  test('malformed JSON-LD says nothing and does not stop the next block', () => {
    const head = `<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>
      <script type="application/ld+json">]]</script>
      <script type="application/ld+json"></script>
      ${jsonLd({ '@type': 'NewsArticle', datePublished: '2013-04-05' })}`;
    expect(extract(newsPage({ head }))?.publishedAt).toBe('2013-04-05');
  });

  test('JSON-LD with raw line breaks inside a string, or wrapped in CDATA, still reads', () => {
    const head = `<script type="application/ld+json">
      //<![CDATA[
      {"@type": "NewsArticle", "headline": "Two
      lines", "datePublished": "2012-03-04"}
      //]]>
    </script>`;
    // The CDATA comment lines make it unreadable; the date is then absent, not guessed.
    expect(extract(newsPage({ head }))?.publishedAt).toBeNull();
    const repaired = `<script type="application/ld+json"><![CDATA[{"@type": "NewsArticle", "headline": "Two
      lines", "datePublished": "2012-03-04"}]]></script>`;
    expect(extract(newsPage({ head: repaired }))?.publishedAt).toBe('2012-03-04');
  });

  test('never guessed from the text, nor from a date that is not ISO or not a real day', () => {
    const head = `<meta property="article:published_time" content="December 18, 2016">
      ${jsonLd({ '@type': 'NewsArticle', datePublished: '2016-02-30' })}`;
    const article = `<p>Published Dec. 18, 2016, 10:05 AM. Updated 2016-12-19.</p>${STORY.map((p) => `<p>${p}</p>`).join('')}`;
    expect(extract(newsPage({ head, article }))?.publishedAt).toBeNull();
  });
});

describe("the card's page day (metadata only, no <time> in the text)", () => {
  const story = STORY.map((p) => `<p>${p}</p>`).join('');
  const pages = {
    'meta tag': {
      head: '<meta property="article:published_time" content="2016-12-18T23:43:31-05:00">',
    },
    'meta tag before JSON-LD': {
      head: `<meta property="article:published_time" content="2014-01-02">${jsonLd({ '@type': 'Article', datePublished: '2014-09-09' })}`,
    },
    'a meta tag that is not ISO falls through to JSON-LD': {
      head: `<meta property="article:published_time" content="December 18, 2016">${jsonLd({ '@type': 'NewsArticle', datePublished: '2016-12-17' })}`,
    },
    'JSON-LD that is not a real day falls through to microdata': {
      head: jsonLd({ '@type': 'NewsArticle', datePublished: '2016-02-30' }),
      article: `<meta itemprop="datePublished" content="2016-03-01">${story}`,
    },
    'no date at all': { article: `<p>Published Dec. 18, 2016.</p>${story}` },
  };

  test.each(Object.entries(pages))('%s: the same day as the article extractor', (_, page) => {
    const html = newsPage(page);
    const day = pagePublicationDay(pageDocument(html));
    expect(day).toBe(extract(html)?.publishedAt ?? null);
  });

  test('reads the day the sources give, in their order', () => {
    expect(pagePublicationDay(pageDocument(newsPage(pages['meta tag before JSON-LD'])))).toBe(
      '2014-01-02',
    );
    const fallsThrough = pages['a meta tag that is not ISO falls through to JSON-LD'];
    expect(pagePublicationDay(pageDocument(newsPage(fallsThrough)))).toBe('2016-12-17');
    const microdata = pages['JSON-LD that is not a real day falls through to microdata'];
    expect(pagePublicationDay(pageDocument(newsPage(microdata)))).toBe('2016-03-01');
    expect(pagePublicationDay(pageDocument(newsPage(pages['no date at all'])))).toBeNull();
  });
});
