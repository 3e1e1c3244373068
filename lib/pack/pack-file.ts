/**
 * A pack file as the reader picks it: read, checked and fingerprinted where it is picked (the
 * options page), so the background, which answers every page and card, never parses a file of
 * megabytes. All or nothing: a file with any problem is refused with every problem said in words
 * a person understands.
 */

import { packContentHash } from './content-hash';
import { packFileSizeProblem } from './file-limits';
import { formatProblem, type Pack, type PackProblem, validatePack } from './schema';

/** Several packs in one file: what "export everything" writes, and import reads back. */
export const PACK_COLLECTION_FORMAT = 'briefings-pack-collection';

export interface PackCollectionFile {
  format: typeof PACK_COLLECTION_FORMAT;
  version: 1;
  packs: Pack[];
}

/** A valid pack, with the fingerprint of its content (see content-hash.ts). */
export interface CheckedPack {
  pack: Pack;
  contentHash: string;
}

export type PackFileReading =
  | { ok: true; packs: CheckedPack[] }
  | { ok: false; message: string; problems: string[] };

const MAX_PROBLEMS_LISTED = 200;

/** Every pack of the file, checked and hashed; or why the file is refused. */
export async function readPackFile(fileText: string): Promise<PackFileReading> {
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
  if (!packs.ok) return packs;
  const checked: CheckedPack[] = [];
  for (const pack of packs.packs) checked.push({ pack, contentHash: await packContentHash(pack) });
  return { ok: true, packs: checked };
}

function packsInFile(
  json: unknown,
): { ok: true; packs: Pack[] } | { ok: false; message: string; problems: string[] } {
  const isCollection =
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === PACK_COLLECTION_FORMAT;
  const candidates = isCollection ? (json as { packs?: unknown }).packs : [json];
  if (!Array.isArray(candidates) || candidates.length === 0) {
    return refused('This file holds no packs.', ['packs: must be a non-empty list']);
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
  if (problems.length === 0) return { ok: true, packs };
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED).map(formatProblem);
  if (problems.length > MAX_PROBLEMS_LISTED) {
    listed.push(`… and ${problems.length - MAX_PROBLEMS_LISTED} more`);
  }
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return refused(`This pack was not imported: it has ${count}. Nothing was changed.`, listed);
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

function refused(
  message: string,
  problems: string[],
): { ok: false; message: string; problems: string[] } {
  return { ok: false, message, problems };
}
