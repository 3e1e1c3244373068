import type { AddedArticle } from '@/lib/views';

/** What adding an article found, in a few words: "6 quotes (5 attributed); new: Marta Lindqvist". */
export function describeAdded(added: AddedArticle): string {
  const quotes =
    added.quotes === 0
      ? 'no quotes found'
      : `${added.quotes} ${added.quotes === 1 ? 'quote' : 'quotes'} (${added.attributed} attributed)`;
  if (added.newNames.length === 0) return quotes;
  const shown = added.newNames.slice(0, 4).join(', ');
  const more = added.newNames.length > 4 ? ` and ${added.newNames.length - 4} more` : '';
  return `${quotes}; new: ${shown}${more}`;
}
