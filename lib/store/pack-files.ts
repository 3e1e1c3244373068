/**
 * Pack files as users handle them: reading one to import it (all or nothing, with every problem
 * said in words a person understands) and writing one to export.
 */
import { formatProblem, type Pack, type PackProblem, validatePack } from '@/lib/pack/schema';
import type { ImportOutcome, OnConflict } from '@/lib/views';
import { READING_PACK_ID } from '@/lib/views';
import type { CorpusStore, InstallProgress } from './corpus-store';
import type { PackRow } from './db';

/** Several packs in one file: what "export everything" writes, and import reads back. */
export const PACK_COLLECTION_FORMAT = 'briefings-pack-collection';

export interface PackCollectionFile {
  format: typeof PACK_COLLECTION_FORMAT;
  version: 1;
  packs: Pack[];
}

const MAX_PROBLEMS_LISTED = 200;

export async function importPackFile(
  store: CorpusStore,
  fileText: string,
  onConflict: OnConflict = 'refuse',
  onProgress?: (progress: InstallProgress) => void,
): Promise<ImportOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch (error) {
    return refused('This file is not a pack: it is not valid JSON.', [String(error)]);
  }

  const packs = packsInFile(json);
  if (!packs.ok) return refused(packs.message, packs.problems);

  const installed = await store.listPacks();
  const plan: { pack: Pack; replacing: string[] }[] = [];
  for (const pack of packs.value) {
    const taken = installed.find((row) => row.id === pack.id);
    if (pack.id === READING_PACK_ID) {
      // The reader's own pack grows by articles; an exported copy comes back as a pack beside it.
      const copy = { ...pack, id: freeId(pack.id, installed), title: `${pack.title} (imported)` };
      plan.push({ pack: copy, replacing: [] });
    } else if (!taken) {
      plan.push({ pack, replacing: [] });
    } else if (onConflict === 'replace' && taken.origin === 'imported') {
      plan.push({ pack, replacing: [taken.id] });
    } else if (onConflict === 'keep-both') {
      plan.push({ pack: { ...pack, id: freeId(pack.id, installed) }, replacing: [] });
    } else {
      // The bundled corpus is the extension's own: it can be kept beside a copy, not replaced.
      const replaceable = taken.origin === 'imported';
      return {
        ok: false,
        message: replaceable
          ? `A pack named "${taken.title}" with the same id (${pack.id}) is already installed. Replace it, or keep both?`
          : `This is a copy of the bundled corpus (${pack.id}), which stays installed. Keep both?`,
        problems: [],
        conflict: { packId: pack.id, installedTitle: taken.title, replaceable },
      };
    }
  }

  try {
    const rows = await store.installAll(plan, 'imported', onProgress);
    return { ok: true, installed: rows };
  } catch (error) {
    return refused(describeStorageError(error), [String(error)]);
  }
}

/** The file for one pack, or for every installed pack. */
export async function exportPackFile(
  store: CorpusStore,
  packId: string | 'all',
): Promise<{ fileName: string; text: string } | undefined> {
  if (packId !== 'all') {
    const pack = await store.exportPack(packId);
    return pack && { fileName: `${pack.id}.briefings.json`, text: JSON.stringify(pack, null, 2) };
  }
  const packs: Pack[] = [];
  for (const row of await store.listPacks()) {
    const pack = await store.exportPack(row.id);
    if (pack) packs.push(pack);
  }
  const collection: PackCollectionFile = { format: PACK_COLLECTION_FORMAT, version: 1, packs };
  return { fileName: 'all-packs.briefings.json', text: JSON.stringify(collection, null, 2) };
}

function packsInFile(
  json: unknown,
): { ok: true; value: Pack[] } | { ok: false; message: string; problems: string[] } {
  const isCollection =
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === PACK_COLLECTION_FORMAT;
  const candidates = isCollection ? (json as { packs?: unknown }).packs : [json];
  if (!Array.isArray(candidates) || candidates.length === 0) {
    return {
      ok: false,
      message: 'This file holds no packs.',
      problems: ['packs: must be a non-empty list'],
    };
  }
  const packs: Pack[] = [];
  const problems: PackProblem[] = [];
  candidates.forEach((candidate, index) => {
    const validation = validatePack(candidate);
    if (validation.ok) packs.push(validation.pack);
    const prefix = isCollection ? `packs[${index}].` : '';
    if (!validation.ok) {
      problems.push(...validation.problems.map((p) => ({ ...p, path: prefix + p.path })));
    }
  });
  const ids = packs.map((pack) => pack.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  for (const id of new Set(repeated))
    problems.push({ path: 'packs', message: `pack id "${id}" appears twice` });
  if (problems.length === 0) return { ok: true, value: packs };
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED).map(formatProblem);
  if (problems.length > MAX_PROBLEMS_LISTED) {
    listed.push(`… and ${problems.length - MAX_PROBLEMS_LISTED} more`);
  }
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return {
    ok: false,
    message: `This pack was not imported: it has ${count}. Nothing was changed.`,
    problems: listed,
  };
}

function freeId(id: string, installed: readonly PackRow[]): string {
  const taken = new Set(installed.map((row) => row.id));
  for (let copy = 2; ; copy++) {
    if (!taken.has(`${id}-${copy}`)) return `${id}-${copy}`;
  }
}

function refused(message: string, problems: string[]): ImportOutcome {
  return { ok: false, message, problems };
}

/** Storage failures in words a reader understands; the transaction has rolled back. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'There is not enough storage space for this pack. Nothing was changed: remove a pack you no longer need, or free space on this device, and try again.';
  }
  return 'The pack could not be saved, and nothing was changed. Try again; if it keeps failing, export your packs and reset.';
}
