/**
 * The content script's chunks (lib/page/content-chunks.ts) by name, with the entry each is built
 * from: shared by the build step and the content script.
 */
export const CONTENT_CHUNK_DIR = 'content-ui';

export const CONTENT_CHUNK_ENTRIES = {
  page: 'lib/page/start.ts',
  popover: 'lib/popover/ui.ts',
  highlighter: 'lib/spotting/highlighter.ts',
} as const;

export type ContentChunk = keyof typeof CONTENT_CHUNK_ENTRIES;
