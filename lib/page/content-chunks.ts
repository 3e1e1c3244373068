/**
 * Parts of the content script that load only when a page needs them: the briefing card's code
 * when the reader first points at or focuses a name, mark.js when the first name is to be
 * marked. Each is an ES module of the extension (built by scripts/build/content-chunks.ts and
 * listed in web_accessible_resources), imported into the content script's own world: its code
 * runs there, never in the page's.
 */
import { browser } from 'wxt/browser';
import type { MarkJs } from '@/lib/spotting/highlighter';
import { CONTENT_CHUNK_DIR, type ContentChunk } from './content-chunk-paths';

function importChunk<Module>(name: ContentChunk): Promise<Module> {
  // A path WXT does not know of (the chunks are written by our own build step).
  const url = browser.runtime.getURL(`/${CONTENT_CHUNK_DIR}/${name}.js` as '/');
  return import(/* @vite-ignore */ url);
}

export type PopoverUiModule = typeof import('@/lib/popover/ui');

export function loadPopoverUi(): Promise<PopoverUiModule> {
  return importChunk<PopoverUiModule>('popover');
}

export async function loadMarkJs(): Promise<MarkJs> {
  return (await importChunk<{ default: MarkJs }>('mark-js')).default;
}
