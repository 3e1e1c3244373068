/**
 * The names Briefings puts into a page: the mark element, its class and attributes, and how our
 * own UI is told apart. Prefixed, so no page's CSS or scripts collide with them.
 */

export const MARK_TAG = 'mark';
export const MARK_CLASS = 'briefings-mark';
/** Selects our marks, and only ours. */
export const MARK_SELECTOR = `${MARK_TAG}.${MARK_CLASS}`;
/** Added for a moment to the mark the popup's "On this page" brings into view. */
export const REVEALED_CLASS = `${MARK_CLASS}--revealed`;
/** The id of the entity a mark names, in test builds only, for tests (lib/page/own-marks.ts). */
export const MARK_ENTITY_ATTRIBUTE = 'data-briefings-entity';
/** Set on the root of any UI Briefings injects, so the scan never reads it. */
export const OWN_UI_ATTRIBUTE = 'data-briefings-ui';
/** Custom elements hosting our shadow-root UI are named `briefings-…`. */
const OWN_UI_TAG_PREFIX = 'briefings-';

/** A mark of ours (or a copy of one a page script made by re-parsing our markup). */
export function isMarkElement(element: Element): boolean {
  return element.localName === MARK_TAG && element.classList.contains(MARK_CLASS);
}

export function isOwnUi(element: Element): boolean {
  return element.localName.startsWith(OWN_UI_TAG_PREFIX) || element.hasAttribute(OWN_UI_ATTRIBUTE);
}
