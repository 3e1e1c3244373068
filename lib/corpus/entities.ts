/**
 * Stage 3: entities. Spots the gazetteer's entities in a document (names, aliases, references)
 * and finds the roles printed next to their names. People the gazetteer lacks are found by
 * lib/corpus/people.ts.
 */
import type { EntityKind, SourceSpan } from '../pack/schema';
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
