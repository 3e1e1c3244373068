/**
 * The background's API: every call the other contexts may make, with its input schema. Each
 * handler accepts calls only from this extension's own contexts and validates its input; a
 * failure comes back to the caller as an error value (the messaging layer serialises it), never
 * as a crashed worker.
 */
import type { ExtensionMessage, Message } from '@webext-core/messaging';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { hasContentScript } from '@/lib/content-script-reach';
import {
  backgroundMessenger,
  contentMessenger,
  extensionPageMessenger,
  type PageSettings,
} from '@/lib/messaging';
import { PartialDate } from '@/lib/pack/schema';
import { readerUrl } from '@/lib/reader-link';
import { SEARCH_KINDS } from '@/lib/search/kinds';
import { GeneralSettings, siteOf } from '@/lib/settings';
import { findInconsistencies } from '@/lib/store/consistency';
import { exportPackFile, importStagedPacks } from '@/lib/store/pack-files';
import { ArticleSubmissionInput } from './article-input';
import type { BackgroundService } from './service';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Host = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
const inputs = {
  getStatus: v.undefined(),
  getSpotDictionary: v.object({ knownVersion: v.nullable(v.string()) }),
  getPageSettings: v.object({ url: v.string() }),
  getBriefing: v.object({
    entityId: Id,
    quoteLimit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  }),
  getTimeline: v.object({ entityId: v.optional(Id) }),
  search: v.object({
    query: v.pipe(v.string(), v.maxLength(500)),
    kinds: v.optional(v.array(v.picklist(SEARCH_KINDS))),
    from: v.optional(PartialDate),
    to: v.optional(PartialDate),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  }),
  suggestNames: v.object({ query: v.pipe(v.string(), v.maxLength(500)) }),
  getCoverage: v.undefined(),
  listPacks: v.undefined(),
  /** The packs a page staged (see lib/store/staging.ts). */
  importPack: v.object({
    stageId: v.pipe(v.string(), v.uuid()),
    onConflict: v.optional(v.picklist(['refuse', 'replace', 'keep-both'])),
  }),
  exportPack: v.object({ packId: Id }),
  removePack: v.object({ packId: Id }),
  resetToBundled: v.undefined(),
  getSettings: v.undefined(),
  updateSettings: v.partial(GeneralSettings),
  /** Without a host: the site of the page that asks (the card's "Turn off highlighting here"). */
  setSiteEnabled: v.object({ host: v.optional(Host), enabled: v.boolean() }),
  setNameHidden: v.object({ entityId: Id, hidden: v.boolean() }),
  /** "Not this person here"; without a host, the site of the page that asks. */
  setExcludedOnSite: v.object({ entityId: Id, host: v.optional(Host), excluded: v.boolean() }),
  getStorageSummary: v.undefined(),
  getChangeInProgress: v.undefined(),
  checkConsistency: v.undefined(),
  getEntityNames: v.object({ ids: v.pipe(v.array(Id), v.maxLength(5000)) }),
  openBriefingsPage: v.object({ entityId: Id }),
  getDocument: v.object({ packId: Id, documentId: Id }),
  addArticleFromTab: v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  addArticle: ArticleSubmissionInput,
  listReadings: v.undefined(),
  removeReading: v.object({ documentId: Id }),
  recompileReading: v.object({ documentId: Id }),
  openReader: v.object({
    packId: Id,
    documentId: Id,
    at: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
};

/** Who sent a call: a content script's tab, or none for the extension's own pages. */
interface Sender {
  id?: string;
  /** The page or frame that sent it. */
  url?: string;
  tab?: { id?: number; index?: number };
}

type Inputs = { [K in keyof typeof inputs]: v.InferOutput<(typeof inputs)[K]> };

/** The handlers: plain async functions of validated input, tested directly. */
export function backgroundHandlers(service: BackgroundService) {
  const { corpus, settings } = service;
  const ready = () => service.whenReady();
  // Only an open options page listens; nobody listening is fine.
  corpus.onRemovalProgress = (progress) =>
    extensionPageMessenger.sendMessage('changeProgress', progress).catch(() => undefined);

  const pageSettings = async (url: string): Promise<PageSettings> => {
    const general = await settings.general();
    const site = siteOf(url);
    return {
      enabled: !general.paused && site !== null && (await settings.siteEnabled(site)),
      markEveryPlaceMention: general.markEveryPlaceMention,
      markWholePage: general.markWholePage,
      highlightStyle: general.highlightStyle,
      cardAppearance: general.cardAppearance,
      hiddenKinds: general.hiddenKinds,
      hiddenEntityIds: await settings.entitiesNotMarkedOn(site),
    };
  };

  /** The site a choice is about: the one named, or that of the page asking. */
  const siteOfCall = (host: string | undefined, sender: Sender): string => {
    const site = host ?? (sender.url ? siteOf(sender.url) : null);
    if (!site) throw new Error('This page is not on a website, so there is no site to set.');
    return site;
  };

  /** An installed entity as the reader's choices keep it, or an error for the reader. */
  const installedEntity = async (entityId: string) => {
    const { names } = await service.corpusCatalog();
    const entity = names.get(entityId);
    if (!entity) throw new Error('Nothing in your briefings is about this name any more.');
    return entity;
  };

  /** Tells every open tab's content script to ask what now applies to its page. */
  const broadcastPageSettings = () =>
    tellEveryPage((tabId) => contentMessenger.sendMessage('pageSettingsChanged', undefined, tabId));

  /**
   * The installed packs changed, and the service knows (the store tells it of the packs it
   * installs and removes, with the names of the corpus a large install prepared): pages look
   * for the names of the corpus as it now is.
   */
  const tellPagesCorpusChanged = () =>
    tellEveryPage((tabId) => contentMessenger.sendMessage('corpusChanged', undefined, tabId));
  /** The reader's own pack changed: the service, then pages, look again. */
  const corpusChanged = async () => {
    service.corpusChanged();
    await tellPagesCorpusChanged();
  };
  // A change a stopped worker left is finished by this one: pages are told as after any other.
  service.onChangeResumed = () => {
    tellPagesCorpusChanged().catch(() => undefined);
  };

  return {
    async getStatus(_: Inputs['getStatus']) {
      return { version: browser.runtime.getManifest().version };
    },
    async getSpotDictionary({ knownVersion }: Inputs['getSpotDictionary']) {
      const { dictionary } = await service.corpusCatalog();
      return dictionary.version === knownVersion ? null : dictionary;
    },
    async getPageSettings({ url }: Inputs['getPageSettings']) {
      return pageSettings(url);
    },
    async getBriefing({ entityId, quoteLimit }: Inputs['getBriefing']) {
      const briefing = await service.briefing(entityId, quoteLimit);
      if (!briefing) throw new Error('Nothing in your briefings is about this name any more.');
      return briefing;
    },
    async getTimeline({ entityId }: Inputs['getTimeline']) {
      return service.timeline(entityId);
    },
    async search({ query, limit, ...filters }: Inputs['search']) {
      return service.search(query, filters, limit);
    },
    async suggestNames({ query }: Inputs['suggestNames']) {
      return service.suggestNames(query);
    },
    async getCoverage(_: Inputs['getCoverage']) {
      return service.coverage();
    },
    async listPacks(_: Inputs['listPacks']) {
      await ready();
      return corpus.listPacks();
    },
    async importPack({ stageId, onConflict }: Inputs['importPack']) {
      await ready();
      const outcome = await importStagedPacks(corpus, stageId, onConflict, (progress) => {
        // Only an open options page listens; nobody listening is fine.
        extensionPageMessenger.sendMessage('importProgress', progress).catch(() => undefined);
      });
      if (outcome.ok) await tellPagesCorpusChanged();
      return outcome;
    },
    async exportPack({ packId }: Inputs['exportPack']) {
      await ready();
      const file = await exportPackFile(corpus, packId);
      if (!file) throw new Error('That pack is not installed.');
      return file;
    },
    async removePack({ packId }: Inputs['removePack']) {
      await ready();
      const pack = await corpus.getPack(packId);
      if (!pack) throw new Error('That pack is not installed.');
      if (pack.origin === 'bundled') {
        throw new Error(
          'The bundled corpus stays installed. Use "Reset to bundled" to drop the others.',
        );
      }
      await corpus.remove(packId);
      await tellPagesCorpusChanged();
    },
    async resetToBundled(_: Inputs['resetToBundled']) {
      await service.resetToBundled();
      await tellPagesCorpusChanged();
    },
    async getSettings(_: Inputs['getSettings']) {
      return {
        general: await settings.general(),
        sites: await settings.siteRules(),
        hiddenNames: await settings.hiddenNames(),
        exclusions: await settings.siteExclusions(),
      };
    },
    async updateSettings(change: Inputs['updateSettings']) {
      const general = await settings.updateGeneral(change);
      await broadcastPageSettings();
      return general;
    },
    async setSiteEnabled({ host, enabled }: Inputs['setSiteEnabled'], sender: Sender = {}) {
      const site = siteOfCall(host, sender);
      await settings.setSiteEnabled(site, enabled);
      await broadcastPageSettings();
      return { host: site };
    },
    /** "Hide this name" (everywhere) and "Show again". */
    async setNameHidden({ entityId, hidden }: Inputs['setNameHidden']) {
      if (hidden) await settings.hideName(await installedEntity(entityId));
      else await settings.showName(entityId);
      await broadcastPageSettings();
    },
    async setExcludedOnSite(
      { entityId, host, excluded }: Inputs['setExcludedOnSite'],
      sender: Sender = {},
    ) {
      const site = siteOfCall(host, sender);
      if (excluded) await settings.excludeOnSite(site, await installedEntity(entityId));
      else await settings.includeOnSite(site, entityId);
      await broadcastPageSettings();
      return { host: site };
    },
    async getEntityNames({ ids }: Inputs['getEntityNames']) {
      const { names } = await service.corpusCatalog();
      return ids.map((id) => names.get(id)).filter((ref) => ref !== undefined);
    },
    /** "Open in Briefings" from a popover: the popup's page for the entity, beside the reader's tab. */
    async openBriefingsPage({ entityId }: Inputs['openBriefingsPage'], sender: Sender = {}) {
      const params = new URLSearchParams({ entity: entityId });
      if (sender.tab?.id !== undefined) params.set('tab', String(sender.tab.id));
      await browser.tabs.create({
        url: `${browser.runtime.getURL('/popup.html')}?${params}`,
        ...(sender.tab?.index !== undefined && { index: sender.tab.index + 1 }),
        ...(sender.tab?.id !== undefined && { openerTabId: sender.tab.id }),
      });
    },
    /** "Add this article": the popup's button, the page's context menu, the shortcut. */
    async addArticleFromTab({ tabId }: Inputs['addArticleFromTab']) {
      await ready();
      const added = await service.articles.addFromTab(tabId);
      await corpusChanged();
      return added;
    },
    /** An article file from the options page (an HTML file comes already read, as `read`). */
    async addArticle(submission: Inputs['addArticle']) {
      await ready();
      const added = await service.articles.add(submission);
      await corpusChanged();
      return added;
    },
    async listReadings(_: Inputs['listReadings']) {
      await ready();
      return service.readings.list();
    },
    async removeReading({ documentId }: Inputs['removeReading']) {
      await ready();
      await service.readings.remove(documentId);
      await corpusChanged();
    },
    async recompileReading({ documentId }: Inputs['recompileReading']) {
      await ready();
      const added = await service.articles.recompile(documentId);
      await corpusChanged();
      return added;
    },
    async getDocument({ packId, documentId }: Inputs['getDocument']) {
      const document = await service.document(packId, documentId);
      if (!document) throw new Error('This article is no longer in your briefings.');
      return document;
    },
    /** A source opened from a card on a web page: the reader view, beside the reader's tab. */
    async openReader(target: Inputs['openReader'], sender: Sender = {}) {
      await browser.tabs.create({
        url: readerUrl(target),
        ...(sender.tab?.index !== undefined && { index: sender.tab.index + 1 }),
        ...(sender.tab?.id !== undefined && { openerTabId: sender.tab.id }),
      });
    },
    /** The removal under way, for an options page opened while it runs. */
    async getChangeInProgress(_: Inputs['getChangeInProgress']) {
      return corpus.changeInProgress();
    },
    /** What disagrees in the store once the changes asked for have finished (none: consistent). */
    async checkConsistency(_: Inputs['checkConsistency']) {
      await ready();
      await corpus.settled();
      return findInconsistencies(service.db);
    },
    async getStorageSummary(_: Inputs['getStorageSummary']) {
      const estimate = await navigator.storage.estimate();
      // Chrome exempts an extension with unlimitedStorage from eviction, granted or not persist().
      const unlimited = await browser.permissions.contains({ permissions: ['unlimitedStorage'] });
      const { dictionary } = await service.corpusCatalog();
      return {
        usage: estimate.usage ?? null,
        quota: estimate.quota ?? null,
        persisted: unlimited || (await navigator.storage.persisted()),
        spotting: { terms: dictionary.terms.length, leftOut: dictionary.leftOut },
      };
    },
  };
}

export type BackgroundHandlers = ReturnType<typeof backgroundHandlers>;

/** The protocol the other contexts see: each call's input and (awaited) answer. */
export type BackgroundApi = {
  [K in keyof BackgroundHandlers]: (
    data: Parameters<BackgroundHandlers[K]>[0],
  ) => Awaited<ReturnType<BackgroundHandlers[K]>>;
};

/**
 * Sends something to the content script of every open tab. Tab ids need no permission, and a
 * tab's address is never read here: each content script knows its own page.
 */
async function tellEveryPage(send: (tabId: number) => Promise<unknown>): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    // A tab without our content script (a browser page, one opened before install) cannot hear it.
    if (tab.id === undefined || !(await hasContentScript(tab.id))) continue;
    await send(tab.id).catch(() => undefined);
  }
}

