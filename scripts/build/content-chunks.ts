/**
 * Builds the content script's chunks (lib/page/content-chunks.ts): ES modules the content script
 * imports when a page first needs them. WXT bundles each content script into one file, so these
 * are built here, with the extension's own Vite plugins, and written into the extension as
 * public files.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, type PluginOption } from 'vite';
import { CONTENT_CHUNK_DIR, CONTENT_CHUNK_ENTRIES } from '../../lib/page/content-chunk-paths';

export interface ChunkFile {
  relativeDest: string;
  contents: string;
}

const ROOT = join(import.meta.dirname, '..', '..');

/** An entry of CONTENT_CHUNK_ENTRIES as a path: a project file, or a package's main file. */
function entryPath(entry: string): string {
  return entry.startsWith('lib/')
    ? join(ROOT, entry)
    : createRequire(join(ROOT, 'package.json')).resolve(entry);
}

export async function buildContentChunks(options: {
  mode: string;
  plugins: PluginOption[];
}): Promise<ChunkFile[]> {
  const input = Object.fromEntries(
    Object.entries(CONTENT_CHUNK_ENTRIES).map(([name, entry]) => [name, entryPath(entry)]),
  );
  const output = await build({
    configFile: false,
    root: ROOT,
    mode: options.mode,
    logLevel: 'warn',
    resolve: { alias: { '@': ROOT } },
    plugins: options.plugins,
    build: {
      write: false,
      minify: true,
      // Chunk names without hashes: the content script asks for them by name.
      rollupOptions: {
        input,
        preserveEntrySignatures: 'exports-only',
        output: {
          format: 'es',
          entryFileNames: `${CONTENT_CHUNK_DIR}/[name].js`,
          chunkFileNames: `${CONTENT_CHUNK_DIR}/[name].js`,
        },
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error('vite returned no content chunks');
  return result.output.map((file) => ({
    relativeDest: file.fileName,
    contents: file.type === 'chunk' ? file.code : String(file.source),
  }));
}
