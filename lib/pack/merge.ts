/**
 * One entity per id, from its descriptions in several places (packs, or the articles of the
 * reader's own pack): the first one's name, kind and description, everyone's aliases, spotting
 * rules and roles (a role stated in two places keeps both sources).
 */
import type { Entity, Role } from './schema';

export function mergeEntities(versions: readonly Entity[]): Entity[] {
  const merger = new EntityMerger();
  for (const version of versions) merger.add(version);
  return merger.entities();
}

/** `mergeEntities` a version at a time (a large corpus's, a slice at a time). */
export class EntityMerger {
  private readonly byId = new Map<string, Entity>();

  add(version: Entity): void {
    const known = this.byId.get(version.id);
    if (!known) {
      // A copy: merging replaces its lists, never changes the caller's.
      this.byId.set(version.id, { ...version, aliases: [...version.aliases] });
      return;
    }
    const forms = new Set([known.name, ...known.aliases]);
    for (const form of [version.name, ...version.aliases]) {
      if (!forms.has(form)) known.aliases.push(form);
      forms.add(form);
    }
    known.roles = mergeRoles([...known.roles, ...version.roles]);
    const caseSensitive = union(known.spotting?.caseSensitive, version.spotting?.caseSensitive);
    const contextRequired = union(
      known.spotting?.contextRequired,
      version.spotting?.contextRequired,
    );
    if (caseSensitive.length > 0 || contextRequired.length > 0) {
      known.spotting = {
        ...(caseSensitive.length > 0 && { caseSensitive }),
        ...(contextRequired.length > 0 && { contextRequired }),
      };
    }
    if (known.description === '') known.description = version.description;
  }

  /** One entity per id, in the order their ids first came. */
  entities(): Entity[] {
    return [...this.byId.values()];
  }
}

function mergeRoles(roles: readonly Role[]): Role[] {
  const byTitle = new Map<string, Role>();
  for (const role of roles) {
    const known = byTitle.get(role.title);
    if (!known) {
      byTitle.set(role.title, { title: role.title, sources: [...role.sources] });
      continue;
    }
    for (const source of role.sources) {
      const same = known.sources.some(
        (s) => s.documentId === source.documentId && s.start === source.start,
      );
      if (!same) known.sources.push(source);
    }
  }
  return [...byTitle.values()];
}

function union(a: readonly string[] = [], b: readonly string[] = []): string[] {
  return [...new Set([...a, ...b])];
}
