/**
 * The background's state and work, kept out of the message wiring. The service worker may be
 * stopped at any time: everything here is rebuilt from the database on the next call, and the
 * in-memory caches are only caches.
 */
import type { Entity } from '@/lib/pack/schema';
import type { SearchFilters } from '@/lib/search/index';
import { snippetOf } from '@/lib/search/snippet';
import { buildSpotDictionary, type SpotDictionary } from '@/lib/spotting/dictionary';
import { type EntityNames, loadBriefing, loadTimeline } from '@/lib/store/briefing';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase, type EntityRow } from '@/lib/store/db';
import { loadDocument } from '@/lib/store/document';
import { SettingsStore } from '@/lib/store/settings';
import type { Briefing, DocumentView, EventView, SearchHit } from '@/lib/views';
import { type BundledPack, readBundledPack } from './bundled-pack';

export interface CorpusCatalog {
  dictionary: SpotDictionary;
  names: EntityNames;
}

const BUNDLED_HASH_KEY = 'meta:bundledPackHash';

export class BackgroundService {
  readonly corpus: CorpusStore;
  readonly settings: SettingsStore;
  private catalog: CorpusCatalog | null = null;
  private ready: Promise<void> | null = null;

  constructor(
    readonly db = new BriefingsDatabase(),
    private readonly bundled: () => Promise<BundledPack> = readBundledPack,
  ) {
    this.corpus = new CorpusStore(db);
    this.settings = new SettingsStore(db);
  }

  /**
   * Resolves once the bundled pack installed here is the one this version ships: seeded on
   * first run, replaced after an update, restored if the browser lost the data.
   */
  whenReady(): Promise<void> {
    this.ready ??= this.installBundledIfChanged().catch((error) => {
      this.ready = null; // let the next call try again
      throw error;
    });
    return this.ready;
  }

  async resetToBundled(): Promise<void> {
    const { pack, hash } = await this.bundled();
    await this.corpus.resetTo(pack);
    await this.db.settings.put({ key: BUNDLED_HASH_KEY, value: hash });
    this.corpusChanged();
  }

  /** Call after any change to the installed packs. */
  corpusChanged(): void {
    this.catalog = null;
  }

  /** The spot dictionary and every entity's name, built once per state of the corpus. */
  async corpusCatalog(): Promise<CorpusCatalog> {
    await this.whenReady();
    if (!this.catalog) {
      const entities = mergeEntities(await this.db.entities.toArray());
      this.catalog = {
        dictionary: buildSpotDictionary(entities),
        names: new Map(entities.map(({ id, name, kind }) => [id, { id, name, kind }])),
      };
    }
    return this.catalog;
  }

  async briefing(entityId: string, quoteLimit?: number): Promise<Briefing | null> {
    const { names } = await this.corpusCatalog();
    return loadBriefing(this.db, names, entityId, quoteLimit);
  }

  async timeline(entityId?: string): Promise<EventView[]> {
    const { names } = await this.corpusCatalog();
    return loadTimeline(this.db, names, entityId);
  }

  async document(packId: string, documentId: string): Promise<DocumentView | null> {
    const { names } = await this.corpusCatalog();
    return loadDocument(this.db, names, packId, documentId);
  }

  /** Ranked hits with a snippet of the text that matched. */
  async search(query: string, filters: SearchFilters, limit?: number): Promise<SearchHit[]> {
    await this.whenReady();
    const refs = await this.corpus.search(query, filters, limit);
    const texts = await this.corpus.hitTexts(refs);
    return refs.map((ref, index) => ({
      ...ref,
      snippet: snippetOf(texts[index] ?? '', ref.terms),
    }));
  }

  private async installBundledIfChanged(): Promise<void> {
    const { pack, hash } = await this.bundled();
    const [installedHash, installed] = await Promise.all([
      this.db.settings.get(BUNDLED_HASH_KEY),
      this.corpus.getPack(pack.id),
    ]);
    if (installed?.origin === 'bundled' && installedHash?.value === hash) return;
    await this.corpus.seedBundled(pack);
    await this.db.settings.put({ key: BUNDLED_HASH_KEY, value: hash });
    this.corpusChanged();
  }
}

/** One entity per id across packs: the first pack's name and kind, every pack's aliases. */
export function mergeEntities(rows: readonly EntityRow[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const { packId: _, aliasKeys: __, ...row } of rows) {
    const known = byId.get(row.id);
    if (!known) {
      byId.set(row.id, row);
      continue;
    }
    const forms = new Set([known.name, ...known.aliases]);
    known.aliases = [...known.aliases, ...row.aliases.filter((alias) => !forms.has(alias))];
    if (row.name !== known.name && !forms.has(row.name)) known.aliases.push(row.name);
    known.spotting = {
      caseSensitive: union(known.spotting?.caseSensitive, row.spotting?.caseSensitive),
      contextRequired: union(known.spotting?.contextRequired, row.spotting?.contextRequired),
    };
  }
  return [...byId.values()];
}

function union(a: readonly string[] = [], b: readonly string[] = []): string[] {
  return [...new Set([...a, ...b])];
}
