/**
 * The user's settings: global pause, per-site rules and how marks look. Stored in the settings
 * table, one row per key, so that writing one never races with writing another.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, GeneralSettings, type SiteRule } from '@/lib/settings';
import type { BriefingsDatabase } from './db';

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
