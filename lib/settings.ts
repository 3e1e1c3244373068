/**
 * The reader's settings as every context sees them: the options page edits them, the background
 * stores them, pages apply them.
 */
import * as v from 'valibot';
import { EntityKind } from '@/lib/pack/schema';

export const HIGHLIGHT_STYLES = ['underline', 'tint', 'outline', 'strong'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** How the briefing card looks: like the page it opens on, or always light or dark. */
export const CARD_APPEARANCES = ['page', 'light', 'dark'] as const;
export type CardAppearance = (typeof CARD_APPEARANCES)[number];

export const GeneralSettings = v.object({
  /** Highlighting off everywhere until resumed. */
  paused: v.boolean(),
  /** Places are marked at their first mention on a page unless this is on. */
  markEveryPlaceMention: v.boolean(),
  /** Names are marked in a page's article region only (and its headline) unless this is on. */
  markWholePage: v.boolean(),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  cardAppearance: v.picklist(CARD_APPEARANCES),
  /** Kinds of names the reader switched off: never marked on any page. */
  hiddenKinds: v.array(EntityKind),
});
export type GeneralSettings = v.InferOutput<typeof GeneralSettings>;

export const DEFAULT_SETTINGS: GeneralSettings = {
  paused: false,
  markEveryPlaceMention: false,
  markWholePage: false,
  highlightStyle: 'underline',
  cardAppearance: 'page',
  hiddenKinds: [],
};

/** A name as the reader hid it: kept with its name and kind so options can list it. */
export const HiddenName = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  kind: EntityKind,
});
export type HiddenName = v.InferOutput<typeof HiddenName>;

/** "Not this person here": a name the reader does not want marked on one site. */
export const SiteExclusion = v.object({
  host: v.pipe(v.string(), v.minLength(1)),
  entity: HiddenName,
});
export type SiteExclusion = v.InferOutput<typeof SiteExclusion>;

export interface SiteRule {
  host: string;
  enabled: boolean;
}

/** The host a site rule is about: "www." is dropped so a rule covers the site either way. */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '');
  } catch {
    return null; // not a URL: no site to speak of
  }
}
