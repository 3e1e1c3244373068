export interface StorageFigures {
  usage: number | null;
  quota: number | null;
  persisted: boolean;
  /** Names and aliases every page looks for, and those of the packs past that bound. */
  spotting: { terms: number; leftOut: number };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** How much of this device's storage Briefings uses, and whether the browser may evict it. */
export function StorageSummary({ figures }: { figures: StorageFigures | null }) {
  return (
    <section aria-labelledby="storage-heading" class="panel">
      <h2 id="storage-heading">Storage</h2>
      {figures === null ? (
        <p class="muted">Measuring…</p>
      ) : (
        <p>
          {figures.usage === null ? 'Usage unknown' : `${megabytes(figures.usage)} used`}
          {figures.quota !== null && ` of ${megabytes(figures.quota)} available`}.{' '}
          {figures.persisted
            ? 'The browser keeps this data even when space runs low.'
            : 'The browser may clear this data if the device runs out of space.'}
        </p>
      )}
      {figures !== null && figures.spotting.leftOut > 0 && (
        <p>
          Pages are searched for the {figures.spotting.terms.toLocaleString('en')} most useful names
          of your packs; {figures.spotting.leftOut.toLocaleString('en')} more are left out so that
          every page stays quick. Search finds them all.
        </p>
      )}
    </section>
  );
}
