import { useEffect, useState } from 'preact/hooks';
import { ReaderPage, type ReaderState } from '@/components/reader/ReaderPage';
import { describeFailure } from '@/lib/failure-words';
import { backgroundMessenger as background } from '@/lib/messaging';
import { readerTargetOf, readerUrl } from '@/lib/reader-link';

/** Wires the reader view to its address and to the background. */
export function ReaderApp() {
  const [target] = useState(() => readerTargetOf(location.search));
  const [state, setState] = useState<ReaderState>(
    target ? { status: 'loading' } : { status: 'missing' },
  );

  useEffect(() => {
    if (!target) return;
    background
      .sendMessage('getDocument', { packId: target.packId, documentId: target.documentId })
      .then(
        (view) => setState({ status: 'ready', document: view }),
        (error: unknown) => setState({ status: 'error', message: describeFailure(error) }),
      );
  }, [target]);

  useEffect(() => {
    if (state.status === 'ready') document.title = state.document.title;
  }, [state]);

  return <ReaderPage state={state} at={target?.at ?? null} linkTo={readerUrl} />;
}
