/**
 * The articles the real pages of ../shared/fixtures/pages hold: where each was published, what
 * its metadata honestly gives, sentences of its body and furniture around it. Shared by the
 * extraction and "Add this article" tests. Reading a missing page fails the test that asked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ExtractedArticle } from '../../lib/article/extract';

export const pagesDir = fileURLToPath(new URL('../../../shared/fixtures/pages', import.meta.url));

export interface PageCase {
  /** Where the page was published (SOURCES.md), or where it is read. */
  address: string;
  /** What the page's metadata gives. */
  expected: Omit<ExtractedArticle, 'text' | 'byline'>;
  /** Sentences of the article's body. */
  sentences: string[];
  /** Text the page shows around the article, never part of it. */
  furniture: string[];
}

export const PAGES: Record<string, PageCase> = {
  'cnn-gates-tillerson-russia.html': {
    address:
      'https://www.cnn.com/2016/12/18/politics/bob-gates-rex-tillerson-trump-russia/index.html',
    expected: {
      url: 'https://www.cnn.com/2016/12/18/politics/bob-gates-rex-tillerson-trump-russia/index.html',
      // The printed headline (also og:title and JSON-LD); only <title> words it differently.
      title: 'Gates on Tillerson and Russia: ‘Being friendly doesn’t make you friends’',
      outlet: 'CNN',
      publishedAt: '2016-12-18',
      language: 'en',
    },
    sentences: [
      'But Gates said Tillerson’s business relationship with Putin is being mistaken for a close personal friendship.',
    ],
    furniture: ['Video Ad Feedback', 'Obama on hacking'],
  },
  'abcnews-clinton-putin.html': {
    address:
      'http://abcnews.go.com/US/hillary-clinton-putins-alleged-involvement-democratic-hack-stems/story?id=44233864',
    expected: {
      // Its canonical link: https.
      url: 'https://abcnews.go.com/US/hillary-clinton-putins-alleged-involvement-democratic-hack-stems/story?id=44233864',
      title:
        "Hillary Clinton: Putin's Alleged Involvement in Democratic Hack Stems From 'Personal Beef'",
      outlet: 'ABC News',
      // "December 16, 2016" is printed, but no metadata carries it.
      publishedAt: null,
      language: 'en',
    },
    sentences: [
      'There is a widespread perception among followers of U.S.-Russia relations that Putin holds a grudge against Clinton over what he sees as her efforts to have him pushed out when she was secretary of state.',
    ],
    furniture: ['Turn on desktop notifications', 'Evan Vucci/AP Photo', 'LOG IN'],
  },
  'timesofindia-china-kashmir.html': {
    address:
      'https://timesofindia.indiatimes.com/india/china-snubs-imran-says-resolve-jk-bilaterally/articleshow/71496416.cms',
    expected: {
      url: 'https://timesofindia.indiatimes.com/india/china-snubs-imran-says-resolve-jk-bilaterally/articleshow/71496416.cms',
      // The printed headline; og:title and <title> carry a longer form for search engines.
      title: 'China snubs Imran Khan, says resolve J&K bilaterally',
      outlet: 'The Times of India',
      // "Updated: Oct 9, 2019" is printed, but no metadata carries it.
      publishedAt: null,
      language: 'en',
    },
    sentences: [
      'China on Tuesday significantly modified its position on the Kashmir dispute by omitting its recent references to the UN charter and Security Council resolutions',
    ],
    furniture: [
      'FOLLOW US ON SOCIAL MEDIA',
      'KOO APP',
      'Read this story in Bengali',
      'File photo of Chinese president Xi Jinping',
      'Text Size',
    ],
  },
  'infobae-muratov-putin-es.html': {
    address:
      'https://www.infobae.com/america/mundo/2022/05/03/el-nobel-de-la-paz-ruso-dmitry-muratov-advirtio-que-el-regimen-de-vladimir-putin-podria-utilizar-armas-nucleares-en-ucrania/',
    expected: {
      url: 'https://www.infobae.com/america/mundo/2022/05/03/el-nobel-de-la-paz-ruso-dmitry-muratov-advirtio-que-el-regimen-de-vladimir-putin-podria-utilizar-armas-nucleares-en-ucrania/',
      title:
        'El Nobel de la Paz ruso, Dmitry Muratov, advirtió que el régimen de Vladimir Putin podría utilizar armas nucleares en Ucrania',
      outlet: 'Infobae',
      publishedAt: '2022-05-03',
      language: 'es',
    },
    sentences: [
      'El periodista ruso laureado con el último premio Nobel de la Paz, Dmitry Muratov, denunció este martes la propaganda rusa que aboga por usar armas nucleares en el conflicto de Ucrania',
    ],
    furniture: ['Seguir leyendo', 'REUTERS/Denis Balibouse', 'Últimas Noticias'],
  },
  'axios-am-newsletter.html': {
    // An e-mail newsletter: read where its "View in browser" link leads.
    address: 'https://link.axios.com/view/624d3447776363102d0b2208hbv6u.bdsb/95d21d5c',
    expected: {
      url: 'https://link.axios.com/view/624d3447776363102d0b2208hbv6u.bdsb/95d21d5c',
      // What its og:title says (the template names a sister newsletter); it has no other title.
      title: 'Axios Finish Line',
      // No site name in the metadata: the host's name, as the page itself spells it.
      outlet: 'Axios',
      publishedAt: null,
      language: null,
    },
    sentences: [
      "The war in Ukraine is set to dominate this week's UN General Assembly meeting, overshadowing other global dilemmas like food security, climate change and other political and humanitarian crises around the world.",
    ],
    furniture: ['A message from Pfizer', 'Presented By Pfizer', 'unsubscribe', 'Smart Brevity'],
  },
  'wikipedia-new-zealand.html': {
    address: 'https://en.wikipedia.org/wiki/New_Zealand',
    expected: {
      url: 'https://en.wikipedia.org/wiki/New_Zealand',
      title: 'New Zealand',
      // The title's "- Wikipedia", not the JSON-LD publisher (Wikimedia Foundation, Inc.).
      outlet: 'Wikipedia',
      // JSON-LD datePublished: when the article was first published.
      publishedAt: '2001-10-29',
      language: 'en',
    },
    sentences: ['is a sovereign island country in the southwestern Pacific Ocean.'],
    furniture: [
      'Jump to navigation',
      'From Wikipedia, the free encyclopedia',
      'Coordinates:',
      'Largest city',
    ],
  },
};

export function pageHtml(file: string): string {
  // Missing pages fail each test (a skipped test would pass unnoticed).
  expect(existsSync(pagesDir), `the real pages are missing: expected them in ${pagesDir}`).toBe(
    true,
  );
  expect(existsSync(join(pagesDir, file)), `${file} is missing from ${pagesDir}`).toBe(true);
  return readFileSync(join(pagesDir, file), 'utf8');
}
