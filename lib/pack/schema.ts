/**
 * The briefing pack: the one definition of its shape and of the rules that tie its parts together.
 * The compiler's output and every imported pack go through `validatePack`; the store and the UI
 * import their types from here. The format is written down for other producers in
 * docs/pack-format.md.
 */
import * as v from 'valibot';
import { PACK_LIMITS } from './limits';

export { PACK_LIMITS };

export const PACK_FORMAT = 'briefings-pack';
export const PACK_VERSION = 1;

const count = (value: number) => value.toLocaleString('en');
function atMost<Input extends v.LengthInput>(limit: number, what: string) {
  return v.maxLength<Input, number, (issue: v.MaxLengthIssue<Input, number>) => string>(
    limit,
    (issue) => `is ${count(Number(issue.received))} ${what} long; the limit is ${count(limit)}`,
  );
}
const Text = (limit: number) => v.pipe(v.string(), atMost<string>(limit, 'characters'));
const List = <Item extends v.GenericSchema>(item: Item, limit: number = PACK_LIMITS.listItems) =>
  v.pipe(
    v.array(item),
    v.maxLength<
      v.InferOutput<Item>[],
      number,
      (issue: v.MaxLengthIssue<v.InferOutput<Item>[], number>) => string
    >(limit, (issue) => `has ${count(Number(issue.received))} items; the limit is ${count(limit)}`),
  );

const Id = v.pipe(
  v.string(),
  atMost<string>(PACK_LIMITS.idCharacters, 'characters'),
  v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug (a-z, 0-9, -)'),
);
/** Text a reader sees as a heading or label: something to read, not blank. */
const Line = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  atMost<string>(PACK_LIMITS.lineCharacters, 'characters'),
  v.check((text) => text.trim() !== '', 'must not be blank'),
);
/** A name or alias: spotted on pages, so short, and with a letter or digit to find. */
const Name = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  atMost<string>(PACK_LIMITS.nameCharacters, 'characters'),
  v.check((text) => text.trim() !== '', 'must not be blank'),
  v.check((text) => /[\p{L}\p{N}]/u.test(text), 'must have a letter or a digit'),
);
/** Where a document was published: a web address, never a script or inline data. */
const WebAddress = v.pipe(
  v.string(),
  atMost<string>(PACK_LIMITS.urlCharacters, 'characters'),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//i, 'must be an http or https address'),
);
const Offset = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must be >= 0'));

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the date is known, never padded. */
export const PartialDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isRealPartialDate, 'is not a date on the calendar'),
);
export const DatePrecision = v.picklist(['day', 'month', 'year']);
/** printed: the date stands in the text; metadata: from the publisher; inferred: see dateReason. */
export const DateBasis = v.picklist(['printed', 'metadata', 'inferred']);

export const SourceSpan = v.strictObject({
  documentId: Id,
  /** UTF-16 offsets into the document's cleaned `text`, end exclusive (String.prototype.slice). */
  start: Offset,
  end: Offset,
});

export const PackDocument = v.strictObject({
  id: Id,
  title: Line,
  outlet: v.nullable(Line),
  outletNote: v.optional(Line),
  author: v.optional(Line),
  url: v.optional(WebAddress),
  /** null when the date is not known; then datePrecision and dateBasis are null too. */
  publishedAt: v.nullable(PartialDate),
  datePrecision: v.nullable(DatePrecision),
  dateBasis: v.nullable(DateBasis),
  /** Required when the basis is `inferred` or the date is unknown. */
  dateReason: v.optional(Line),
  /** The cleaned text every span of the pack points into. */
  text: Text(PACK_LIMITS.documentCharacters),
  /** Set on a re-write of another document of the pack: the id of the original. */
  duplicateOf: v.optional(Id),
});

export const EntityKind = v.picklist(['person', 'organization', 'place', 'topic']);

export const Role = v.strictObject({
  /** The role as printed, e.g. "Kremlin spokesman". */
  title: Line,
  sources: v.pipe(List(SourceSpan), v.minLength(1, 'a role needs a source')),
});

/**
 * Rules for spotting an entity on a page. Matching uses `name` and every alias, whole words only,
 * case-insensitively unless an alias is listed here.
 */
export const SpottingRules = v.strictObject({
  /** Aliases matched only with exactly this case ("Xi", "ICC": not "xi", "icc"). */
  caseSensitive: v.optional(List(Name, PACK_LIMITS.aliasesPerEntity)),
  /**
   * Aliases too short or ambiguous to mark on their own: mark them only on a page that also names
   * the entity by its name or by an alias not in this list.
   */
  contextRequired: v.optional(List(Name, PACK_LIMITS.aliasesPerEntity)),
});

