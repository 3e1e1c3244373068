import type { ChangeInProgress, InstalledPack } from '@/lib/views';

interface PackListProps {
  packs: InstalledPack[] | null;
  /** The removal under way, if any. */
  removal: ChangeInProgress | null;
  /** Why a change the reader asked for has not started yet, if it waits. */
  waiting: string | null;
  onExport: (packId: string | 'all') => void;
  onRemove: (pack: InstalledPack) => void;
  onReset: () => void;
}

const ORIGIN_LABELS: Record<InstalledPack['origin'], string> = {
  bundled: 'Bundled',
  imported: 'Imported',
  reading: 'Articles you added',
};

/** The installed packs with what each holds, and what can be done with them. */
export function PackList({ packs, removal, waiting, onExport, onRemove, onReset }: PackListProps) {
  return (
    <section aria-labelledby="packs-heading" class="panel">
      <h2 id="packs-heading">Packs</h2>
      {removal && <RemovalStatus removal={removal} />}
      {waiting && (
        <p class="muted" role="status">
          {waiting}
        </p>
      )}
      {packs === null ? (
        <p class="muted">Loading packs…</p>
      ) : (
        <table class="packs">
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">Documents</th>
              <th scope="col">Names</th>
              <th scope="col">Quotes</th>
              <th scope="col">Events</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <tr key={pack.id} data-pack-id={pack.id}>
                <th scope="row">
                  {pack.title}
                  <span class="muted pack-origin">
                    {ORIGIN_LABELS[pack.origin]} · {pack.id}
                  </span>
                </th>
                <td>{pack.counts.documents.toLocaleString('en')}</td>
                <td>{pack.counts.entities.toLocaleString('en')}</td>
                <td>{pack.counts.quotes.toLocaleString('en')}</td>
                <td>{pack.counts.events.toLocaleString('en')}</td>
                <td>
                  <div class="actions actions--end">
                    <button
                      type="button"
                      onClick={() => onExport(pack.id)}
                      aria-label={`Export ${pack.title}`}
                    >
                      Export
                    </button>
                    {pack.origin !== 'bundled' && (
                      <button
                        type="button"
                        class="danger"
                        onClick={() => onRemove(pack)}
                        aria-label={`Remove ${pack.title}`}
                      >
                        Remove
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="actions">
        <button type="button" onClick={() => onExport('all')}>
          Export everything
        </button>
        <button type="button" onClick={onReset}>
          Reset to the bundled corpus
        </button>
      </p>
    </section>
  );
}

function RemovalStatus({ removal }: { removal: ChangeInProgress }) {
  const percent = removal.total === 0 ? 100 : Math.floor((removal.done / removal.total) * 100);
  return (
    <p class="removal" role="status">
      Removing “{removal.removing}”… {percent}%{' '}
      <progress
        max={Math.max(removal.total, 1)}
        value={removal.done}
        aria-label={`Removing ${removal.removing}`}
      />
    </p>
  );
}
