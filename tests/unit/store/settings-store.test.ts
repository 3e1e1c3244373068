import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { BriefingsDatabase } from '@/lib/store/db';
import { SettingsStore } from '@/lib/store/settings';

let db: BriefingsDatabase;
let store: SettingsStore;
const putin = { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' as const };
const kremlin = { id: 'kremlin', name: 'Kremlin', kind: 'organization' as const };

beforeEach(() => {
  db = new BriefingsDatabase(`settings-${Math.random()}`);
  store = new SettingsStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('settings saved before kinds could be switched off read as every kind marked', async () => {
  await db.settings.put({
    key: 'general',
    value: { paused: false, markEveryPlaceMention: true, highlightStyle: 'tint' },
  });
  expect(await store.general()).toEqual({
    ...DEFAULT_SETTINGS,
    markEveryPlaceMention: true,
    highlightStyle: 'tint',
    hiddenKinds: [],
  });
});

test('an unknown kind is refused, and the settings stay as they were', async () => {
  await store.updateGeneral({ hiddenKinds: ['place'] });
  await expect(store.updateGeneral({ hiddenKinds: ['planet' as never] })).rejects.toThrow();
  expect((await store.general()).hiddenKinds).toEqual(['place']);
});

test('a name hidden everywhere, or on one site, is not marked there until shown again', async () => {
  await store.hideName(putin);
  await store.excludeOnSite('news.example', kremlin);
  expect(await store.entitiesNotMarkedOn('news.example')).toEqual(['vladimir-putin', 'kremlin']);
  expect(await store.entitiesNotMarkedOn('news.example.org')).toEqual(['vladimir-putin']);
  expect(await store.entitiesNotMarkedOn(null)).toEqual(['vladimir-putin']);
  expect(await store.hiddenNames()).toEqual([putin]);
  expect(await store.siteExclusions()).toEqual([{ host: 'news.example', entity: kremlin }]);

  await store.showName(putin.id);
  await store.includeOnSite('news.example', kremlin.id);
  expect(await store.entitiesNotMarkedOn('news.example')).toEqual([]);
  expect(await store.hiddenNames()).toEqual([]);
});

test('a damaged hidden-name row is left out rather than break the list', async () => {
  await store.hideName(putin);
  await db.settings.put({ key: 'hidden:broken', value: { id: 'broken' } });
  expect(await store.hiddenNames()).toEqual([putin]);
});

test('the welcome page is due once on a device, never again', async () => {
  expect(await store.welcomeDue()).toBe(true);
  expect(await store.welcomeDue()).toBe(false);
  expect(await new SettingsStore(db).welcomeDue()).toBe(false);
});
