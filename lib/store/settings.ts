/**
 * The user's settings: global pause, per-site rules, how marks look, and the names they hid
 * (everywhere, or on one site). Stored in the settings table, one row per key, so that writing
 * one never races with writing another.
 */
import * as v from 'valibot';
import {
  DEFAULT_SETTINGS,
  GeneralSettings,
  HiddenName,
  SiteExclusion,
  type SiteRule,
} from '@/lib/settings';
import type { BriefingsDatabase } from './db';

const GENERAL_KEY = 'general';
const SITE_PREFIX = 'site:';
const HIDDEN_PREFIX = 'hidden:';
const NOT_HERE_PREFIX = 'not-here:';
const WELCOMED_KEY = 'meta:welcomed';

/** One row per site and name; a space cannot occur in a host. */
const notHereKey = (host: string, entityId: string) => `${NOT_HERE_PREFIX}${host} ${entityId}`;

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

  /** Names hidden everywhere. */
  async hiddenNames(): Promise<HiddenName[]> {
    return this.validRows(HIDDEN_PREFIX, HiddenName);
  }

  async hideName(entity: HiddenName): Promise<void> {
    await this.db.settings.put({ key: HIDDEN_PREFIX + entity.id, value: entity });
  }

  async showName(entityId: string): Promise<void> {
    await this.db.settings.delete(HIDDEN_PREFIX + entityId);
  }

  /** Names not marked on one site each ("Not this person here"). */
  async siteExclusions(): Promise<SiteExclusion[]> {
    return this.validRows(NOT_HERE_PREFIX, SiteExclusion);
  }

  async excludeOnSite(host: string, entity: HiddenName): Promise<void> {
    await this.db.settings.put({ key: notHereKey(host, entity.id), value: { host, entity } });
  }

  async includeOnSite(host: string, entityId: string): Promise<void> {
    await this.db.settings.delete(notHereKey(host, entityId));
  }

  /** Every entity not to mark on `host`: hidden everywhere, or excluded on that site. */
  async entitiesNotMarkedOn(host: string | null): Promise<string[]> {
    const hidden = (await this.hiddenNames()).map((entity) => entity.id);
    if (host === null) return hidden;
    const rows = await this.db.settings.where('key').startsWith(notHereKey(host, '')).primaryKeys();
    return [...hidden, ...rows.map((key) => String(key).slice(notHereKey(host, '').length))];
  }

  /**
   * True the first time it is asked on this device, false ever after: the welcome page is
   * shown once, whatever the browser reports as an install (Chromium reports one at each start
   * for an extension loaded from a folder).
   */
  async welcomeDue(): Promise<boolean> {
    return this.db.transaction('rw', this.db.settings, async () => {
      if (await this.db.settings.get(WELCOMED_KEY)) return false;
      await this.db.settings.put({ key: WELCOMED_KEY, value: true });
      return true;
    });
  }

  /** The rows under a prefix that still read as `schema` (a damaged row is left out). */
  private async validRows<T>(prefix: string, schema: v.GenericSchema<unknown, T>): Promise<T[]> {
    const rows = await this.db.settings.where('key').startsWith(prefix).toArray();
    return rows.flatMap((row) => {
      const parsed = v.safeParse(schema, row.value);
      return parsed.success ? [parsed.output] : [];
    });
  }
}
