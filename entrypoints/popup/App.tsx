import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  type AddState,
  type BriefingState,
  Popup,
  type PopupProps,
  type SiteControls,
} from '@/components/Popup';
import type { PageState } from '@/components/popup/OnThisPage';
import type { EventRef } from '@/components/popup/Timeline';
import { findTargetTabId } from '@/lib/active-tab';
import { describeFailure } from '@/lib/failure-words';
import { backgroundMessenger as background, contentMessenger } from '@/lib/messaging';
import { loadPageState } from '@/lib/page-state';
import { readerUrl } from '@/lib/reader-link';
import type { SearchFilters } from '@/lib/search/kinds';
import { siteOf } from '@/lib/settings';
import type { CorpusCoverage, EntityRef, EventView, ReaderTarget, SearchHit } from '@/lib/views';
import { welcomeUrl } from '@/lib/welcome-link';

/** Pause between keystrokes before searching: typing stays smooth, results still feel live. */
const SEARCH_DELAY_MS = 60;

/** Wires the popup view to the background and to the reader's tab. */
export function PopupApp() {
  const [version, setVersion] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [controls, setControls] = useState<SiteControls | null>(null);
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<EntityRef[] | null>(null);
  const [coverage, setCoverage] = useState<CorpusCoverage | null>(null);
  const [view, setView] = useState<PopupProps['view']>('page');
  const [timeline, setTimeline] = useState<EventView[] | null>(null);
  const [timelineFocus, setTimelineFocus] = useState<EntityRef | null>(null);
  const [timelineEvent, setTimelineEvent] = useState<EventRef | null>(null);
  const [briefing, setBriefing] = useState<BriefingState>({ state: 'closed' });
  const [adding, setAdding] = useState<AddState>({ state: 'idle' });
  // Opened from a card ("Open in Briefings"), no click on the toolbar button gave it the tab.
  const openedFromCard = new URLSearchParams(location.search).has('entity');
  const searchRun = useRef(0);

  useEffect(() => {
    background.sendMessage('getStatus').then((status) => setVersion(status.version));
    findTargetTabId()
      .then(async (id) => {
        setTabId(id);
        const pageState = await loadPageState(id);
        setPage(pageState);
        setControls(await loadControls(id, pageState.state === 'ready' ? pageState.url : null));
      })
      .catch(() => setPage({ state: 'unavailable' }));
    const entityId = new URLSearchParams(location.search).get('entity');
    if (entityId) openBriefing(entityId);
  }, []);

  useEffect(() => {
    setTimeline(null);
    background
      .sendMessage('getTimeline', timelineFocus ? { entityId: timelineFocus.id } : {})
      .then(setTimeline, () => setTimeline([]));
  }, [timelineFocus]);

  useEffect(() => {
    const run = ++searchRun.current;
    if (query.trim() === '') {
      setHits(null);
      return;
    }
    const timer = setTimeout(async () => {
      try {
        const found = await background.sendMessage('search', { query, ...filters, limit: 40 });
        if (run !== searchRun.current) return;
        setHits(found);
        setSearchError(null);
        setSuggestions(null);
        if (found.length === 0) showWhatIsThere(query, run);
      } catch (error) {
        if (run === searchRun.current) setSearchError(describeFailure(error));
      }
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, filters]);

  /** Nothing matched: names close to the query, and what the briefings cover. */
  async function showWhatIsThere(missed: string, run: number) {
    // Counted once per state of the corpus, in the background.
    background.sendMessage('getCoverage').then(setCoverage, reportError);
    const close = await background.sendMessage('suggestNames', { query: missed }).catch(() => []);
    if (run === searchRun.current) setSuggestions(close);
  }

  async function openBriefing(entityId: string) {
    setBriefing({ state: 'loading' });
    try {
      setBriefing({
        state: 'ready',
        briefing: await background.sendMessage('getBriefing', { entityId, quoteLimit: 50 }),
      });
    } catch (error) {
      setBriefing({ state: 'error', message: describeFailure(error) });
    }
  }

  /** An article opens in the reader view; an event on the timeline; a name or quote, a briefing. */
  function openHit(hit: SearchHit) {
    if (hit.kind === 'document') {
      openReader({ packId: hit.packId, documentId: hit.id });
    } else if (hit.kind === 'event') {
      setQuery('');
      setTimelineFocus(null); // every event is listed, this one included
      setView('timeline');
      setTimelineEvent({ packId: hit.packId, id: hit.id });
    } else if (hit.entityId) {
      openBriefing(hit.entityId);
    }
  }

  function openReader(target: ReaderTarget) {
    browser.tabs.create({ url: readerUrl(target) }).catch(reportError);
  }

  async function addArticle() {
    if (tabId === null) return;
    setAdding({ state: 'working' });
    try {
      const added = await background.sendMessage('addArticleFromTab', { tabId });
      setAdding({ state: 'added', added, readerHref: readerUrl(added) });
      // The page has been told of the new names: list them as it marks them.
      setPage(await loadPageState(tabId).catch((): PageState => ({ state: 'unavailable' })));
    } catch (error) {
      setAdding({ state: 'failed', message: describeFailure(error) });
    }
  }

  async function changeControls(change: { enabled?: boolean; paused?: boolean }) {
    if (!controls) return;
    if (change.enabled !== undefined && controls.host) {
      await background.sendMessage('setSiteEnabled', {
        host: controls.host,
        enabled: change.enabled,
      });
    }
    if (change.paused !== undefined) {
      await background.sendMessage('updateSettings', { paused: change.paused });
    }
    const pageState = await loadPageState(tabId).catch((): PageState => ({ state: 'unavailable' }));
    setControls(await loadControls(tabId, pageState.state === 'ready' ? pageState.url : null));
    setPage(pageState);
  }

  return (
    <Popup
      version={version}
      welcomeHref={welcomeUrl()}
      controls={controls}
      onSiteEnabled={(enabled) => changeControls({ enabled }).catch(reportError)}
      onPaused={(paused) => changeControls({ paused }).catch(reportError)}
      adding={controls?.host && !openedFromCard ? adding : null}
      onAddArticle={() => addArticle()}
      query={query}
      filters={filters}
      hits={hits}
      searchError={searchError}
      onQuery={setQuery}
      onFilters={setFilters}
      onOpenHit={openHit}
      suggestions={suggestions}
      coverage={coverage}
      view={view}
      onView={setView}
      page={page}
      onReveal={(entity) => {
        if (tabId !== null) {
          contentMessenger
            .sendMessage('revealEntity', { entityId: entity.id }, tabId)
            .catch(() => false);
        }
      }}
      timeline={timeline}
      timelineFocus={timelineFocus}
      onTimelineFocus={setTimelineFocus}
      timelineEvent={timelineEvent}
      briefing={briefing}
      onOpenEntity={(entity) => openBriefing(entity.id)}
      onCloseBriefing={() => setBriefing({ state: 'closed' })}
      onReadSource={openReader}
    />
  );
}

/**
 * The switches for the tab's site, with the shortcut the browser has bound to the toggle. The
 * tab's address is the browser's when a click on the toolbar button granted it (activeTab);
 * opened from a card, the popup has no such grant, and the page's content script said it.
 */
async function loadControls(tabId: number | null, pageUrl: string | null): Promise<SiteControls> {
  const tab = tabId === null ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
  const url = tab?.url ?? pageUrl;
  const host = url ? siteOf(url) : null;
  const [{ general, sites }, commands] = await Promise.all([
    background.sendMessage('getSettings'),
    browser.commands.getAll(),
  ]);
  return {
    host,
    enabled: !sites.some((rule) => rule.host === host && !rule.enabled),
    paused: general.paused,
    shortcut: commands.find((command) => command.name === 'toggle-site')?.shortcut || null,
  };
}

function reportError(error: unknown): void {
  console.error('[Briefings]', error);
}
