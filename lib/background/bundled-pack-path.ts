/** Where the build puts the pack compiled from corpus/ (wxt.config.ts), inside the extension. */
export const BUNDLED_PACK_PATH = 'packs/bundled.json';
