/**
 * Failures in words a reader understands. What reaches a page of the extension is either ours
 * (an Error the background wrote for the reader: passed on as it is) or the browser's (storage,
 * messaging, a worker stopped midway): those are put into words here, so that no raw browser
 * message ("Message exceeded maximum allowed size of 64MiB") is ever shown.
 */
import { PACK_LIMITS } from '@/lib/pack/limits';

export const STORAGE_FULL =
  "Your browser's storage for Briefings is full. Nothing was changed: remove a pack you no longer need, or free space on this device, and try again.";
export const INTERRUPTED =
  'Briefings was interrupted before it finished, and nothing was changed. Try again.';
export const TOO_LARGE_TO_SEND = `This file is too large for Briefings: a pack can be up to ${PACK_LIMITS.fileMegabytes} MB. Nothing was changed.`;
const UNEXPLAINED = 'Briefings could not finish this, and nothing was changed. Try again.';

/** How the browser says the other side went away: a worker stopped, a tab without our script. */
const INTERRUPTION =
  /message (channel|port) closed|receiving end does not exist|could not establish connection|extension context invalidated|disconnected port|no response/i;
const MESSAGE_TOO_LARGE = /exceeded maximum allowed size|message length exceeded/i;
const QUOTA = /quota/i;
/** Names of errors the browser throws; ours are plain Errors. */
const BROWSER_ERROR_NAMES =
  /^(AbortError|UnknownError|DataError|DataCloneError|InvalidStateError|NotFoundError|ConstraintError|TransactionInactiveError|ReadOnlyError|VersionError|TimeoutError|SecurityError|TypeError|RangeError|SyntaxError|ReferenceError|DatabaseClosedError|OpenFailedError|Dexie\w*)$/;

export type FailureKind = 'storage-full' | 'interrupted' | 'too-large' | 'ours' | 'unexplained';

/** What kind of failure an error is, from its name, its message and what it wraps. */
export function failureKind(error: unknown): FailureKind {
  const { name, message, inner } = partsOf(error);
  const said = `${name} ${message} ${inner}`;
  if (QUOTA.test(said)) return 'storage-full';
  if (MESSAGE_TOO_LARGE.test(said)) return 'too-large';
  if (INTERRUPTION.test(said)) return 'interrupted';
  if (BROWSER_ERROR_NAMES.test(name) || /^[A-Z]\w*Error: /.test(message) || message === '') {
    return 'unexplained';
  }
  return 'ours';
}

/** The sentence a reader sees for a failure. */
export function describeFailure(error: unknown): string {
  const kind = failureKind(error);
  switch (kind) {
    case 'storage-full':
      return STORAGE_FULL;
    case 'too-large':
      return TOO_LARGE_TO_SEND;
    case 'interrupted':
      return INTERRUPTED;
    case 'unexplained':
      return UNEXPLAINED;
    case 'ours':
      return partsOf(error).message;
  }
}

function partsOf(error: unknown): { name: string; message: string; inner: string } {
  if (typeof error !== 'object' || error === null) {
    return { name: '', message: String(error ?? ''), inner: '' };
  }
  const { name, message, inner } = error as { name?: unknown; message?: unknown; inner?: unknown };
  const innerParts = typeof inner === 'object' && inner !== null ? partsOf(inner) : null;
  return {
    name: typeof name === 'string' ? name : '',
    message: typeof message === 'string' ? message : '',
    inner: innerParts ? `${innerParts.name} ${innerParts.message}` : '',
  };
}
