import { browser } from 'wxt/browser';
import type { ReaderTarget } from '@/lib/views';

export type { ReaderTarget };

/** The address of the reader view for a document (at a quote, when `at` is given). */
export function readerUrl({ packId, documentId, at }: ReaderTarget): string {
  const params = new URLSearchParams({ pack: packId, doc: documentId });
  if (at !== undefined) params.set('at', String(at));
  return `${browser.runtime.getURL('/reader.html')}?${params}`;
}

/** The target named in a reader view's address, or null when it names none. */
export function readerTargetOf(search: string): ReaderTarget | null {
  const params = new URLSearchParams(search);
  const packId = params.get('pack');
  const documentId = params.get('doc');
  if (!packId || !documentId) return null;
  const at = Number(params.get('at'));
  return { packId, documentId, ...(params.has('at') && Number.isInteger(at) && at >= 0 && { at }) };
}
