/**
 * What a pack holds, as one fingerprint: two packs with the same content hash hold the same
 * documents, names, quotes and events, whatever their id, title, file layout or key order. An
 * import compares it with the installed packs to recognise a pack that is already there.
 */
import { stringify } from 'safe-stable-stringify';
import type { Pack } from './schema';

export type PackContent = Pick<Pack, 'documents' | 'entities' | 'quotes' | 'events'>;

/** SHA-256, in hex, of the content with keys sorted and each list in id order. */
export async function packContentHash(pack: PackContent): Promise<string> {
  const canonical = stringify({
    documents: inIdOrder(pack.documents),
    entities: inIdOrder(pack.entities),
    quotes: inIdOrder(pack.quotes),
    events: inIdOrder(pack.events),
  });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Ids are unique within a pack; an export lists rows in id order, a compiled pack may not. */
export function inIdOrder<T extends { id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => compareIds(a.id, b.id));
}

/** Ids in the order the database lists its keys: by UTF-16 code unit, not by locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
