/**
 * The background's state and work, kept out of the message wiring. The service worker may be
 * stopped at any time: everything here is rebuilt from the database on the next call, and the
 * in-memory caches are only caches.
 */

import type { CompiledSubmission } from '@/lib/compiler/compile-for-reading';
import { EntityMerger } from '@/lib/pack/merge';
import type { Entity } from '@/lib/pack/schema';
import { foldForLookup } from '@/lib/search/fold';
import type { SearchFilters, SearchHitRef } from '@/lib/search/index';
import { NameFinder } from '@/lib/search/names';
import { snippetOf } from '@/lib/search/snippet';
import { forEachInSlices, SLICE_MS } from '@/lib/slices';
import {
  type SpotDictionary,
  SpotDictionaryBuilder,
  spotFormsInOrder,
} from '@/lib/spotting/dictionary';
import {
  type EntityNames,
  type EntitySpellings,
  loadBriefing,
  loadTimeline,
} from '@/lib/store/briefing';
import { CorpusStore } from '@/lib/store/corpus-store';
import { loadCoverage } from '@/lib/store/coverage';
import { BriefingsDatabase } from '@/lib/store/db';
import { loadDocument } from '@/lib/store/document';
import { ReadingStore } from '@/lib/store/reading-store';
import { SettingsStore } from '@/lib/store/settings';
import type {
  ArticleSubmission,
  Briefing,
  CorpusCoverage,
  DocumentView,
  EntityRef,
  EventView,
  SearchHit,
} from '@/lib/views';
import { ArticleAdder } from './add-article';
import { type BundledPack, readBundledPack } from './bundled-pack';
import { compileInCompilerPage } from './compiler-page';

export type ArticleCompiler = (
  submission: ArticleSubmission,
  known: Entity[],
) => Promise<CompiledSubmission>;

export interface CorpusCatalog {
  dictionary: SpotDictionary;
  names: EntityNames;
  spellings: EntitySpellings;
  /** Every installed entity, one per id: what an added article is recognised against. */
  entities: Entity[];
  /** The pack an entity's search entry is under (its first). */
  packOf: ReadonlyMap<string, string>;
}

const BUNDLED_HASH_KEY = 'meta:bundledPackHash';

export class BackgroundService {
  readonly corpus: CorpusStore;
  readonly settings: SettingsStore;
  readonly readings: ReadingStore;
  readonly articles: ArticleAdder;
  private catalog: CorpusCatalog | null = null;
  /** Counted up by each change, so a catalog built across one is not kept. */
  private catalogEpoch = 0;
  /** The catalog being built, and the state of the corpus it is built from. */
  private catalogBuild: { epoch: number; promise: Promise<CorpusCatalog> } | null = null;
  /**
   * Names as people mistype them: built at the first search, not before a page's dictionary, or
   * with the catalog a large install prepares.
   */
  private finderOfCatalog: CatalogWithFinder | null = null;
  /** Read from every document: only when asked, once per state of the corpus. */
  private coverageOfCorpus: Promise<CorpusCoverage> | null = null;
  private ready: Promise<void> | null = null;
  /** Told when a change a stopped worker left is taken up: open pages were never told of it. */
  onChangeResumed: () => void = () => {};

  constructor(
    readonly db = new BriefingsDatabase(),
    private readonly bundled: () => Promise<BundledPack> = readBundledPack,
    /** How an added article is compiled: in the compiler page's worker (tests compile in place). */
    readonly compile: ArticleCompiler = compileInCompilerPage,
  ) {
    this.corpus = new CorpusStore(
      db,
      () => this.corpusChanged(),
      (entities) => this.prepareCorpusChange(entities),
    );
    this.settings = new SettingsStore(db);
    this.readings = new ReadingStore(this.corpus);
    this.articles = new ArticleAdder(this);
  }

