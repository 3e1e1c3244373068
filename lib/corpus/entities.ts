/**
 * Stage 3: entities. Spots the gazetteer's entities in a document (names, aliases, references),
 * finds the roles printed next to their names, and discovers people the gazetteer lacks when the
 * text names them with a role or quotes them.
 */
import nlp from 'compromise';
import type { EntityKind, SourceSpan } from '../pack/schema';
import { slugify } from './frontMatter';
import type { GazetteerEntity } from './gazetteer';

/** An entity as the compiler knows it: the gazetteer's fields plus where it came from. */
export interface KnownEntity {
  id: string;
  name: string;
  kind: EntityKind;
  pronoun?: 'he' | 'she';
  description: string;
  aliases: string[];
  caseSensitive: string[];
  contextRequired: string[];
  roles: string[];
  references: string[];
  origin: 'gazetteer' | 'discovered';
}

export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** name: the name or an alias; reference: a phrase standing for the entity ("the Chinese leader"). */
  via: 'name' | 'reference';
}

export interface FoundRole {
  entityId: string;
  title: string;
  span: SourceSpan;
}

export function fromGazetteer(entity: GazetteerEntity): KnownEntity {
  return { ...entity, origin: 'gazetteer' };
}

/** Apostrophes vary between pages (' and ’): a pattern accepting both. */
function phrasePattern(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
}

function normalizeForm(text: string): string {
  return text.replace(/’/g, "'").replace(/\s+/g, ' ');
}

interface FormInfo {
  entityId: string;
  form: string;
  caseSensitive: boolean;
  contextRequired: boolean;
  reference: boolean;
}

/** Finds every entity's names, aliases and references in one pass per document. */
export class MentionMatcher {
  private readonly pattern: RegExp;
  private readonly forms = new Map<string, FormInfo[]>();

  constructor(entities: readonly KnownEntity[]) {
    for (const entity of entities) {
      const add = (form: string, reference: boolean) => {
        const key = normalizeForm(form).toLowerCase();
        const infos = this.forms.get(key) ?? [];
        infos.push({
          entityId: entity.id,
          form: normalizeForm(form),
          caseSensitive: entity.caseSensitive.includes(form),
          contextRequired: entity.contextRequired.includes(form),
          reference,
        });
        this.forms.set(key, infos);
      };
      for (const form of [entity.name, ...entity.aliases]) add(form, false);
      for (const form of entity.references) add(form, true);
    }
    const alternatives = [...this.forms.values()]
      .map((infos) => (infos[0] as FormInfo).form)
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .map(phrasePattern);
    this.pattern =
      alternatives.length === 0
        ? /(?!)/gu
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  }

  /**
   * Mentions in `text`, in order. Context-required aliases and references count only where the
   * entity is also named in the same text.
   */
  find(text: string): Mention[] {
    const candidates: (Mention & { info: FormInfo })[] = [];
    for (const match of text.matchAll(this.pattern)) {
      const printed = normalizeForm(match[0]);
      const infos = this.forms.get(printed.toLowerCase()) ?? [];
      const info = infos.find(
        (candidate) => !candidate.caseSensitive || candidate.form === printed,
      );
      if (info === undefined) continue;
      candidates.push({
        entityId: info.entityId,
        start: match.index,
        end: match.index + match[0].length,
        via: info.reference ? 'reference' : 'name',
        info,
      });
    }
    const named = new Set(
      candidates.filter((c) => !c.info.reference && !c.info.contextRequired).map((c) => c.entityId),
    );
    return candidates
      .filter((candidate) => named.has(candidate.entityId))
      .map(({ info: _info, ...mention }) => mention);
  }
}

/**
 * Roles printed next to a name: before it ("Kremlin spokesman Dmitry Peskov"), or in apposition
 * ("Li Hui, Beijing's special representative …" / "the alliance's secretary-general, Jens
 * Stoltenberg"). Each found role keeps the span where it is printed.
 */
