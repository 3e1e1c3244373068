import { describe, expect, test } from 'vitest';
import { describeFailure, INTERRUPTED, STORAGE_FULL, TOO_LARGE_TO_SEND } from '@/lib/failure-words';

describe('failures in words a reader understands', () => {
  test.each([
    ['Message exceeded maximum allowed size of 64MiB', TOO_LARGE_TO_SEND],
    [
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      INTERRUPTED,
    ],
    ['Could not establish connection. Receiving end does not exist.', INTERRUPTED],
    ['Extension context invalidated.', INTERRUPTED],
    ['QuotaExceededError: The quota has been exceeded.', STORAGE_FULL],
  ])('the browser says "%s"', (raw, expected) => {
    expect(describeFailure(new Error(raw))).toBe(expected);
  });

  test('storage full is recognised by name, or wrapped by the database library', () => {
    expect(
      describeFailure(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    ).toBe(STORAGE_FULL);
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError', message: '' },
    });
    expect(describeFailure(wrapped)).toBe(STORAGE_FULL);
  });

  test('other browser errors are not shown raw', () => {
    const failure = describeFailure(
      new DOMException('Failed to execute transaction on IDBDatabase', 'InvalidStateError'),
    );
    expect(failure).not.toMatch(/IDB|InvalidState/);
    expect(failure).toMatch(/nothing was changed\. Try again\.$/);
  });

  test('our own messages, written for the reader, pass as they are', () => {
    expect(describeFailure(new Error('That pack is not installed.'))).toBe(
      'That pack is not installed.',
    );
  });
});
