import { browser } from 'wxt/browser';
import { contentHash } from '@/lib/hash';
import { type Pack, validatePack } from '@/lib/pack/schema';
import { BUNDLED_PACK_PATH } from './bundled-pack-path';

export interface BundledPack {
  pack: Pack;
  /** Of the file's text: changes exactly when an update ships a different pack. */
  hash: string;
}

/** The pack that ships inside the extension, read from the extension's own files. */
export async function readBundledPack(): Promise<BundledPack> {
  const url = browser.runtime.getURL(`/${BUNDLED_PACK_PATH}` as '/');
  const text = await (await fetch(url)).text();
  const validation = validatePack(JSON.parse(text));
  if (!validation.ok) {
    // Only a broken build gets here: the build validates the pack before writing it.
    throw new Error(`The bundled pack is invalid: ${validation.problems[0]?.message}`);
  }
  return { pack: validation.pack, hash: contentHash(text) };
}
