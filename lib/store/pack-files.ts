/**
 * Pack files as users handle them: reading one to import it (all or nothing, with every problem
 * said in words a person understands) and writing one to export.
 */

import { failureKind, STORAGE_FULL } from '@/lib/failure-words';
import { packContentHash } from '@/lib/pack/content-hash';
import { packFileSizeProblem } from '@/lib/pack/file-limits';
import { formatProblem, type Pack, type PackProblem, validatePack } from '@/lib/pack/schema';
import type { ImportOutcome, OnConflict, PackConflict } from '@/lib/views';
import { READING_PACK_ID } from '@/lib/views';
import type { CorpusStore, InstallProgress } from './corpus-store';
import { countsOfPack, type PackRow } from './db';

/** Several packs in one file: what "export everything" writes, and import reads back. */
export const PACK_COLLECTION_FORMAT = 'briefings-pack-collection';

export interface PackCollectionFile {
  format: typeof PACK_COLLECTION_FORMAT;
  version: 1;
  packs: Pack[];
}

const MAX_PROBLEMS_LISTED = 200;

/**
 * Imports every pack of a file, or none. A pack whose content an installed pack already holds is
 * left out (reported as unchanged); a pack whose id is taken by other content waits for the
 * reader's `onConflict` choice, and until then nothing is written.
 */
export async function importPackFile(
  store: CorpusStore,
  fileText: string,
  onConflict: OnConflict = 'refuse',
  onProgress?: (progress: InstallProgress) => void,
): Promise<ImportOutcome> {
  // Characters, not bytes: the file is text by now, and a character is at least a byte.
  const tooLarge = packFileSizeProblem(fileText.length);
  if (tooLarge) return refused(tooLarge, []);
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch (error) {
    return refused(
      'This file is not a pack: it is not valid JSON.',
      whereJsonStops(error, fileText),
    );
  }

  const packs = packsInFile(json);
  if (!packs.ok) return refused(packs.message, packs.problems);

  const installed = await store.listPacks();
  const hashes = await store.contentHashes();
  // A copy takes an id no installed pack and no pack of this file has, nor one given before.
  const takenIds = new Set([...installed, ...packs.value].map((pack) => pack.id));
  const takenTitles = new Set([...installed, ...packs.value].map((pack) => pack.title));
  const plan: { pack: Pack; contentHash: string; replacing: string[] }[] = [];
  const unchanged: PackRow[] = [];
  const conflicts: PackConflict[] = [];
  for (const pack of packs.value) {
    const contentHash = await packContentHash(pack);
    const same = installed.find((row) => hashes.get(row.id) === contentHash);
    const holder = installed.find((row) => row.id === pack.id);
    // The bundled corpus is the extension's own and "My reading" grows by articles: either can
    // be kept beside a copy, never replaced.
    const replaceable = holder?.origin === 'imported';
    if (same) {
      unchanged.push(same);
    } else if (!holder && pack.id === READING_PACK_ID) {
      // The reader's id stays free for their own articles.
      const copy = copyOf(pack, takenIds, takenTitles, 'imported');
      plan.push({ pack: copy, contentHash, replacing: [] });
    } else if (!holder) {
      plan.push({ pack, contentHash, replacing: [] });
    } else if (onConflict === 'replace' && replaceable) {
      plan.push({ pack, contentHash, replacing: [holder.id] });
    } else if (onConflict === 'keep-both') {
      plan.push({ pack: copyOf(pack, takenIds, takenTitles), contentHash, replacing: [] });
    } else {
      conflicts.push({
        packId: pack.id,
        installed: {
          title: holder.title,
          createdAt: holder.createdAt,
          counts: holder.counts,
          installedAt: holder.installedAt,
        },
        incoming: { title: pack.title, createdAt: pack.createdAt, counts: countsOfPack(pack) },
        replaceable,
      });
    }
  }

  const [conflict] = conflicts;
  if (conflict) {
    const message =
      conflicts.length === 1
        ? `A different version of “${conflict.installed.title}” is installed. Nothing was changed yet.`
        : `${conflicts.length} packs in this file differ from installed packs with the same ids. Nothing was changed yet.`;
    return { ok: false, message, problems: [], conflicts };
  }
  if (plan.length === 0) return { ok: true, installed: [], unchanged };
  try {
    const rows = await store.installAll(plan, 'imported', onProgress);
    return { ok: true, installed: rows, unchanged };
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

/**
 * The pack under the first free id and title of the form "id-2" and "Title (2)" (or, with
 * `label`, "Title (label)"); what it takes is marked taken.
 */
function copyOf(pack: Pack, takenIds: Set<string>, takenTitles: Set<string>, label?: string): Pack {
  for (let copy = 2; ; copy++) {
    const id = `${pack.id}-${copy}`;
    const title = `${pack.title} (${label ?? copy})`;
    if (takenIds.has(id) || (label === undefined && takenTitles.has(title))) continue;
    takenIds.add(id);
    takenTitles.add(title);
    return { ...pack, id, title };
  }
}

/** Where the parser gave up, in words (its own message is the browser's, not the reader's). */
function whereJsonStops(error: unknown, text: string): string[] {
  const message = error instanceof Error ? error.message : '';
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  if (/unexpected end|unterminated/i.test(message) || position >= text.trimEnd().length) {
    return ['It ends before the JSON is complete: the file may be cut short.'];
  }
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line) return [`It stops being JSON at line ${line[1]}, column ${line[2]}.`];
  if (Number.isInteger(position)) return [`It stops being JSON at character ${position + 1}.`];
  return [];
}

function refused(message: string, problems: string[]): ImportOutcome {
  return { ok: false, message, problems };
}

/** Storage failures in words a reader understands; the transaction has rolled back. */
export function describeStorageError(error: unknown): string {
  if (failureKind(error) === 'storage-full') return STORAGE_FULL;
  return 'The pack could not be saved, and nothing was changed. Try again; if it keeps failing, export your packs and reset.';
}
