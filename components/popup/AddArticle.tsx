import { describeAdded } from '@/lib/added-article';
import type { AddedArticle } from '@/lib/views';

export type AddState =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'added'; added: AddedArticle; readerHref: string }
  | { state: 'failed'; message: string };

interface AddArticleProps {
  status: AddState;
  onAdd: () => void;
}

/** "Add this article": the page being read joins My reading, with what it found. */
export function AddArticle({ status, onAdd }: AddArticleProps) {
  return (
    <div class="add-article">
      <button
        type="button"
        class="add-article__button"
        onClick={onAdd}
        disabled={status.state === 'working'}
        aria-keyshortcuts="Alt+Shift+S"
      >
        {status.state === 'working' ? 'Adding…' : 'Add this article'}
      </button>
      <div class="add-article__status" role="status">
        {status.state === 'added' && (
          <p>
            {status.added.replaced ? 'Updated in' : 'Added to'} My reading:{' '}
            <a href={status.readerHref} target="_blank" rel="noopener">
              {status.added.title}
            </a>
            {status.added.outlet && ` (${status.added.outlet})`}.{' '}
            {capitalised(describeAdded(status.added))}.
          </p>
        )}
      </div>
      {status.state === 'failed' && (
        <p class="add-article__error" role="alert">
          {status.message}
        </p>
      )}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