export const Entity = v.strictObject({
  id: Id,
  name: Name,
  kind: EntityKind,
  /** Other forms to spot (spelling variants, short forms); the name itself is not repeated. */
  aliases: List(Name, PACK_LIMITS.aliasesPerEntity),
  spotting: v.optional(SpottingRules),
  description: Text(PACK_LIMITS.descriptionCharacters),
  roles: List(Role),
  /** gazetteer: curated; discovered: found by the compiler (a quoted or role-named person). */
  origin: v.picklist(['gazetteer', 'discovered']),
});

export const AttributionMethod = v.picklist(['name', 'role', 'pronoun', 'shared']);

export const Attribution = v.strictObject({
  /**
   * name: the speaker is named ("Peskov said"); role: a role phrase ("Washington's top diplomat
   * said"); pronoun: "he added", resolved to the last person named; shared: the quote has no cue of
   * its own and shares the one of the quotation it continues (same sentence or paragraph).
   */
  method: AttributionMethod,
  /** The cue in the same document ("Kremlin spokesman Dmitry Peskov said"). */
  start: Offset,
  end: Offset,
});

export const QuoteSource = v.strictObject({
  ...SourceSpan.entries,
  attribution: v.optional(Attribution),
});

export const DiffOp = v.strictObject({
  /** equal: in both; delete: only in the quote's text; insert: only in this variant. */
  op: v.picklist(['equal', 'delete', 'insert']),
  text: Text(PACK_LIMITS.quoteCharacters),
});

export const QuoteVariant = v.strictObject({
  /** One of the quote's sources, worded differently from `quote.text`. */
  ...SourceSpan.entries,
  /** Word-level diff from quote.text to this wording, whitespace included. */
  diff: List(DiffOp, PACK_LIMITS.diffParts),
});

export const QuoteKind = v.picklist(['statement', 'fragment']);

export const Quote = v.strictObject({
  id: Id,
  /** The words as printed in the first source, without the quotation marks. */
  text: v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    atMost<string>(PACK_LIMITS.quoteCharacters, 'characters'),
    v.check((text) => text.trim() !== '', 'must not be blank'),
  ),
  /** statement: a full claim in the speaker's words; fragment: a scare-quoted or short phrase. */
  kind: QuoteKind,
  /** null when the text does not make the speaker clear: never a guess. */
  speakerId: v.nullable(Id),
  sources: v.pipe(List(QuoteSource), v.minLength(1, 'a quote needs a source')),
  variants: List(QuoteVariant),
  aboutEntityIds: List(Id),
  /** Set on a quotation printed inside another (a quote the quoted text itself quotes). */
  insideQuoteId: v.optional(Id),
  /** When it was said, if the text dates it; null otherwise (see the source's publishedAt). */
  date: v.nullable(PartialDate),
  datePrecision: v.nullable(DatePrecision),
  dateBasis: v.nullable(DateBasis),
  dateReason: v.optional(Line),
});

export const TimelineEvent = v.strictObject({
  id: Id,
  date: PartialDate,
  /** Last day of an event that spans days, at the same precision as `date`. */
  endDate: v.optional(PartialDate),
  datePrecision: DatePrecision,
  dateBasis: DateBasis,
  dateReason: v.optional(Line),
  title: Line,
  entityIds: List(Id),
  sources: v.pipe(List(SourceSpan), v.minLength(1, 'an event needs a source')),
});

export const Pack = v.strictObject({
  format: v.literal(PACK_FORMAT),
  version: v.literal(PACK_VERSION),
  id: Id,
  title: Line,
  /** Derived from the input (the latest publication date), never from the clock. */
  createdAt: v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO date'),
  ),
  documents: List(PackDocument, PACK_LIMITS.documents),
  entities: List(Entity, PACK_LIMITS.entities),
  quotes: List(Quote, PACK_LIMITS.quotes),
  events: List(TimelineEvent, PACK_LIMITS.events),
});

