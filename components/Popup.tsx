import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { BriefingView } from '@/components/briefing/BriefingView';
import type { SearchFilters as Filters } from '@/lib/search/kinds';
import type {
  Briefing,
  CorpusCoverage,
  EntityRef,
  EventView,
  ReaderTarget,
  SearchHit,
} from '@/lib/views';
import { AddArticle, type AddState } from './popup/AddArticle';
import { NoMatches } from './popup/NoMatches';
import { OnThisPage, type PageState } from './popup/OnThisPage';
import { SearchFilters } from './popup/SearchFilters';
import { hitDomId, orderHits, SearchResults } from './popup/SearchResults';
import { type TabChoice, Tabs } from './popup/Tabs';
import { type EventRef, Timeline } from './popup/Timeline';

export type { AddState, PageState };

export type BriefingState =
  | { state: 'closed' }
  | { state: 'loading' }
  | { state: 'ready'; briefing: Briefing }
  | { state: 'error'; message: string };

export interface SiteControls {
  /** null where there is no site (a browser page). */
  host: string | null;
  enabled: boolean;
  paused: boolean;
  /** The keyboard shortcut for the site toggle, as the browser has it bound. */
  shortcut: string | null;
}

export interface PopupProps {
  version: string | null;
  /** The first-run page, to read again. */
  welcomeHref: string;
  controls: SiteControls | null;
  onSiteEnabled: (enabled: boolean) => void;
  onPaused: (paused: boolean) => void;
  /** "Add this article": null where the tab shows no web page. */
  adding: AddState | null;
  onAddArticle: () => void;

  query: string;
  filters: Filters;
  /** null before any search. */
  hits: SearchHit[] | null;
  searchError: string | null;
  onQuery: (query: string) => void;
  onFilters: (filters: Filters) => void;
  onOpenHit: (hit: SearchHit) => void;
  /** When a search finds nothing: names close to it (null while looked for). */
  suggestions: EntityRef[] | null;
  /** What the briefings cover, said when a search finds nothing (null until loaded). */
  coverage: CorpusCoverage | null;

  view: 'page' | 'timeline';
  onView: (view: 'page' | 'timeline') => void;
  page: PageState;
  onReveal: (entity: EntityRef) => void;
  timeline: EventView[] | null;
  timelineFocus: EntityRef | null;
  onTimelineFocus: (entity: EntityRef | null) => void;
  /** The event a search hit asked for: the timeline scrolls to it and emphasises it. */
  timelineEvent: EventRef | null;

  briefing: BriefingState;
  onOpenEntity: (entity: EntityRef) => void;
  onCloseBriefing: () => void;
  /** "Read" on a quote's source: its document in the reader view, at the quote. */
  onReadSource: (target: ReaderTarget) => void;
}

const VIEWS: TabChoice<PopupProps['view']>[] = [
  { value: 'page', label: 'On this page' },
  { value: 'timeline', label: 'Timeline' },
];

/** The toolbar popup: search the corpus, see what is on the page, browse the timeline. */
export function Popup(props: PopupProps) {
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      escapeOneLevel(props, searchBox.current);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [props]);
  return (
    <main class="popup">
      <header class="popup__header">
        <h1>Briefings</h1>
        <span class="popup__meta">
          <a href={props.welcomeHref} target="_blank" rel="noopener">
            How it works
          </a>
          {props.version && <span class="muted">v{props.version}</span>}
        </span>
      </header>
      {props.controls && (
        <Controls
          controls={props.controls}
          onSiteEnabled={props.onSiteEnabled}
          onPaused={props.onPaused}
        />
      )}
      {props.adding && <AddArticle status={props.adding} onAdd={props.onAddArticle} />}
      {props.briefing.state === 'closed' ? (
        <Browse {...props} searchBox={searchBox} />
      ) : (
        <BriefingPanel
          briefing={props.briefing}
          onBack={props.onCloseBriefing}
          onOpenEntity={props.onOpenEntity}
          onReadSource={props.onReadSource}
        />
      )}
    </main>
  );
}

/**
 * Escape goes back one level: from a briefing to what was there before it (the results, or the
 * tabs), from results to an empty search, and only from there closes the popup.
 */
