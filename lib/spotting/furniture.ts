/**
 * Page furniture: what a page says about itself rather than its story. Bylines, datelines,
 * credits, copyright lines, breadcrumbs, share and social bars, footers, reference lists and
 * citations, edition and language pickers. A name there is not something the reader is reading
 * about ("By Eric Bradner, CNN", "The New York Times" in a reference list), so it is never
 * marked, whatever the region.
 *
 * Recognised by structure and shared conventions, never by one site's class names: elements and
 * roles (footer, address, contentinfo, the DPUB-ARIA reference roles), microdata and link
 * relations (itemprop=author, rel=author, BreadcrumbList, hreflang), and whole words in class
 * names ("article-byline", "photoCredit", "social-links", "references").
 *
 * Not furniture: `aside` and `figcaption`. Inside an article they hold pull quotes, fact boxes
 * and captions the reader reads; sidebars outside the article are outside the reading region
 * anyway. A credit inside a caption is furniture by its own markup.
 */

const FURNITURE_SELECTOR =
  'footer, address, menu, [role~="contentinfo"], [role~="doc-bibliography"], ' +
  '[role~="doc-endnotes"], [role~="doc-credits"], ' +
  '[rel~="author"], [itemprop~="author"], [itemprop~="creator"], [itemprop~="copyrightHolder"], ' +
  '[itemprop~="creditText"], [itemtype*="BreadcrumbList"], [aria-label*="breadcrumb" i], ' +
  // Links to the page in other languages or editions: a picker, whatever it looks like.
  'a[hreflang]';

/** Words that name furniture when a class name is split into words ("byline__names"). */
const FURNITURE_CLASS_WORD =
  /(?:^|[^a-z])(?:bylines?|datelines?|credits?|copyright|breadcrumbs?|share|sharing|social|footer|author|references|citations?|bibliography|editions?)(?![a-z])/;

/**
 * A class is a weak signal: an element named so that is or holds the reading itself (the page,
 * an article, the headline, paragraphs in a row) is a wrapper with an unlucky name
 * (`<body class="edition-us">`), not furniture.
 */
const READING = 'html, body, article, main, [role~="main"], [itemprop~="articleBody"]';
const HOLDS_READING = `${READING}, h1, p + p + p`;

/** Answers per class attribute: pages repeat the same few class names on many elements. */
const furnitureClasses = new Map<string, boolean>();
/** Answers per element of the costlier check, asked again for every node added inside it. */
const holdsReading = new WeakMap<Element, boolean>();

/** Whether `element` is page furniture: nothing in it is marked. */
export function isFurniture(element: Element): boolean {
  if (element.matches(FURNITURE_SELECTOR)) return true;
  const className = element.getAttribute('class');
  if (className === null || !hasFurnitureClass(className)) return false;
  let holds = holdsReading.get(element);
  if (holds === undefined) {
    holds = element.matches(READING) || element.querySelector(HOLDS_READING) !== null;
    holdsReading.set(element, holds);
  }
  return !holds;
}

function hasFurnitureClass(className: string): boolean {
  let furniture = furnitureClasses.get(className);
  if (furniture === undefined) {
    // "photoCredit" is "photo credit": camel case splits into words too.
    const words = className.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    furniture = FURNITURE_CLASS_WORD.test(words);
    furnitureClasses.set(className, furniture);
  }
  return furniture;
}

/** "© 2024 Cable News Network", "Copyright 2016 …", "… All rights reserved." */
const COPYRIGHT_LINE = /^[^\p{L}\p{N}]*(?:©|copyright\b|\(c\)\s*\d)|all rights reserved/iu;
/** A copyright line is a line: a paragraph saying "all rights reserved" is prose. */
const COPYRIGHT_LINE_MAX_LENGTH = 300;

/** Whether a run of text is a copyright line, whatever element holds it. */
export function isCopyrightLine(text: string): boolean {
  return text.length <= COPYRIGHT_LINE_MAX_LENGTH && COPYRIGHT_LINE.test(text);
}
