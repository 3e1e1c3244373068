/**
 * What the reader can choose from the card's menu about the name it shows, and how the card
 * says what a choice did.
 */

export type CardChoice = 'hide' | 'not-here' | 'site-off';

export const CARD_CHOICES: { choice: CardChoice; label: string }[] = [
  { choice: 'hide', label: 'Hide this name' },
  { choice: 'not-here', label: 'Not this person here' },
  { choice: 'site-off', label: 'Turn off highlighting here' },
];

/** What a choice did, or could not do; `undone` once the reader took it back. */
export type ChoiceOutcome =
  | { status: 'done'; choice: CardChoice; name: string; host: string; undone: boolean }
  | { status: 'failed'; message: string };

export function outcomeText(outcome: ChoiceOutcome): string {
  if (outcome.status === 'failed') return outcome.message;
  const { choice, name, host, undone } = outcome;
  switch (choice) {
    case 'hide':
      return undone
        ? `${name} is marked again.`
        : `${name} is hidden: it is no longer marked on any page. Options can show it again.`;
    case 'not-here':
      return undone
        ? `${name} is marked on ${host} again.`
        : `${name} is no longer marked on ${host}.`;
    case 'site-off':
      return undone ? `Highlighting is on again on ${host}.` : `Highlighting is off on ${host}.`;
  }
}
