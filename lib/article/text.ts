/**
 * An article element as plain text: one paragraph per block (paragraph, heading, list item,
 * quotation, line break), whitespace inside a paragraph collapsed to single spaces. Readability has
 * already removed most of a page's furniture; what it keeps and no reader reads as the article is
 * left out here: images with their captions, players, data tables, citation marks, links standing
 * alone (related stories), share bars and labels such as "Advertisement".
 */

/** Elements that start and end a paragraph. Anything else runs on with the text around it. */
// biome-ignore format: a list of names reads best packed
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

/** Never the article's prose, with everything inside. */
// biome-ignore format: a list of names reads best packed
const SKIPPED = new Set([
  'aside', 'audio', 'button', 'canvas', 'embed', 'figcaption', 'figure', 'footer', 'form',
  'head', 'iframe', 'img', 'input', 'label', 'map', 'math', 'nav', 'noscript', 'object',
  'picture', 'rp', 'rt', 'script', 'select', 'source', 'style', 'svg', 'template', 'textarea',
  'title', 'video',
]);

/** An image or a player, and the blocks that hold one with a caption: with little text, skipped. */
const MEDIA = 'img, picture, video, audio, iframe, embed, object, svg, canvas';
const MEDIA_HOLDERS = new Set(['article', 'center', 'div', 'header', 'section']);
const CAPTION_LENGTH = 200;

/**
 * Tables of data, not prose: with a caption or header cells, or no paragraph in any cell. What is
 * left are tables used for layout (e-mail newsletters are made of them).
 */
const DATA_TABLE_PARTS = 'caption, th, thead, [role="columnheader"], [role="rowheader"]';
const PROSE_IN_TABLE = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, pre';

/**
 * Words of class names and ids that mark furniture ("ad-slot-dynamic", "video-resource__details",
 * "share-bar", "photoCredit"). Readability keeps those it let through when asked to.
 */
// biome-ignore format: a list of names reads best packed
const FURNITURE_CLASS_WORDS = new Set([
  'ad', 'ads', 'advert', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'promo',
  'promoted', 'outbrain', 'taboola', 'share', 'sharing', 'social', 'related', 'newsletter',
  'subscribe', 'subscription', 'caption', 'credit', 'credits', 'player', 'video', 'gallery',
]);

/** Paragraphs that are only a label of the page's furniture. */
const FURNITURE_LABEL = new RegExp(
  `^(?:${[
    'advertisement',
    'advertisements',
    'advertising',
    'ads?',
    'sponsored(?: content)?',
    'paid content',
    'publicidad',
    'anuncio',
    '(?:story|article) continues below(?: this)? advertisement',
    'continue reading(?: the main story| below)?',
    'scroll to continue(?: with content)?',
    'skip advertisement',
    '(?:follow|join) us(?: on [\\p{L} ]+)?',
    'share(?: this)?(?: article| story| page)?(?: on [\\p{L} ]+)?',
    '(?:read|see|view) (?:more|also)',
    'also read',
    'related(?: articles| stories| content| coverage)?',
    'more on this(?: story| topic)?',
    'listen to this article',
    'seguir leyendo',
    'lee también',
    'leer más',
    'compartir',
    'síguenos(?: en [\\p{L} ]+)?',
  ].join('|')})[\\s.:!…]*$`,
  'iu',
);

/** Words of share bars: a paragraph whose text is mostly pieces made only of them is one. */
// biome-ignore format: a list of names reads best packed
const SHARE_WORDS = new Set([
  'facebook', 'twitter', 'x', 'instagram', 'youtube', 'linkedin', 'whatsapp', 'telegram',
  'pinterest', 'reddit', 'tiktok', 'threads', 'flipboard', 'messenger', 'email', 'mail', 'print',
  'share', 'copy', 'link', 'comments',
]);

/** The paragraphs of `root`'s text, in order. */
export function paragraphsOf(root: Element): string[] {
  const paragraphs: string[] = [];
  let text = '';
  /** Letters and digits of the paragraph: all, outside links, in pieces naming share buttons. */
  let letters = 0;
  let unlinked = 0;
  let sharing = 0;
  let linkDepth = 0;

  const endParagraph = () => {
    const paragraph = text.replace(/\s+/g, ' ').trim();
    const furniture = unlinked === 0 || sharing >= 0.6 * letters || FURNITURE_LABEL.test(paragraph);
    if (paragraph && !furniture) paragraphs.push(paragraph);
    text = '';
    letters = unlinked = sharing = 0;
  };

  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const data = node.nodeValue ?? '';
      const count = data.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
      text += data;
      letters += count;
      if (linkDepth === 0) unlinked += count;
      if (count > 0 && namesShareButtons(data)) sharing += count;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (tag === 'br') return endParagraph();
    if (element !== root && isSkipped(element, tag)) return;
    const block = BLOCKS.has(tag);
    if (block) endParagraph();
    if (tag === 'a') linkDepth++;
    for (const child of element.childNodes) visit(child);
    if (tag === 'a') linkDepth--;
    if (block) endParagraph();
  };

  visit(root);
  endParagraph();
  return dropTrailingLabels(paragraphs);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isSkipped(element: Element, tag: string): boolean {
  if (SKIPPED.has(tag)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')) {
    return true;
  }
  if (namesFurniture(`${element.getAttribute('class') ?? ''} ${element.id}`)) return true;
  // Citation marks: "[12]", "[n 1]", "[citation needed]".
  if (tag === 'sup' && /^\s*\[[^\]]*\]\s*$/.test(element.textContent ?? '')) return true;
  if (tag === 'table') {
    return (
      element.querySelector(DATA_TABLE_PARTS) !== null ||
      element.querySelector(PROSE_IN_TABLE) === null
    );
  }
  if (MEDIA_HOLDERS.has(tag) && element.querySelector(MEDIA) !== null) {
    return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length < CAPTION_LENGTH;
  }
  return false;
}

function namesFurniture(classesAndId: string): boolean {
  const words = classesAndId
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => FURNITURE_CLASS_WORDS.has(word));
}

/** "Facebook", "Share on X", "Email": a piece of text made only of share buttons' words. */
function namesShareButtons(data: string): boolean {
  const words = data.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((word) => SHARE_WORDS.has(word) || word === 'on');
}

/** A short label ending in a colon with nothing after it ("Seguir leyendo:", "Read more:"). */
function dropTrailingLabels(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  while (end > 0) {
    const last = paragraphs[end - 1] ?? '';
    if (!/:\s*$/.test(last) || last.split(/\s+/).length > 6) break;
    end--;
  }
  return paragraphs.slice(0, end);
}
