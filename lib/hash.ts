/** FNV-1a over the UTF-16 code units: stable and fast; tells versions apart, no more. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A text's FNV-1a and length, as text: a version tag for dictionaries and packs. */
export function contentHash(text: string): string {
  return `${text.length.toString(36)}-${fnv1a(text).toString(16)}`;
}