  /**
   * Resolves once the bundled pack installed here is the one this version ships: seeded on
   * first run, replaced after an update, restored if the browser lost the data.
   */
  whenReady(): Promise<void> {
    // First a change a stopped worker left under way: finished, or (a removal) going on
    // behind the scenes with its pack hidden.
    this.ready ??= this.corpus
      .resumeChange()
      .then((resumed) => {
        if (resumed) this.onChangeResumed();
      })
      .then(() => this.installBundledIfChanged())
      .catch((error) => {
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

  /**
   * Call after any change to the installed packs, with the catalog of the corpus it left if it
   * was prepared (else it is built when next asked for).
   */
  corpusChanged(prepared?: CatalogWithFinder): void {
    this.catalog = prepared?.catalog ?? null;
    this.finderOfCatalog = prepared ?? null;
    this.catalogEpoch++;
    this.coverageOfCorpus = null;
  }

  /**
   * The catalog and name finder of the corpus a large install will leave, built a slice at a
   * time while it runs, so that reads meanwhile use the present ones and none waits for them
   * after (over a second each at 200,000 names). Resolves with what to call once it shows.
   */
  private async prepareCorpusChange(
    entitiesByPack: ReadonlyMap<string, readonly Entity[]>,
  ): Promise<() => void> {
    const catalog = await catalogOf(entitiesByPack);
    const finder = await finderOf(catalog.entities);
    return () => this.corpusChanged({ catalog, finder: Promise.resolve(finder) });
  }

  /**
   * The spot dictionary and every entity's name, built once per state of the corpus. Calls that
   * come while it is being built wait for that build: after a change every open tab asks for
   * its dictionary, and each reader's call would otherwise read every entity again.
   */
  async corpusCatalog(): Promise<CorpusCatalog> {
    await this.whenReady();
    if (this.catalog) return this.catalog;
    const epoch = this.catalogEpoch;
    let build = this.catalogBuild;
    if (build?.epoch !== epoch) {
      const started = { epoch, promise: this.buildCatalog(epoch) };
      // Settled either way, it is not waited for again; a failed build is tried again.
      const settled = () => {
        if (this.catalogBuild === started) this.catalogBuild = null;
      };
      started.promise.then(settled, settled);
      this.catalogBuild = started;
      build = started;
    }
    return build.promise;
  }

  private async buildCatalog(epoch: number): Promise<CorpusCatalog> {
    // Only installed packs: a pack being removed has lost its pack row already.
    const catalog = await catalogOf(await this.corpus.installedEntities());
    // Built from the corpus as it was: kept only if no change landed meanwhile.
    if (epoch === this.catalogEpoch) this.catalog = catalog;
    return catalog;
  }

  async briefing(entityId: string, quoteLimit?: number): Promise<Briefing | null> {
    return loadBriefing(this.db, await this.corpusCatalog(), entityId, quoteLimit);
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
    const found = await this.corpus.search(query, filters, limit);
    // A name the index found is what was meant: "Iran" does not also bring Iraq.
    const foundName = found.some((ref) => ref.kind === 'entity');
    const mistyped = foundName ? [] : await this.mistypedNames(query, filters);
    const refs = [...found, ...mistyped].slice(0, limit);
    const texts = await this.corpus.hitTexts(refs);
    return refs.map((ref, index) => ({
      ...ref,
      snippet: snippetOf(texts[index] ?? '', ref.terms),
    }));
  }

  /** The name finder of the corpus as it is now. */
  private async nameFinder(): Promise<NameFinder> {
    const catalog = await this.corpusCatalog();
    if (this.finderOfCatalog?.catalog !== catalog) {
      this.finderOfCatalog = { catalog, finder: finderOf(catalog.entities) };
    }
    return this.finderOfCatalog.finder;
  }

  /** What the installed briefings cover: articles, outlets, dates, names by kind. */
  async coverage(): Promise<CorpusCoverage> {
    this.coverageOfCorpus ??= this.corpusCatalog()
      .then(({ entities }) => loadCoverage(this.db, entities))
      .catch((error) => {
        this.coverageOfCorpus = null; // let the next call try again
        throw error;
      });
    return this.coverageOfCorpus;
  }

  /** "Did you mean": names close to a query that found nothing, other than the query itself. */
  async suggestNames(query: string): Promise<EntityRef[]> {
    const { names } = await this.corpusCatalog();
    const nameFinder = await this.nameFinder();
    const typed = foldForLookup(query);
    return nameFinder
      .find(query, 'suggestion', 3)
      .flatMap(({ entityId }) => names.get(entityId) ?? [])
      .filter((name) => foldForLookup(name.name) !== typed);
  }

  /**
   * Names the query is a typo or another spelling of ("Zelenksy", "Putn", "Selenskyj"), for a
   * search whose index found no name: as entity hits, after what it found.
   */
  private async mistypedNames(query: string, filters: SearchFilters): Promise<SearchHitRef[]> {
    const wantsNames = !filters.kinds?.length || filters.kinds.includes('entity');
    if (!wantsNames || filters.from || filters.to) return [];
    const { names, packOf } = await this.corpusCatalog();
    const nameFinder = await this.nameFinder();
    return nameFinder.find(query).flatMap(({ entityId, score }) => {
      const ref = names.get(entityId);
      const packId = packOf.get(entityId);
      if (!ref || !packId) return [];
      return [
        {
          kind: 'entity' as const,
          packId,
          id: entityId,
          title: ref.name,
          date: '',
          entityId,
          score,
          terms: [],
        },
      ];
    });
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

/** A catalog, and the name finder of its entities (being built, or built). */
interface CatalogWithFinder {
  catalog: CorpusCatalog;
  finder: Promise<NameFinder>;
}

/**
 * The catalog of installed packs' entities, by pack id (packs and each pack's entities in id
 * order), built a slice at a time: at 200,000 names, in one go it held the worker over a second.
 */
async function catalogOf(
  entitiesByPack: ReadonlyMap<string, readonly Entity[]>,
): Promise<CorpusCatalog> {
  const merger = new EntityMerger();
  for (const entities of entitiesByPack.values()) {
    await forEachInSlices(entities, SLICE_MS, (entity) => merger.add(entity));
  }
  const entities = merger.entities();
  const dictionary = new SpotDictionaryBuilder();
  await forEachInSlices(spotFormsInOrder(entities), SLICE_MS, (form) => dictionary.offer(form));
  const names = new Map<string, EntityRef>();
  const spellings = new Map<string, string[]>();
  await forEachInSlices(entities, SLICE_MS, ({ id, name, kind, aliases }) => {
    names.set(id, { id, name, kind });
    spellings.set(id, [name, ...aliases]);
  });
  const packOf = new Map<string, string>();
  for (const [packId, list] of entitiesByPack) {
    // An entity's first pack holds its search entry.
    await forEachInSlices(list, SLICE_MS, ({ id }) => {
      if (!packOf.has(id)) packOf.set(id, packId);
    });
  }
  return { dictionary: dictionary.dictionary(), names, spellings, entities, packOf };
}

/** The name finder of `entities`, built a slice at a time (about 2 s of work at 200,000). */
async function finderOf(entities: readonly Entity[]): Promise<NameFinder> {
  const finder = new NameFinder();
  await forEachInSlices(entities, SLICE_MS, (entity) => finder.add(entity));
  return finder;
}
