/**
 * What crosses between the extension's contexts: the views the background sends to the popover,
 * popup, options and reader pages. Views, the popover and spotting import these, never the store.
 */
import type { ReadArticle } from '@/lib/corpus/article';
import type { ArticleFile } from '@/lib/corpus/frontMatter';
import type { DateBasis, DatePrecision, DiffOp, EntityKind, QuoteKind } from '@/lib/pack/schema';
import type { SearchHitRef } from '@/lib/search/index';
import type { Snippet } from '@/lib/search/snippet';

export interface EntityRef {
  id: string;
  name: string;
  kind: EntityKind;
}

/** What a reader needs to judge and open a source document. */
export interface DocumentFacts {
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  datePrecision: DatePrecision | null;
  dateBasis: DateBasis | null;
  dateReason: string | null;
  /** Set when this document re-tells another of the pack. */
  duplicateOf: string | null;
}

/** A span of a source document, with the document's facts. */
export interface SourceRef extends DocumentFacts {
  packId: string;
  documentId: string;
  start: number;
  end: number;
}

export interface DatedView {
  date: string | null;
  datePrecision: DatePrecision | null;
  dateBasis: DateBasis | null;
  dateReason: string | null;
}

export interface QuoteView extends DatedView {
  id: string;
  packId: string;
  text: string;
  kind: QuoteKind;
  speaker: EntityRef | null;
  sources: SourceRef[];
  /** Other wordings of the same statement, each with the word-level difference. */
  variants: { source: SourceRef; diff: DiffOp[] }[];
  /** Distinct outlets (or documents, where the outlet is unknown) that carry it. */
  carriedBy: number;
  /** For a short quote (a few words): the sentence of its first source that prints it. */
  context: QuoteContext | null;
}

/** A sentence of a source document around a quote: `before` + `quoted` + `after`. */
export interface QuoteContext {
  before: string;
  quoted: string;
  after: string;
}

/** A date as precise as it is known. */
export interface PartialDateView {
  date: string;
  precision: DatePrecision | null;
}

/** What a briefing rests on: the distinct articles behind all it says, and when they appeared. */
export interface BriefingScope {
  articles: number;
  /** The earliest and latest publication dates among them; null when none is dated. */
  earliest: PartialDateView | null;
  latest: PartialDateView | null;
}

export interface EventView extends DatedView {
  id: string;
  packId: string;
  title: string;
  date: string;
  datePrecision: DatePrecision;
  dateBasis: DateBasis;
  endDate: string | null;
  entities: EntityRef[];
  sources: SourceRef[];
  /** false for the events just before and after an entity's, shown for context. */
  involvesEntity: boolean;
}

export interface Briefing {
  entity: EntityRef & {
    description: string;
    aliases: string[];
    roles: { title: string; sources: SourceRef[] }[];
  };
  quotesBy: QuoteView[];
  quotesAbout: QuoteView[];
  /** How many quotes exist in all, when more than the lists show. */
  totals: { quotesBy: number; quotesAbout: number };
  scope: BriefingScope;
  events: EventView[];
  related: (EntityRef & { sharedItems: number })[];
}

export interface SearchHit extends SearchHitRef {
  snippet: Snippet;
}

/** What the installed briefings rest on, all packs together. */
export interface CorpusCoverage {
  /** Distinct articles (one article held by two packs counts once). */
  articles: number;
  /** Distinct outlets named by those articles. */
  outlets: number;
  /** The earliest and latest publication dates (partial ISO); null when none is dated. */
  from: string | null;
  to: string | null;
  /** Names known, by kind. */
  names: Record<EntityKind, number>;
}

/** Shipped with the extension, imported from a file, or the reader's own ("My reading"). */
/** The reader's own pack: the articles they add. */
export const READING_PACK_ID = 'my-reading';
export const READING_PACK_TITLE = 'My reading';

export type PackOrigin = 'bundled' | 'imported' | 'reading';

/** An installed pack, as the options page lists it. */
export interface InstalledPack {
  id: string;
  title: string;
  createdAt: string;
  origin: PackOrigin;
  /** When it was installed here (ms since epoch). */
  installedAt: number;
  counts: { documents: number; entities: number; quotes: number; events: number };
  /**
   * Of what the pack holds (see lib/pack/content-hash.ts), saved when it was installed; packs
   * installed before it was kept, and the reader's own pack, which changes with every article,
   * have none.
   */
  contentHash?: string;
}

/** Where an install has got to, in words for the reader: `done` of `total` steps. */
export interface InstallProgress {
  stage: string;
  done: number;
  total: number;
}

/** A removal under way in the background: which pack, and how many of its rows are gone. */
export interface ChangeInProgress {
  removing: string;
  done: number;
  total: number;
}

/** What to do when an imported pack has the id of one already installed. */
export type OnConflict = 'refuse' | 'replace' | 'keep-both';

/** One version of a pack, as the reader compares two. */
export interface PackVersion {
  title: string;
  createdAt: string;
  counts: InstalledPack['counts'];
}

/** A pack of the file whose id an installed pack with other content holds. */
export interface PackConflict {
  packId: string;
  installed: PackVersion & { installedAt: number };
  incoming: PackVersion;
  /** Whether it may take the installed pack's place: only imported packs can be replaced. */
  replaceable: boolean;
}

export type ImportOutcome =
  | {
      ok: true;
      installed: InstalledPack[];
      /** Installed packs with the same content as a pack of the file: left as they were. */
      unchanged: InstalledPack[];
    }
  | {
      ok: false;
      /** One sentence for the reader. */
      message: string;
      /** Every problem found, with its place in the file. */
      problems: string[];
      /** Set when the packs are fine but ids are taken: nothing was written, the reader chooses. */
      conflicts?: PackConflict[];
    };

/** Which document the reader view shows, and the offset of the quote to open it at. */
export interface ReaderTarget {
  packId: string;
  documentId: string;
  at?: number;
}

/** One quote's place in a document, for the reader view. */
export interface DocumentQuote {
  quoteId: string;
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: EntityRef | null;
}

/** A source document as the reader view shows it: its full text and where each quote sits. */
export interface DocumentView extends DocumentFacts {
  packId: string;
  /** The pack's title, to say where the document comes from. */
  packTitle: string;
  id: string;
  author: string | null;
  text: string;
  /** The quotes printed in it, in the order of the text; spans never overlap. */
  quotes: DocumentQuote[];
}

/** An article the reader added to "My reading", as the options page lists it. */
export interface SavedArticle {
  packId: string;
  documentId: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  datePrecision: DatePrecision | null;
  dateBasis: DateBasis | null;
  quoteCount: number;
  /** When it was first added (ms since epoch). */
  addedAt: number;
}

/** What adding an article did, for the reader. */
export interface AddedArticle {
  packId: string;
  documentId: string;
  title: string;
  outlet: string | null;
  quotes: number;
  /** Of `quotes`, those whose speaker the text makes clear. */
  attributed: number;
  /** People and names the corpus did not know before, now marked on pages. */
  newNames: string[];
  /** True when it updated an article already saved (same address or near-identical text). */
  replaced: boolean;
}

/** An article the reader gives: read from a page (or an HTML file), or a text file. */
export type ArticleSubmission =
  | { kind: 'read'; article: ReadArticle }
  | { kind: 'file'; file: ArticleFile };
