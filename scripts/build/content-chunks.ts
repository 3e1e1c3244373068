/**
 * Builds the content script's chunks (lib/page/content-chunks.ts): ES modules the content script
 * imports when a page first needs them. WXT bundles each content script into one file, so these
 * are built here, with the extension's own Vite plugins, and written into the extension as
 * public files.
 *
 * Each chunk is one self-contained file, with nothing shared between them: the content script
 * reaches them at a per-session address (use_dynamic_url), which a relative import from one
 * chunk to another would not keep.
 */
import { join } from 'node:path';
import { build, type PluginOption } from 'vite';
import {
  CONTENT_CHUNK_DIR,
  CONTENT_CHUNK_ENTRIES,
  type ContentChunk,
} from '../../lib/page/content-chunk-paths';

export interface ChunkFile {
  relativeDest: string;
  contents: string;
}

const ROOT = join(import.meta.dirname, '..', '..');

interface ChunkOptions {
  mode: string;
  /** Fresh plugins for each build: the builds run side by side. */
  plugins: () => PluginOption[];
}

export async function buildContentChunks(options: ChunkOptions): Promise<ChunkFile[]> {
  const names = Object.keys(CONTENT_CHUNK_ENTRIES) as ContentChunk[];
  return Promise.all(names.map((name) => buildChunk(name, options)));
}

async function buildChunk(name: ContentChunk, options: ChunkOptions): Promise<ChunkFile> {
  const output = await build({
    configFile: false,
    root: ROOT,
    mode: options.mode,
    logLevel: 'warn',
    resolve: { alias: { '@': ROOT } },
    plugins: options.plugins(),
    build: {
      write: false,
      minify: true,
      rollupOptions: {
        input: join(ROOT, CONTENT_CHUNK_ENTRIES[name]),
        preserveEntrySignatures: 'exports-only',
        // Named without a hash: the content script asks for it by name.
        output: { format: 'es', entryFileNames: `${CONTENT_CHUNK_DIR}/${name}.js` },
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const files = result && 'output' in result ? result.output : [];
  const [chunk, ...others] = files;
  if (chunk?.type !== 'chunk' || others.length > 0) {
    throw new Error(`the ${name} chunk did not build as one file: ${files.map((f) => f.fileName)}`);
  }
  return { relativeDest: chunk.fileName, contents: chunk.code };
}
