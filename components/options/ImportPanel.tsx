import { useState } from 'preact/hooks';
import type { InstallProgress, OnConflict } from '@/lib/views';

export type ImportState =
  | { state: 'idle' }
  | { state: 'working'; fileName: string; progress: InstallProgress | null }
  | { state: 'done'; message: string }
  | {
      state: 'failed';
      fileName: string;
      message: string;
      problems: string[];
      /** The pack is fine but its id is taken: the reader chooses. */
      conflict?: { installedTitle: string; replaceable: boolean };
    };

interface ImportPanelProps {
  status: ImportState;
  onFile: (file: File) => void;
  onResolveConflict: (choice: Exclude<OnConflict, 'refuse'>) => void;
}

/** Import a pack file: a file picker and a drop zone, with progress and every problem listed. */
export function ImportPanel({ status, onFile, onResolveConflict }: ImportPanelProps) {
  const [dragging, setDragging] = useState(false);
  const busy = status.state === 'working';

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file && !busy) onFile(file);
  };

  return (
    <section aria-labelledby="import-heading" class="panel">
      <h2 id="import-heading">Import a pack</h2>
      <label
        class={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>Drop a pack file here, or choose one</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) onFile(file);
            input.value = '';
          }}
        />
      </label>
      <ImportStatus status={status} onResolveConflict={onResolveConflict} />
    </section>
  );
}

function ImportStatus({
  status,
  onResolveConflict,
}: Pick<ImportPanelProps, 'status' | 'onResolveConflict'>) {
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
      {status.conflict && (
        <p class="actions">
          {status.conflict.replaceable && (
            <button type="button" onClick={() => onResolveConflict('replace')}>
              Replace “{status.conflict.installedTitle}”
            </button>
          )}
          <button type="button" onClick={() => onResolveConflict('keep-both')}>
            Keep both
          </button>
        </p>
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
