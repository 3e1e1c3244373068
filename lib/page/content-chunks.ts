/**
 * Parts of the content script that load only when a page needs them: its work on the page once
 * the page is idle (the injected script does nothing else), the briefing card's code when the
 * reader first points at or focuses a name, the highlighter and mark.js when the first name is
 * to be marked. Each is an ES module of the extension (built by scripts/build/content-chunks.ts and
 * listed in web_accessible_resources), imported into the content script's own world: its code
 * runs there, never in the page's.
 */
import type { Highlighter } from '@/lib/spotting/highlighter';
import { CONTENT_CHUNK_DIR, type ContentChunk } from './content-chunk-paths';
import type { OwnMarks } from './own-marks';

function importChunk<Module>(name: ContentChunk): Promise<Module> {
  // Written as `chrome.runtime.getURL(…)` inside `import()`: the one form Firefox's add-on
  // linter takes for the extension's own address (Firefox has `chrome` in content scripts too).
  return import(/* @vite-ignore */ chrome.runtime.getURL(`/${CONTENT_CHUNK_DIR}/${name}.js`));
}

export type PageBriefingsModule = typeof import('@/lib/page/start');

export function loadPageBriefings(): Promise<PageBriefingsModule> {
  return importChunk<PageBriefingsModule>('page');
}

export type PopoverUiModule = typeof import('@/lib/popover/ui');

export function loadPopoverUi(): Promise<PopoverUiModule> {
  return importChunk<PopoverUiModule>('popover');
}

export async function loadHighlighter(marks: OwnMarks): Promise<Highlighter> {
  const module = await importChunk<typeof import('@/lib/spotting/highlighter')>('highlighter');
  return new module.Highlighter(marks);
}
