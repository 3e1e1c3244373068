/**
 * Packs on their way in. The page that read a file writes its checked packs here, in parts, and
 * the background reads them back a part at a time. Sent as a message, a pack stops the
 * background for as long as the browser takes to hand it over: about 0.4 s per MB of JSON,
 * 19 s for a 48 MB pack, with every card and search waiting. A part read from the database
 * stops it for milliseconds, and calls are answered between parts. A large install's journal
 * names its stage, so a worker stopped on the way reads the pack from here again.
 */
import type { CheckedPack } from '@/lib/pack/pack-file';
import type { Pack } from '@/lib/pack/schema';
import type { BriefingsDatabase } from './db';

const ROW_LISTS = ['documents', 'entities', 'quotes', 'events'] as const;
type RowList = (typeof ROW_LISTS)[number];

/** About how much JSON one part holds: small enough to read between two calls. */
const PART_CHARACTERS = 256 * 1024;

/**
 * A stage nobody asked to import after this long was left by a page closed on the way (or a
 * worker stopped before it read it): the next worker to start deletes it.
 */
export const ABANDONED_STAGE_MS = 10 * 60_000;

/** What part 0 of a stage holds: each pack without its rows, and the parts that hold them. */
interface StageManifest {
  stagedAt: number;
  packs: {
    header: Omit<Pack, RowList>;
    contentHash: string;
    parts: number[];
  }[];
}

export interface StagingRow {
  stageId: string;
  part: number;
  manifest?: StageManifest;
  list?: RowList;
  rows?: unknown[];
}

/** The packs of one file, written in one transaction: all of them or, on any error, none. */
export async function stagePacks(
  db: BriefingsDatabase,
  packs: readonly CheckedPack[],
): Promise<string> {
  const { stageId, rows } = stagingRowsOf(packs);
  await db.transaction('rw', db.staging, () => db.staging.bulkAdd(rows));
  return stageId;
}

/** The rows that stage `packs` under a new stage id: the manifest, then the parts. */
export function stagingRowsOf(packs: readonly CheckedPack[]): {
  stageId: string;
  rows: StagingRow[];
} {
  const stageId = crypto.randomUUID();
  const parts: StagingRow[] = [];
  const manifest: StageManifest = { stagedAt: Date.now(), packs: [] };
  for (const { pack, contentHash } of packs) {
    const { documents, entities, quotes, events, ...header } = pack;
    const lists: Record<RowList, readonly unknown[]> = { documents, entities, quotes, events };
    const numbers: number[] = [];
    for (const list of ROW_LISTS) {
      for (const rows of inParts(lists[list])) {
        const part = parts.length + 1;
        parts.push({ stageId, part, list, rows });
        numbers.push(part);
      }
    }
    manifest.packs.push({ header, contentHash, parts: numbers });
  }
  return { stageId, rows: [{ stageId, part: 0, manifest }, ...parts] };
}

/** Every pack of the stage, in the order they were staged. */
export async function readStagedPacks(
  db: BriefingsDatabase,
  stageId: string,
): Promise<CheckedPack[]> {
  const manifest = await manifestOf(db, stageId);
  const packs: CheckedPack[] = [];
  for (const staged of manifest.packs) packs.push(await assemble(db, stageId, staged));
  return packs;
}

/** One pack of the stage, by its place among them. */
export async function readStagedPack(
  db: BriefingsDatabase,
  stageId: string,
  index: number,
): Promise<CheckedPack> {
  const staged = (await manifestOf(db, stageId)).packs[index];
  if (!staged) throw new StageMissing();
  return assemble(db, stageId, staged);
}

/** Deletes the stages; call it in a transaction that includes `db.staging`, or alone. */
export function discardStages(db: BriefingsDatabase, stageIds: readonly string[]): Promise<number> {
  return db.staging
    .where('stageId')
    .anyOf([...stageIds])
    .delete();
}

/**
 * Deletes the stage unless a change under way reads from it (its journal names it): a stopped
 * worker's successor finishes that change from the stage, and deletes it then.
 */
export function discardStageIfUnused(db: BriefingsDatabase, stageId: string): Promise<void> {
  return db.transaction('rw', db.journal, db.staging, async () => {
    const journal = await db.journal.get('pending');
    if (journal?.installing.some((install) => install.stageId === stageId)) return;
    await discardStages(db, [stageId]);
  });
}

/** Deletes the stages older than ABANDONED_STAGE_MS that `inUse` does not name. */
export async function discardAbandonedStages(
  db: BriefingsDatabase,
  inUse: ReadonlySet<string>,
  now = Date.now(),
): Promise<void> {
  const stageIds = (await db.staging.orderBy('stageId').uniqueKeys()) as string[];
  const manifests = await db.staging.bulkGet(stageIds.map((stageId) => [stageId, 0]));
  const abandoned = stageIds.filter(
    (stageId, at) =>
      !inUse.has(stageId) && now - (manifests[at]?.manifest?.stagedAt ?? 0) > ABANDONED_STAGE_MS,
  );
  if (abandoned.length > 0) await discardStages(db, abandoned);
}

/** A stage that is gone: imported already, or deleted as abandoned. */
export class StageMissing extends Error {
  constructor() {
    super('The file to import is no longer there: import it again.');
    this.name = 'StageMissing';
  }
}

async function manifestOf(db: BriefingsDatabase, stageId: string): Promise<StageManifest> {
  const manifest = (await db.staging.get([stageId, 0]))?.manifest;
  if (!manifest) throw new StageMissing();
  return manifest;
}

/** A staged pack read back a part at a time: each read is its own short request. */
async function assemble(
  db: BriefingsDatabase,
  stageId: string,
  staged: StageManifest['packs'][number],
): Promise<CheckedPack> {
  const lists: Record<RowList, unknown[]> = { documents: [], entities: [], quotes: [], events: [] };
  for (const part of staged.parts) {
    const row = await db.staging.get([stageId, part]);
    if (!row?.list || !row.rows) throw new StageMissing();
    const list = lists[row.list];
    for (const rowOfPart of row.rows) list.push(rowOfPart);
  }
  return { pack: { ...staged.header, ...lists } as Pack, contentHash: staged.contentHash };
}

/** Rows cut into runs of about PART_CHARACTERS of JSON each. */
function* inParts<T>(rows: readonly T[]): Generator<T[]> {
  let part: T[] = [];
  let characters = 0;
  for (const row of rows) {
    part.push(row);
    characters += JSON.stringify(row).length;
    if (characters >= PART_CHARACTERS) {
      yield part;
      part = [];
      characters = 0;
    }
  }
  if (part.length > 0) yield part;
}
