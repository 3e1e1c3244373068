import { useEffect, useState } from 'preact/hooks';
import { findTargetTabId } from '@/lib/active-tab';
import { backgroundMessenger, contentMessenger, type PageSummary } from '@/lib/messaging';

type PageState =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'ready'; summary: PageSummary };

/** The toolbar popup: what Briefings sees on the current page. */
export function Popup() {
  const [version, setVersion] = useState<string | null>(null);
  const [page, setPage] = useState<PageState>({ state: 'loading' });

  useEffect(() => {
    backgroundMessenger.sendMessage('getStatus').then((status) => setVersion(status.version));
    findTargetTabId()
      .then((tabId) => {
        if (tabId === null) return null;
        return contentMessenger.sendMessage('getPageSummary', undefined, tabId);
      })
      // A tab without our content script (browser pages, the store, PDFs) cannot answer.
      .catch(() => null)
      .then((summary) => setPage(summary ? { state: 'ready', summary } : { state: 'unavailable' }));
  }, []);

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
  const names = Object.keys(page.summary.mentions).length;
  if (!page.summary.active) return <p class="muted">Highlighting is off on this page.</p>;
  return (
    <p>
      {names === 0
        ? 'No names from your briefings found yet.'
        : `${names} names from your briefings.`}
    </p>
  );
}
