/**
 * Character classes the matcher needs, by UTF-16 code unit, fast for ASCII and cached for the
 * rest: page text is mostly ASCII, and a regular expression per character would cost more than
 * the matching itself.
 */

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

const asciiWordChars = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  asciiWordChars[code] = /[A-Za-z0-9]/.test(char) ? 1 : 0;
}
const wordCodePoint = /[\p{L}\p{M}\p{N}]/u;
const nonAsciiWordCache = new Map<number, boolean>();

function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 128) return asciiWordChars[codePoint] === 1;
  let known = nonAsciiWordCache.get(codePoint);
  if (known === undefined) {
    known = wordCodePoint.test(String.fromCodePoint(codePoint));
    nonAsciiWordCache.set(codePoint, known);
  }
  return known;
}

/** Whether the character starting at `index` is part of a word (letter, mark or digit). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return isWordCodePoint(text.codePointAt(index) ?? 0);
}

/** Whether the character ending just before `index` is part of a word. */
export function isWordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const last = text.charCodeAt(index - 1);
  const isLowSurrogate = last >= 0xdc00 && last <= 0xdfff;
  return isWordCharAt(text, isLowSurrogate && index >= 2 ? index - 2 : index - 1);
}

const DOLLAR = 0x24;
const currencySign = /\p{Sc}/u;
const nonAsciiCurrencyCache = new Map<number, boolean>();

/**
 * Whether the character starting at `index` is a currency sign ($, €, £, ¥, ₹…). A name glued to
 * one is part of a currency ("US$1.14 billion", "HK$", "$US"), not a mention. Asked at every
 * word the matcher tries, so ASCII is answered without a regular expression, the rest cached.
 */
export function isCurrencySignAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const codePoint = text.codePointAt(index) ?? 0;
  if (codePoint < 128) return codePoint === DOLLAR;
  let known = nonAsciiCurrencyCache.get(codePoint);
  if (known === undefined) {
    known = currencySign.test(String.fromCodePoint(codePoint));
    nonAsciiCurrencyCache.set(codePoint, known);
  }
  return known;
}

/** Spaces, tabs, line breaks and the typographic spaces pages put between a first and last name. */
export function isSpaceCode(code: number): boolean {
  return (
    code === SPACE ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

const foldCache = new Map<number, number>();

/**
 * One code unit, case-folded, with typographic variants made plain: curly apostrophes and the
 * modifier letter apostrophe become ', hyphen variants become -. Only one-to-one lower-casing is
 * used so offsets in the page text and in the folded form stay the same.
 */
export function foldCode(code: number): number {
  if (code < 128) return code >= 0x41 && code <= 0x5a ? code + 32 : code;
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) return APOSTROPHE;
  if (code === 0x2010 || code === 0x2011) return HYPHEN;
  let folded = foldCache.get(code);
  if (folded === undefined) {
    const lower = String.fromCharCode(code).toLowerCase();
    folded = lower.length === 1 ? lower.charCodeAt(0) : code;
    foldCache.set(code, folded);
  }
  return folded;
}

/** The code unit with typographic variants made plain, case kept (see foldCode). */
export function plainCode(code: number): number {
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) return APOSTROPHE;
  if (code === 0x2010 || code === 0x2011) return HYPHEN;
  return code;
}

/** Text as the matcher compares it, case kept: one space per whitespace run, plain apostrophes. */
export function plainForm(text: string): string {
  let plain = '';
  let inSpace = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isSpaceCode(code)) {
      if (!inSpace) plain += ' ';
      inSpace = true;
      continue;
    }
    inSpace = false;
    plain += String.fromCharCode(plainCode(code));
  }
  return plain.trim();
}

/** Letters in `text` (not spaces, dots or apostrophes): "U.S." has 2, "Xi" 2. */
export function letterCount(text: string): number {
  let count = 0;
  for (const char of text) if (/\p{L}/u.test(char)) count++;
  return count;
}

/** Whether `text` has letters and all of them are capitals ("XI", "NATO", "U.S."). */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Whether `text` has letters and none of them is a capital ("xi", "li"). */
export function isAllLowerCase(text: string): boolean {
  return /\p{Ll}/u.test(text) && !/\p{Lu}/u.test(text);
}

export const SPACE_CODE = SPACE;
