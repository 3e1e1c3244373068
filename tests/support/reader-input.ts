/**
 * An event as the reader's own input makes it. The content script answers only trusted events
 * (`isTrusted`), which no script can create; happy-dom has no such flag, so unit tests set it.
 */
export function fromReader<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