export function findRoles(
  documentId: string,
  text: string,
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, KnownEntity>,
): FoundRole[] {
  const found: FoundRole[] = [];
  const names = mentions.filter((mention) => mention.via === 'name');
  for (const entity of entities.values()) {
    if (entity.roles.length === 0) continue;
    const ownNames = names.filter((mention) => mention.entityId === entity.id);
    if (ownNames.length === 0) continue;
    const roles = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${entity.roles.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
    for (const match of text.matchAll(roles)) {
      const start = match.index;
      const end = start + match[0].length;
      const adjacent = ownNames.some(
        (name) =>
          /^\s+$/.test(text.slice(end, name.start)) ||
          /^,\s+$/.test(text.slice(end, name.start)) ||
          /^,\s+(?:(?:the|a|an)\s+)?$/i.test(text.slice(name.end, start)),
      );
      if (adjacent)
        found.push({ entityId: entity.id, title: match[0], span: { documentId, start, end } });
    }
  }
  return found;
}

/** Lowercase words that make the words before a name a role ("… spokeswoman Mao Ning"). */
const ROLE_HEADS = new Set(
  (
    'spokesman spokeswoman spokesperson minister secretary president ambassador envoy adviser ' +
    'advisor analyst professor director chief commander governor mayor senator lawmaker official ' +
    'researcher economist chairman chairwoman premier chancellor general editor correspondent ' +
    'lawyer expert aide diplomat negotiator executive founder fellow strategist colonel head ' +
    'leader representative deputy spokespeople mp'
  ).split(' '),
);
/** Capitalized words that are titles, not names ("Deputy Prime Minister Dmitry Chernyshenko"). */
const TITLE_WORDS = new Set(
  (
    'President Minister Secretary Prime Deputy Foreign Chancellor General Ambassador Envoy ' +
    'Director Chief Governor Mayor Senator Representative Spokesman Spokeswoman Professor Dr Mr ' +
    'Mrs Ms Sir Lord Commander Colonel Premier Vice Secretary-General Chairman Chairwoman'
  ).split(' '),
);
/** Capitalized function words and dates: they end a role phrase and are never part of a name. */
const FUNCTION_WORDS = new Set(
  (
    'The A An And But Or In On At Of For From To By With As Also Meanwhile However While After ' +
    'Before During Since Until When Where If Then This That These Those It He She They We I You ' +
    'His Her Their Our Its Monday Tuesday Wednesday Thursday Friday Saturday Sunday January ' +
    'February March April May June July August September October November December According'
  ).split(' '),
);
/** Capitalized words of institutions and places: they may be in a role, never in a person's name. */
const INSTITUTION_WORDS = new Set(
  (
    'Ministry Council Court Agency Times News Union Party Government University Institute ' +
    'Department Committee Foundation Bank Group Company Airport Street Office Army Navy Force ' +
    'Forces Republic State States Kingdom House Senate Parliament Assembly Commission Organization ' +
    'Association Centre Center Post Press Reuters Associated Twitter Facebook'
  ).split(' '),
);
const SPEECH_AFTER_NAME =
  /^,?\s+(?:also\s+|later\s+)?(?:said|says|told|added|warned|wrote|argued|explained|stressed|insisted|noted|asked|replied)\b/;
const QUOTE_BEFORE_NAME = /[”"]\s*,?\s*(?:(?:said|says|added|told)\s+)?$/;
const SPEECH_BEFORE_NAME = /\b(?:said|says|added)\s+$/;

export interface DiscoveredPerson {
  name: string;
  role?: string;
  roleSpan?: SourceSpan;
  pronoun?: 'he' | 'she';
}

/**
 * People the gazetteer lacks, found where the text names them with a role or as the speaker of a
 * quotation. `masked` has the words of quotations masked, so names inside quotations are skipped.
 */
export function discoverPeople(
  documentId: string,
  text: string,
  masked: string,
  known: readonly Mention[],
): DiscoveredPerson[] {
  const found: DiscoveredPerson[] = [];
  const overlapsKnown = (start: number, end: number) =>
    known.some((mention) => mention.start < end && start < mention.end);
  for (const run of capitalizedRuns(masked)) {
    const words = run.words;
    let titleLength = 0;
    for (let index = 0; index < words.length; index++) {
      if (TITLE_WORDS.has((words[index] as Word).text.replace(/[’']s$/, '')))
        titleLength = index + 1;
    }
    const nameWords = words.slice(titleLength);
    if (nameWords.length < 2 || nameWords.length > 3) continue;
    const notName = (word: Word) =>
      FUNCTION_WORDS.has(word.text) || INSTITUTION_WORDS.has(word.text) || /[’']/.test(word.text);
    if (nameWords.some(notName)) continue;
    const start = (nameWords[0] as Word).start;
    const end = (nameWords[nameWords.length - 1] as Word).end;
    if (overlapsKnown(start, end)) continue;
    const name = text.slice(start, end);
    const role = roleBefore(masked, start) ?? roleInApposition(text, end);
    const quoted =
      (QUOTE_BEFORE_NAME.test(masked.slice(Math.max(0, start - 12), start)) ||
        SPEECH_BEFORE_NAME.test(masked.slice(Math.max(0, start - 12), start)) ||
        SPEECH_AFTER_NAME.test(masked.slice(end, end + 20))) &&
      nlp(name).people().length > 0;
    if (role === undefined && !quoted) continue;
    const person: DiscoveredPerson = { name };
    if (role !== undefined) {
      person.role = text.slice(role.start, role.end);
      person.roleSpan = { documentId, ...role };
      const pronoun = /\b(?:spokeswoman|chairwoman|Ms|Mrs)\b/i.test(person.role)
        ? 'she'
        : /\b(?:spokesman|chairman|Mr)\b/i.test(person.role)
          ? 'he'
          : undefined;
      if (pronoun !== undefined) person.pronoun = pronoun;
    }
    found.push(person);
  }
  return found;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Runs of capitalized words (possessives allowed) separated only by spaces. */
function capitalizedRuns(masked: string): { words: Word[] }[] {
  const runs: { words: Word[] }[] = [];
  let current: Word[] = [];
  let lastEnd = -1;
  for (const match of masked.matchAll(/[\p{Lu}][\p{L}’'-]*/gu)) {
    const word = { text: match[0], start: match.index, end: match.index + match[0].length };
    if (/^X+$/.test(word.text)) continue; // masked quotation
    const gap = masked.slice(lastEnd, word.start);
    const preceded = match.index === 0 || !/[\p{L}\p{N}]/u.test(masked[match.index - 1] as string);
    if (!preceded) continue;
    if (current.length > 0 && / +$/.test(gap) && gap.trim() === '') current.push(word);
    else {
      if (current.length > 0) runs.push({ words: current });
      current = [word];
    }
    lastEnd = word.end;
  }
  if (current.length > 0) runs.push({ words: current });
  return runs;
}

/** "Chinese Foreign Ministry spokeswoman " or "Deputy Prime Minister " right before a name. */
function roleBefore(masked: string, nameStart: number): { start: number; end: number } | undefined {
  const before = masked.slice(Math.max(0, nameStart - 120), nameStart);
  const offset = nameStart - before.length;
  const tokens = [...before.matchAll(/[^\s]+/g)];
  let first = tokens.length;
  let hasHead = false;
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = (tokens[index] as RegExpMatchArray)[0];
    const bare = token.replace(/[’']s$/, '');
    const isHead = ROLE_HEADS.has(token.toLowerCase()) || TITLE_WORDS.has(bare);
    const isCapitalized = /^[\p{Lu}][\p{L}’'-]*$/u.test(token) && !FUNCTION_WORDS.has(bare);
    if (!isHead && !isCapitalized) break;
    hasHead ||= isHead;
    first = index;
  }
  const gapToName = before.slice(before.trimEnd().length);
  if (!hasHead || first === tokens.length || gapToName === '') return undefined;
  const firstToken = tokens[first] as RegExpMatchArray;
  const start = offset + (firstToken.index ?? 0);
  const end = offset + before.trimEnd().length;
  return start < end ? { start, end } : undefined;
}

/** "Jane Doe, a senior analyst at the institute," (or ".") → "senior analyst at the institute". */
function roleInApposition(
  text: string,
  nameEnd: number,
): { start: number; end: number } | undefined {
  const match = /^,\s+(?:the|a|an)\s+([^,.;“”"]{3,80}?)[,.]/.exec(
    text.slice(nameEnd, nameEnd + 100),
  );
  const phrase = match?.[1];
  if (match === null || phrase === undefined) return undefined;
  const hasHead = phrase.split(/\s+/).some((word) => ROLE_HEADS.has(word.toLowerCase()));
  if (!hasHead) return undefined;
  const start = nameEnd + match[0].indexOf(phrase);
  return { start, end: start + phrase.length };
}

/** Turns discoveries from all documents into entities (one per name), skipping known names. */
export function entitiesFromDiscoveries(
  discoveries: readonly { documentId: string; person: DiscoveredPerson }[],
  knownForms: ReadonlySet<string>,
  knownIds: ReadonlySet<string>,
): KnownEntity[] {
  const byId = new Map<string, KnownEntity>();
  for (const { person } of discoveries) {
    const id = slugify(person.name);
    if (knownIds.has(id) || knownForms.has(person.name.toLowerCase())) continue;
    const entity = byId.get(id) ?? {
      id,
      name: person.name,
      kind: 'person' as const,
      description: '',
      aliases: [],
      caseSensitive: [],
      contextRequired: [],
      roles: [],
      references: [],
      origin: 'discovered' as const,
    };
    if (person.pronoun !== undefined) entity.pronoun ??= person.pronoun;
    if (person.role !== undefined && !entity.roles.includes(person.role))
      entity.roles.push(person.role);
    byId.set(id, entity);
  }
  for (const entity of byId.values()) {
    entity.description =
      entity.roles.length > 0
        ? `Named in the articles as ${entity.roles.join('; ')}.`
        : 'Quoted in the articles; not in the gazetteer.';
  }
  return [...byId.values()];
}