export type PartialDate = v.InferOutput<typeof PartialDate>;
export type DatePrecision = v.InferOutput<typeof DatePrecision>;
export type DateBasis = v.InferOutput<typeof DateBasis>;
export type SourceSpan = v.InferOutput<typeof SourceSpan>;
export type PackDocument = v.InferOutput<typeof PackDocument>;
export type EntityKind = v.InferOutput<typeof EntityKind>;
export type Role = v.InferOutput<typeof Role>;
export type SpottingRules = v.InferOutput<typeof SpottingRules>;
export type Entity = v.InferOutput<typeof Entity>;
export type AttributionMethod = v.InferOutput<typeof AttributionMethod>;
export type Attribution = v.InferOutput<typeof Attribution>;
export type QuoteSource = v.InferOutput<typeof QuoteSource>;
export type DiffOp = v.InferOutput<typeof DiffOp>;
export type QuoteVariant = v.InferOutput<typeof QuoteVariant>;
export type QuoteKind = v.InferOutput<typeof QuoteKind>;
export type Quote = v.InferOutput<typeof Quote>;
export type TimelineEvent = v.InferOutput<typeof TimelineEvent>;
export type Pack = v.InferOutput<typeof Pack>;

/** One thing wrong with a pack, e.g. `{path: 'quotes[3].sources[0].end', message: '...'}`. */
export interface PackProblem {
  path: string;
  message: string;
}

export type PackValidation = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Checks shape and cross-references; lists every problem rather than stopping at the first. */
export function validatePack(json: unknown): PackValidation {
  const parsed = v.safeParse(Pack, json, { abortEarly: false });
  if (!parsed.success) {
    return { ok: false, problems: parsed.issues.map(issueToProblem) };
  }
  const problems = crossReferenceProblems(parsed.output);
  return problems.length === 0 ? { ok: true, pack: parsed.output } : { ok: false, problems };
}

