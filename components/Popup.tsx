import type { PageSummary } from '@/lib/messaging';

export type PageState =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'ready'; summary: PageSummary };

/** The toolbar popup: what Briefings sees on the current page. */
export function Popup({ version, page }: { version: string | null; page: PageState }) {
  return (
    <main class="popup">
      <header class="popup__header">
        <h1>Briefings</h1>
        {version && <span class="muted">v{version}</span>}
      </header>
      <section aria-labelledby="on-this-page">
        <h2 id="on-this-page">On this page</h2>
        <OnThisPage page={page} />
      </section>
    </main>
  );
}

function OnThisPage({ page }: { page: PageState }) {
  if (page.state === 'loading') return <p class="muted">Looking at this page…</p>;
  if (page.state === 'unavailable') {
    return <p class="muted">Briefings does not run on this page.</p>;
  }
  if (!page.summary.active) return <p class="muted">Highlighting is off on this page.</p>;
  const names = Object.keys(page.summary.mentions).length;
  if (names === 0) return <p>No names from your briefings found yet.</p>;
  return <p>{names === 1 ? '1 name' : `${names} names`} from your briefings.</p>;
}
