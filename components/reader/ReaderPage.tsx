import type { DocumentView, ReaderTarget } from '@/lib/views';
import { ReaderView } from './ReaderView';

export type ReaderState =
  | { status: 'missing' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; document: DocumentView };

export interface ReaderPageProps {
  state: ReaderState;
  /** The offset the reader asked to open the document at, if any. */
  at: number | null;
  linkTo?: (target: ReaderTarget) => string;
}

/** The reader view's page: the article once it is in, or what stands in its way. */
export function ReaderPage({ state, at, linkTo }: ReaderPageProps) {
  return (
    <main class="reader-page" aria-busy={state.status === 'loading'}>
      <p class="reader-page__brand">Briefings</p>
      {state.status === 'ready' ? (
        <ReaderView document={state.document} at={at} linkTo={linkTo} />
      ) : state.status === 'loading' ? (
        <p class="muted" role="status">
          Loading the article…
        </p>
      ) : (
        <div class="reader-page__problem">
          <h1>Nothing to read here</h1>
          <p class="error" role="alert">
            {state.status === 'error'
              ? state.message
              : 'This address does not say which article to show.'}
          </p>
        </div>
      )}
    </main>
  );
}