function escapeOneLevel(props: PopupProps, searchBox: HTMLInputElement | null): void {
  if (props.briefing.state !== 'closed') {
    props.onCloseBriefing();
  } else if (props.query !== '') {
    props.onQuery('');
    searchBox?.focus();
  } else {
    window.close();
  }
}

function Controls({
  controls,
  onSiteEnabled,
  onPaused,
}: Pick<PopupProps, 'onSiteEnabled' | 'onPaused'> & { controls: SiteControls }) {
  return (
    <div class="controls">
      {controls.host && (
        <Switch on={controls.enabled} onChange={onSiteEnabled}>
          Highlight on {controls.host}
          {controls.shortcut && <kbd class="shortcut">{controls.shortcut}</kbd>}
        </Switch>
      )}
      <Switch on={controls.paused} onChange={onPaused}>
        Pause everywhere
      </Switch>
    </div>
  );
}

function Switch({
  on,
  onChange,
  children,
}: {
  on: boolean;
  onChange: (on: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked={on}
        checked={on}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>{children}</span>
    </label>
  );
}

function Browse(props: PopupProps & { searchBox: RefObject<HTMLInputElement | null> }) {
  const listId = useId();
  const [activeIndex, setActiveIndex] = useState(0);
  const ordered = props.hits ? orderHits(props.hits) : [];
  const searching = props.query.trim() !== '';
  const active = ordered[activeIndex];

  useEffect(() => setActiveIndex(0), [props.hits]);
  useEffect(() => {
    if (active) document.getElementById(hitDomId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => Math.min(Math.max(index + step, 0), ordered.length - 1));
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      props.onOpenHit(active);
    }
  };

  return (
    <>
      <div class="search">
        <input
          ref={props.searchBox}
          type="search"
          aria-label="Search your briefings"
          aria-controls={searching && ordered.length > 0 ? listId : undefined}
          aria-activedescendant={searching && active ? hitDomId(active) : undefined}
          placeholder="Search names, quotes, events…"
          value={props.query}
          // The popup opens to search: the cursor belongs in the box.
          // biome-ignore lint/a11y/noAutofocus: the popup's first job is searching
          autoFocus
          onInput={(event) => props.onQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {searching ? (
        <>
          <SearchFilters filters={props.filters} onChange={props.onFilters} />
          {props.searchError ? (
            <p class="error" role="alert">
              {props.searchError}
            </p>
          ) : props.hits === null ? (
            <p class="muted">Searching…</p>
          ) : ordered.length === 0 ? (
            <NoMatches
              query={props.query}
              suggestions={props.suggestions}
              coverage={props.coverage}
              onSearch={props.onQuery}
            />
          ) : (
            <SearchResults
              hits={ordered}
              activeIndex={activeIndex}
              listId={listId}
              onOpen={props.onOpenHit}
              onHover={setActiveIndex}
            />
          )}
        </>
      ) : (
        <Tabs label="Views" tabs={VIEWS} current={props.view} onSelect={props.onView}>
          {props.view === 'page' ? (
            <OnThisPage page={props.page} onReveal={props.onReveal} onOpen={props.onOpenEntity} />
          ) : (
            <Timeline
              events={props.timeline}
              focus={props.timelineFocus}
              onFocus={props.onTimelineFocus}
              onOpenEntity={props.onOpenEntity}
              emphasised={props.timelineEvent}
            />
          )}
        </Tabs>
      )}
    </>
  );
}

function BriefingPanel({
  briefing,
  onBack,
  onOpenEntity,
  onReadSource,
}: {
  briefing: Exclude<BriefingState, { state: 'closed' }>;
  onBack: () => void;
  onOpenEntity: (entity: EntityRef) => void;
  onReadSource: (target: ReaderTarget) => void;
}) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <section class="briefing-panel bf" aria-live="polite">
      <button type="button" class="link-button" ref={back} onClick={onBack}>
        ← Back
      </button>
      {briefing.state === 'loading' && <p class="muted">Loading the briefing…</p>}
      {briefing.state === 'error' && (
        <p class="error" role="alert">
          {briefing.message}
        </p>
      )}
      {briefing.state === 'ready' && (
        <BriefingView
          briefing={briefing.briefing}
          onSelectEntity={onOpenEntity}
          onReadSource={onReadSource}
          quotesShown={8}
        />
      )}
    </section>
  );
}
