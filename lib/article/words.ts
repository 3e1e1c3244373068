/**
 * Comparing names and titles as a reader would: by their words, ignoring case, accents and
 * punctuation ("The Times of India" and "Times of India" name one outlet).
 */

/** The words of a text, lower-cased and without accents. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The words of a name without a leading article ("The Guardian" → guardian). */
export function nameWords(name: string): string[] {
  const words = wordsOf(name);
  return words.length > 1 && words[0] === 'the' ? words.slice(1) : words;
}

/** Whether `text` begins with the words of `name` ("CNN Politics" begins with "CNN"). */
export function startsWithName(text: string, name: string): boolean {
  const textWords = nameWords(text);
  const wanted = nameWords(name);
  return wanted.length > 0 && wanted.every((word, index) => textWords[index] === word);
}

/** Whether some leading words of `text`, written together, are `joined` ("ABC News", abcnews). */
export function leadingWordsSpell(text: string, joined: string): boolean {
  let spelled = '';
  for (const word of nameWords(text)) {
    spelled += word;
    if (spelled === joined) return true;
    if (!joined.startsWith(spelled)) return false;
  }
  return false;
}

/** The share of `part`'s words that `whole` also has (1 when every one of them is there). */
export function wordCoverage(part: string, whole: string): number {
  const partWords = wordsOf(part);
  if (partWords.length === 0) return 0;
  const wholeWords = new Set(wordsOf(whole));
  return partWords.filter((word) => wholeWords.has(word)).length / partWords.length;
}
