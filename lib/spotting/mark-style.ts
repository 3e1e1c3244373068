/**
 * The only CSS Briefings puts on a page: how a mark looks. A quiet dotted underline that reads
 * on light and dark pages alike, a tint on hover and focus; everything else (font, colour) is
 * the page's. Injected per root: a shadow root does not see the document's styles.
 */
import { MARK_CLASS, MARK_TAG, OWN_UI_ATTRIBUTE } from './mark-names';

const mark = `${MARK_TAG}.${MARK_CLASS}`;

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

/** Adds the mark style to a document or shadow root; returns the function that removes it. */
export function injectMarkStyle(root: Document | ShadowRoot): () => void {
  const isDocument = root.nodeType === Node.DOCUMENT_NODE;
  const ownerDocument = isDocument ? (root as Document) : (root.ownerDocument as Document);
  const style = ownerDocument.createElement('style');
  style.setAttribute(OWN_UI_ATTRIBUTE, 'mark-style');
  style.textContent = MARK_CSS;
  const parent = isDocument ? (ownerDocument.head ?? ownerDocument.documentElement) : root;
  parent.append(style);
  return () => style.remove();
}
