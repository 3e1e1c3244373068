/**
 * The user's settings: global pause, per-site rules and how marks look. Stored in the settings
 * table, one row per key, so that writing one never races with writing another.
 */
import * as v from 'valibot';
import type { BriefingsDatabase } from './db';

export const HIGHLIGHT_STYLES = ['underline', 'tint', 'outline', 'strong'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const GeneralSettings = v.object({
  /** Highlighting off everywhere until resumed. */
  paused: v.boolean(),
  /** Places are marked at their first mention on a page unless this is on. */
  markEveryPlaceMention: v.boolean(),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
});
export type GeneralSettings = v.InferOutput<typeof GeneralSettings>;

export const DEFAULT_SETTINGS: GeneralSettings = {
  paused: false,
  markEveryPlaceMention: false,
  highlightStyle: 'underline',
};

export interface SiteRule {
  host: string;
  enabled: boolean;
}

const GENERAL_KEY = 'general';
const SITE_PREFIX = 'site:';

export class SettingsStore {
  constructor(private readonly db: BriefingsDatabase) {}

  async general(): Promise<GeneralSettings> {
    const row = await this.db.settings.get(GENERAL_KEY);
    // Settings saved by an older version keep what still applies; new fields get defaults.
    const merged = { ...DEFAULT_SETTINGS, ...(row?.value as object | undefined) };
    const parsed = v.safeParse(GeneralSettings, merged);
    return parsed.success ? parsed.output : DEFAULT_SETTINGS;
  }

  async updateGeneral(change: Partial<GeneralSettings>): Promise<GeneralSettings> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const next = v.parse(GeneralSettings, { ...(await this.general()), ...change });
      await this.db.settings.put({ key: GENERAL_KEY, value: next });
      return next;
    });
  }

  async siteRules(): Promise<SiteRule[]> {
    const rows = await this.db.settings.where('key').startsWith(SITE_PREFIX).toArray();
    return rows.map((row) => ({
      host: row.key.slice(SITE_PREFIX.length),
      enabled: row.value === true,
    }));
  }

  /** Whether the user allows highlighting on a host (true unless they turned it off). */
  async siteEnabled(host: string): Promise<boolean> {
    const row = await this.db.settings.get(SITE_PREFIX + host);
    return row?.value !== false;
  }

  async setSiteEnabled(host: string, enabled: boolean): Promise<void> {
    // Sites are on by default: only the exceptions are stored.
    if (enabled) await this.db.settings.delete(SITE_PREFIX + host);
    else await this.db.settings.put({ key: SITE_PREFIX + host, value: false });
  }
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
