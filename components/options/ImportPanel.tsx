import { useEffect, useRef, useState } from 'preact/hooks';
import { IMPORTABLE_EXTENSIONS } from '@/lib/import-files';
import type { InstallProgress, PackConflict } from '@/lib/views';
import { type ImportChoice, ImportQuestion } from './ImportQuestion';

/** How one of several files went. */
export interface FileOutcome {
  fileName: string;
  ok: boolean;
  message: string;
}

export type ImportState =
  | { state: 'idle' }
  | { state: 'working'; fileName: string; progress: InstallProgress | null }
  | { state: 'done'; message: string }
  /** Several files, or articles: each one's outcome, problems included. */
  | { state: 'batch'; outcomes: FileOutcome[] }
  /** The packs are fine but their ids are taken: the reader chooses. */
  | { state: 'question'; fileName: string; conflicts: PackConflict[] }
  | {
      state: 'failed';
      fileName: string;
      message: string;
      problems: string[];
      /** Interrupted, not refused: the same file may go through another time. */
      canRetry?: boolean;
    };

interface ImportPanelProps {
  status: ImportState;
  onFiles: (files: File[]) => void;
  onResolveConflict: (choice: ImportChoice) => void;
  onRetry: () => void;
}

/**
 * Import packs and articles: a file picker and a drop zone for one file or many, with progress
 * and every problem listed.
 */
export function ImportPanel({ status, onFiles, onResolveConflict, onRetry }: ImportPanelProps) {
  const [dragging, setDragging] = useState(false);
  const busy = status.state === 'working';
  const picker = useRef<HTMLInputElement>(null);
  // Once the question is answered it goes away: the focus returns to the file picker rather
  // than to the start of the page.
  const answered = useRef(false);
  useEffect(() => {
    if (!answered.current || status.state === 'working' || status.state === 'question') return;
    answered.current = false;
    picker.current?.focus();
  }, [status.state]);
  const answer = (choice: ImportChoice) => {
    answered.current = true;
    onResolveConflict(choice);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0 && !busy) onFiles(files);
  };

  return (
    <section aria-labelledby="import-heading" class="panel">
      <h2 id="import-heading">Import packs and articles</h2>
      <label
        class={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>
          Drop packs (.json) or articles (.txt, .md, .html) here, or choose them. Articles are added
          to My reading.
        </span>
        <input
          ref={picker}
          type="file"
          multiple
          accept={IMPORTABLE_EXTENSIONS.join(',')}
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])];
            if (files.length > 0) onFiles(files);
            input.value = '';
          }}
        />
      </label>
      <ImportStatus status={status} onResolveConflict={answer} onRetry={onRetry} />
    </section>
  );
}

function ImportStatus({
  status,
  onResolveConflict,
  onRetry,
}: Pick<ImportPanelProps, 'status' | 'onResolveConflict' | 'onRetry'>) {
  if (status.state === 'idle') return null;
  if (status.state === 'working') {
    const { progress } = status;
    return (
      <div class="import-status" role="status">
        <p>
          Importing {status.fileName}: {progress ? `${progress.stage.toLowerCase()}…` : 'reading…'}
        </p>
        <progress
          max={progress?.total ?? 1}
          value={progress?.done ?? 0}
          aria-label={`Import of ${status.fileName}`}
        />
      </div>
    );
  }
  if (status.state === 'batch') {
    const failed = status.outcomes.filter((outcome) => !outcome.ok).length;
    return (
      <div
        class={`import-status${failed > 0 ? ' import-status--failed' : ' import-status--done'}`}
        role={failed > 0 ? 'alert' : 'status'}
      >
        <p>
          {status.outcomes.length - failed} of {status.outcomes.length}{' '}
          {status.outcomes.length === 1 ? 'file' : 'files'} imported
          {failed > 0
            ? `; ${failed} not: nothing of ${failed === 1 ? 'it' : 'those'} was saved.`
            : '.'}
        </p>
        <ul class="file-outcomes">
          {status.outcomes.map((outcome) => (
            <li key={outcome.fileName} class={outcome.ok ? 'ok' : 'failed'}>
              <strong>{outcome.fileName}:</strong> {outcome.ok ? '' : 'Not imported. '}
              {outcome.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (status.state === 'question') {
    return (
      <ImportQuestion
        fileName={status.fileName}
        conflicts={status.conflicts}
        onChoose={onResolveConflict}
      />
    );
  }
  if (status.state === 'done') {
    return (
      <p class="import-status import-status--done" role="status">
        {status.message}
      </p>
    );
  }
  return (
    <div class="import-status import-status--failed" role="alert">
      <p>
        <strong>{status.fileName}:</strong> {status.message}
      </p>
      {status.canRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
      {status.problems.length > 0 && (
        <details open={status.problems.length <= 5}>
          <summary>
            {status.problems.length === 1 ? '1 detail' : `${status.problems.length} details`}
          </summary>
          <ul class="problems">
            {status.problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
