import type { ImportOutcome } from '@/lib/views';

type Imported = Extract<ImportOutcome, { ok: true }>;

/**
 * What an import did, in a sentence or two: "Imported “A”." or "“B” is already installed (same
 * content), nothing changed."
 */
export function describeImported({
  installed,
  unchanged,
}: Pick<Imported, 'installed' | 'unchanged'>): string {
  const titles = (packs: Imported['installed']) =>
    packs.map((pack) => `“${pack.title}”`).join(', ');
  const sentences: string[] = [];
  if (installed.length > 0) sentences.push(`Imported ${titles(installed)}.`);
  if (unchanged.length > 0) {
    const verb = unchanged.length === 1 ? 'is' : 'are';
    const left = unchanged.length === 1 ? 'left as it was' : 'left as they were';
    const outcome = installed.length > 0 ? left : 'nothing changed';
    sentences.push(`${titles(unchanged)} ${verb} already installed (same content), ${outcome}.`);
  }
  return sentences.join(' ');
}
