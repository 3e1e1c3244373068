/**
 * The content script's chunks (lib/page/content-chunks.ts) by name, with the entry each is built
 * from (a project file, or a package): shared by the build step and the content script.
 */
export const CONTENT_CHUNK_DIR = 'content-ui';

export const CONTENT_CHUNK_ENTRIES = {
  popover: 'lib/popover/ui.ts',
  'mark-js': 'mark.js',
} as const;

export type ContentChunk = keyof typeof CONTENT_CHUNK_ENTRIES;
