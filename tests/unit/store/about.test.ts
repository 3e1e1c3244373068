import { expect, test } from 'vitest';
import { isAbout } from '@/lib/store/about';

const names = new Map([
  ['china', ['China', 'Beijing']],
  ['kremlin', ['Kremlin']],
  ['ukraine', ['Ukraine']],
  ['putin', ['Vladimir Putin', 'Putin']],
]);

test('a quote is about the entity it names first, not the ones it names in passing', () => {
  const quote =
    'China has no responsibility to hold the Kremlin responsible for the atrocities in Ukraine';
  const mentioned = ['china', 'kremlin', 'ukraine'];
  expect(isAbout(quote, 'china', names, mentioned)).toBe(true);
  expect(isAbout(quote, 'kremlin', names, mentioned)).toBe(false);
  expect(isAbout(quote, 'ukraine', names, mentioned)).toBe(false);
});

test('an alias counts as naming, in any case and with a possessive', () => {
  expect(
    isAbout("BEIJING's offer stands, Ukraine says", 'china', names, ['china', 'ukraine']),
  ).toBe(true);
  expect(isAbout('I have known President Putin for ten years', 'putin', names, ['putin'])).toBe(
    true,
  );
});

test('a quote that reaches the entity only by a reference is not about it', () => {
  expect(isAbout('The president will not talk to anyone', 'putin', names, ['putin'])).toBe(false);
  // A reference earlier in the quote does not take the topic from the entity named.
  expect(
    isAbout('He said Ukraine would decide for itself', 'ukraine', names, ['putin', 'ukraine']),
  ).toBe(true);
});