export function formatProblem(problem: PackProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

function issueToProblem(issue: v.BaseIssue<unknown>): PackProblem {
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  return { path, message: issue.message };
}

function isRealPartialDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const PRECISION_OF_LENGTH: Record<number, DatePrecision> = { 4: 'year', 7: 'month', 10: 'day' };

/** The precision a partial date's form gives: '2023' is year, '2023-02' month, '2023-02-27' day. */
export function precisionOf(date: PartialDate): DatePrecision {
  const precision = PRECISION_OF_LENGTH[date.length];
  if (precision === undefined) throw new Error(`not a partial date: ${date}`);
  return precision;
}

function crossReferenceProblems(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const documents = new Map(pack.documents.map((document) => [document.id, document]));
  const entityIds = new Set(pack.entities.map((entity) => entity.id));
  const quoteIds = new Set(pack.quotes.map((quote) => quote.id));

  reportDuplicateIds(pack.documents, 'documents', report);
  reportDuplicateIds(pack.entities, 'entities', report);
  reportDuplicateIds(pack.quotes, 'quotes', report);
  reportDuplicateIds(pack.events, 'events', report);

  const checkSpan = (span: SourceSpan, path: string): string | undefined => {
    const document = documents.get(span.documentId);
    if (document === undefined) {
      report(`${path}.documentId`, `no document with id "${span.documentId}"`);
      return undefined;
    }
    if (span.start >= span.end)
      report(`${path}.end`, `end ${span.end} must be > start ${span.start}`);
    if (span.end > document.text.length) {
      report(`${path}.end`, `end ${span.end} is past the document text (${document.text.length})`);
    }
    return document.text.slice(span.start, span.end);
  };
  const checkEntityRef = (id: string, path: string) => {
    if (!entityIds.has(id)) report(path, `no entity with id "${id}"`);
  };
  const checkDate = (
    path: string,
    dated: {
      datePrecision: DatePrecision | null;
      dateBasis: DateBasis | null;
      dateReason?: string;
    },
    date: PartialDate | null,
    dateField: string,
  ) => {
    if (date === null) {
      if (dated.datePrecision !== null)
        report(`${path}.datePrecision`, `must be null without a ${dateField}`);
      if (dated.dateBasis !== null)
        report(`${path}.dateBasis`, `must be null without a ${dateField}`);
      return;
    }
    if (dated.datePrecision !== precisionOf(date)) {
      report(
        `${path}.datePrecision`,
        `"${dated.datePrecision}" does not match ${dateField} "${date}"`,
      );
    }
    if (dated.dateBasis === null) report(`${path}.dateBasis`, `required with a ${dateField}`);
    if (dated.dateBasis === 'inferred' && dated.dateReason === undefined) {
      report(`${path}.dateReason`, 'required when the date is inferred');
    }
  };

  pack.documents.forEach((document, index) => {
    const path = `documents[${index}]`;
    checkDate(path, document, document.publishedAt, 'publishedAt');
    if (document.publishedAt === null && document.dateReason === undefined) {
      report(`${path}.dateReason`, 'required when the date is unknown');
    }
    if (document.duplicateOf !== undefined) {
      const original = documents.get(document.duplicateOf);
      if (original === undefined) {
        report(`${path}.duplicateOf`, `no document with id "${document.duplicateOf}"`);
      } else if (original.id === document.id || original.duplicateOf !== undefined) {
        report(`${path}.duplicateOf`, 'must name an original, not itself or another duplicate');
      }
    }
  });

  pack.entities.forEach((entity, index) => {
    const path = `entities[${index}]`;
    const forms = new Set([entity.name, ...entity.aliases]);
    if (forms.size !== entity.aliases.length + 1) {
      report(`${path}.aliases`, 'repeats the name or another alias');
    }
    for (const list of ['caseSensitive', 'contextRequired'] as const) {
      entity.spotting?.[list]?.forEach((alias, aliasIndex) => {
        if (!forms.has(alias)) {
          report(
            `${path}.spotting.${list}[${aliasIndex}]`,
            `"${alias}" is not the name or an alias`,
          );
        }
      });
    }
    entity.roles.forEach((role, roleIndex) => {
      role.sources.forEach((span, spanIndex) => {
        const rolePath = `${path}.roles[${roleIndex}].sources[${spanIndex}]`;
        const printed = checkSpan(span, rolePath);
        if (printed !== undefined && printed !== role.title) {
          report(rolePath, `slices to "${printed}", not the role "${role.title}"`);
        }
      });
    });
  });

  pack.quotes.forEach((quote, index) => {
    const path = `quotes[${index}]`;
    if (quote.speakerId !== null) checkEntityRef(quote.speakerId, `${path}.speakerId`);
    quote.aboutEntityIds.forEach((id, idIndex) => {
      checkEntityRef(id, `${path}.aboutEntityIds[${idIndex}]`);
    });
    if (quote.insideQuoteId !== undefined && !quoteIds.has(quote.insideQuoteId)) {
      report(`${path}.insideQuoteId`, `no quote with id "${quote.insideQuoteId}"`);
    }
    checkDate(path, quote, quote.date, 'date');
    const variantAt = (span: SourceSpan) =>
      quote.variants.find(
        (variant) =>
          variant.documentId === span.documentId &&
          variant.start === span.start &&
          variant.end === span.end,
      );
    quote.sources.forEach((source, sourceIndex) => {
      const sourcePath = `${path}.sources[${sourceIndex}]`;
      const printed = checkSpan(source, sourcePath);
      if (printed !== undefined && printed !== quote.text && variantAt(source) === undefined) {
        report(
          sourcePath,
          `slices to "${printed}", which is neither the quote's text nor a variant`,
        );
      }
      if (source.attribution !== undefined) {
        checkSpan(
          { ...source.attribution, documentId: source.documentId },
          `${sourcePath}.attribution`,
        );
      }
    });
    quote.variants.forEach((variant, variantIndex) => {
      const variantPath = `${path}.variants[${variantIndex}]`;
      const printed = checkSpan(variant, variantPath);
      const isSource = quote.sources.some(
        (source) =>
          source.documentId === variant.documentId &&
          source.start === variant.start &&
          source.end === variant.end,
      );
      if (!isSource) report(variantPath, 'is not one of the quote sources');
      const before = variant.diff.filter((part) => part.op !== 'insert').map((part) => part.text);
      const after = variant.diff.filter((part) => part.op !== 'delete').map((part) => part.text);
      if (before.join('') !== quote.text) {
        report(`${variantPath}.diff`, "equal and delete parts do not spell the quote's text");
      }
      if (printed !== undefined && after.join('') !== printed) {
        report(`${variantPath}.diff`, 'equal and insert parts do not spell the variant as printed');
      }
    });
  });

  pack.events.forEach((event, index) => {
    const path = `events[${index}]`;
    checkDate(path, event, event.date, 'date');
    if (event.endDate !== undefined) {
      if (precisionOf(event.endDate) !== event.datePrecision) {
        report(`${path}.endDate`, 'must have the same precision as date');
      } else if (event.endDate < event.date) {
        report(`${path}.endDate`, 'must not be before date');
      }
    }
    event.entityIds.forEach((id, idIndex) => {
      checkEntityRef(id, `${path}.entityIds[${idIndex}]`);
    });
    event.sources.forEach((span, spanIndex) => {
      checkSpan(span, `${path}.sources[${spanIndex}]`);
    });
  });

  return problems;
}

function reportDuplicateIds(
  items: readonly { id: string }[],
  arrayName: string,
  report: (path: string, message: string) => void,
) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) report(`${arrayName}[${index}].id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
}