type ApiName = keyof typeof inputs;

/**
 * Answers one call: only from this extension's own contexts, and only with valid input.
 * `runtimeId` is this extension's id (a parameter so tests can play a foreign sender).
 */
export async function answerCall(
  handlers: BackgroundHandlers,
  name: ApiName,
  message: { data: unknown; sender: Sender },
  runtimeId: string = browser.runtime.id,
): Promise<unknown> {
  if (message.sender.id !== runtimeId) {
    throw new Error('Briefings answers only its own pages and scripts.');
  }
  const input = v.safeParse(inputs[name], message.data);
  if (!input.success) {
    throw new Error(`Invalid request for ${name}: ${v.summarize(input.issues)}`);
  }
  const handler = handlers[name] as (data: unknown, sender: Sender) => Promise<unknown>;
  return handler(input.output, message.sender);
}

/** Wires every call of the protocol to its handler; returns the undo. */
export function registerBackgroundApi(handlers: BackgroundHandlers): () => void {
  const removers = (Object.keys(inputs) as ApiName[]).map((name) =>
    backgroundMessenger.onMessage(
      name,
      (message: Message<BackgroundApi, typeof name> & ExtensionMessage) =>
        answerCall(handlers, name, message) as never,
    ),
  );
  return () => {
    for (const remove of removers) remove();
  };
}
