/**
 * The only CSS Briefings puts on a page: how a mark looks. A quiet dotted underline that reads
 * on light and dark pages alike, a tint on hover and focus; everything else (font, colour) is
 * the page's. Injected per root: a shadow root does not see the document's styles.
 */
import type { HighlightStyle } from '@/lib/settings';
import { MARK_SELECTOR, OWN_UI_ATTRIBUTE, REVEALED_CLASS } from './mark-names';

const mark = MARK_SELECTOR;

export const MARK_CSS = `
${mark} {
  background: transparent;
  color: inherit;
  font: inherit;
  padding: 0;
  border-radius: 2px;
  text-decoration: underline dotted rgba(176, 112, 0, 0.8);
  text-decoration-thickness: 1.5px;
  text-underline-offset: 0.2em;
  cursor: help;
}
${mark}:hover,
${mark}:focus-visible {
  background: rgba(255, 196, 64, 0.28);
}
${mark}:focus-visible {
  outline: 2px solid rgba(176, 112, 0, 0.9);
  outline-offset: 1px;
}
@media (prefers-color-scheme: dark) {
  ${mark} {
    text-decoration-color: rgba(255, 208, 120, 0.85);
  }
  ${mark}:hover,
  ${mark}:focus-visible {
    background: rgba(255, 208, 120, 0.22);
  }
}
`;

/**
 * The user's choice of look, on top of the base style. "strong" is for colour-blind readers: a
 * thick solid underline in the Okabe–Ito blue, told apart by shape and weight, not by hue.
 */
const STYLE_CSS: Record<HighlightStyle, string> = {
  underline: '',
  tint: `
${mark} { text-decoration: none; background: rgba(255, 196, 64, 0.22); }
@media (prefers-color-scheme: dark) { ${mark} { background: rgba(255, 208, 120, 0.18); } }`,
  outline: `
${mark} { text-decoration: none; box-shadow: inset 0 0 0 1px rgba(176, 112, 0, 0.75); }
@media (prefers-color-scheme: dark) { ${mark} { box-shadow: inset 0 0 0 1px rgba(255, 208, 120, 0.8); } }`,
  strong: `
${mark} { text-decoration: underline solid #0072b2; text-decoration-thickness: 3px; }
${mark}:hover, ${mark}:focus-visible { background: rgba(0, 114, 178, 0.18); }
@media (prefers-color-scheme: dark) { ${mark} { text-decoration-color: #56b4e9; } }`,
};

/** "On this page" in the popup brings a mark into view and makes it stand out for a moment. */
const REVEALED_CSS = `
${mark}.${REVEALED_CLASS} { outline: 3px solid rgba(176, 112, 0, 0.9); outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  ${mark}.${REVEALED_CLASS} { animation: briefings-reveal 0.8s ease-in-out 2; }
  @keyframes briefings-reveal { 50% { outline-color: transparent; } }
}`;

/** Adds the mark style to a document or shadow root; returns the function that removes it. */
export function injectMarkStyle(
  root: Document | ShadowRoot,
  highlightStyle: HighlightStyle = 'underline',
): () => void {
  const isDocument = root.nodeType === Node.DOCUMENT_NODE;
  const ownerDocument = isDocument ? (root as Document) : (root.ownerDocument as Document);
  const style = ownerDocument.createElement('style');
  style.setAttribute(OWN_UI_ATTRIBUTE, 'mark-style');
  style.textContent = MARK_CSS + STYLE_CSS[highlightStyle] + REVEALED_CSS;
  const parent = isDocument ? (ownerDocument.head ?? ownerDocument.documentElement) : root;
  parent.append(style);
  return () => style.remove();
}
