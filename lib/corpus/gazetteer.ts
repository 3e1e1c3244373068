/**
 * The curated gazetteer (corpus/gazetteer.yaml): known entities with their aliases, spotting rules,
 * role phrases and the phrases that refer to them, plus the rules that turn trigger phrases into
 * timeline events. Read from YAML text so it also works in the browser.
 */
import * as v from 'valibot';
import { isCollection, LineCounter, parseDocument } from 'yaml';
import { EntityKind, PartialDate } from '../pack/schema';
import { CorpusInputError } from './errors';

const Slug = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug'));
const Phrase = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

const GazetteerEntity = v.strictObject({
  id: Slug,
  name: Phrase,
  kind: EntityKind,
  /** Used to resolve "he said" / "she said"; not part of the pack. */
  pronoun: v.optional(v.picklist(['he', 'she'])),
  description: v.string(),
  /** Other names to spot: spelling variants, short forms ("Zelenskyy", "Xi"). */
  aliases: v.optional(v.array(Phrase), []),
  /** Aliases matched only with exactly this case. */
  caseSensitive: v.optional(v.array(Phrase), []),
  /** Aliases matched only where the entity is also named by a name or another alias. */
  contextRequired: v.optional(v.array(Phrase), []),
  /** Role titles printed next to the name ("Kremlin spokesman" Dmitry Peskov). */
  roles: v.optional(v.array(Phrase), []),
  /**
   * Phrases that stand for the entity on their own ("Washington's top diplomat"), trusted only in a
   * document that also names the entity.
   */
  references: v.optional(v.array(Phrase), []),
});

const EventTrigger = v.strictObject({
  /** Literal phrase, matched case-insensitively; its match is the event's source span. */
  phrase: Phrase,
  /**
   * Where the date comes from: `sentence`, a date expression in the phrase's sentence (outside
   * quotations), resolved against the publication date; `published`, the publication date itself
   * (a report that something "has wrapped up"); `none`, the phrase is a source only.
   */
  date: v.optional(v.picklist(['sentence', 'published', 'none']), 'sentence'),
  /** Whether that date is the event's day, its first day or its last day. */
  marks: v.optional(v.picklist(['point', 'start', 'end']), 'point'),
});

const UnprintedDate = v.union([
  v.strictObject({ date: PartialDate, reason: Phrase }),
  v.strictObject({
    /** The event happened shortly before this other event: its date at `precision`. */
    shortlyBefore: Slug,
    precision: v.picklist(['month', 'year']),
    reason: Phrase,
  }),
]);

const EventRule = v.strictObject({
  id: Slug,
  title: Phrase,
  entities: v.array(Slug),
  triggers: v.pipe(v.array(EventTrigger), v.minLength(1, 'an event rule needs a trigger')),
  /** Used only when no trigger's sentence dates the event. */
  dateWhenUnprinted: v.optional(UnprintedDate),
});

const GazetteerFile = v.strictObject({
  entities: v.array(GazetteerEntity),
  events: v.optional(v.array(EventRule), []),
});

export type GazetteerEntity = v.InferOutput<typeof GazetteerEntity>;

export type EventRule = v.InferOutput<typeof EventRule>;
export type Gazetteer = v.InferOutput<typeof GazetteerFile>;

export const EMPTY_GAZETTEER: Gazetteer = { entities: [], events: [] };

/** Parses and checks gazetteer YAML (or JSON, which is YAML); errors name the file and line. */
export function parseGazetteer(yamlText: string, fileName: string): Gazetteer {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    throw new CorpusInputError(
      fileName,
      lineAt(syntaxError.pos[0]),
      syntaxError.message.split('\n')[0] ?? '',
    );
  }
  const parsed = v.safeParse(GazetteerFile, document.toJS());
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    const node = findDeepestNode(document, path);
    const where = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
    throw new CorpusInputError(
      fileName,
      node?.range == null ? undefined : lineAt(node.range[0]),
      `${where.replace(/^\./, '')}: ${issue.message}`,
    );
  }
  checkReferences(parsed.output, fileName);
  return parsed.output;
}

function findDeepestNode(
  document: ReturnType<typeof parseDocument>,
  path: (string | number)[],
): { range?: [number, number, number] | null } | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true);
    if (
      node !== undefined &&
      node !== null &&
      typeof node === 'object' &&
      ('range' in node || isCollection(node))
    ) {
      return node as { range?: [number, number, number] | null };
    }
  }
  return undefined;
}

function checkReferences(gazetteer: Gazetteer, fileName: string): void {
  const ids = new Set<string>();
  for (const entity of gazetteer.entities) {
    if (ids.has(entity.id))
      throw new CorpusInputError(fileName, undefined, `duplicate entity id "${entity.id}"`);
    ids.add(entity.id);
    const forms = new Set([entity.name, ...entity.aliases]);
    for (const alias of [...entity.caseSensitive, ...entity.contextRequired]) {
      if (!forms.has(alias)) {
        throw new CorpusInputError(
          fileName,
          undefined,
          `${entity.id}: "${alias}" is not its name or an alias`,
        );
      }
    }
  }
  const eventIds = new Set(gazetteer.events.map((event) => event.id));
  for (const event of gazetteer.events) {
    for (const id of event.entities) {
      if (!ids.has(id))
        throw new CorpusInputError(fileName, undefined, `event ${event.id}: no entity "${id}"`);
    }
    const before = event.dateWhenUnprinted;
    if (before !== undefined && 'shortlyBefore' in before && !eventIds.has(before.shortlyBefore)) {
      throw new CorpusInputError(
        fileName,
        undefined,
        `event ${event.id}: no event "${before.shortlyBefore}"`,
      );
    }
  }
}
