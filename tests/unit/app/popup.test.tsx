import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup, type PopupProps } from '@/components/Popup';
import { PopupApp } from '@/entrypoints/popup/App';
import { type BackgroundHandlers, backgroundHandlers } from '@/lib/background/api';
import { BackgroundService } from '@/lib/background/service';
import { BriefingsDatabase } from '@/lib/store/db';
import type { Briefing, EventView, SearchHit } from '@/lib/views';
import { bundledPack } from '../../support/packs';

/** The popup app's calls go to the real handlers over the bundled pack (see beforeAll). */
const wire = vi.hoisted(() => ({
  handlers: null as null | Record<string, (data: unknown) => Promise<unknown>>,
  calls: [] as { name: string; data: unknown }[],
}));
vi.mock('@/lib/messaging', () => ({
  backgroundMessenger: {
    sendMessage: (name: string, data: unknown) => {
      wire.calls.push({ name, data });
      if (name === 'getStatus') return Promise.resolve({ version: '0.1.0' });
      const handler = wire.handlers?.[name];
      return handler ? handler(data) : Promise.reject(new Error(`${name} is not wired`));
    },
  },
  // No web page behind this popup: its content script never answers.
  contentMessenger: {
    sendMessage: () => Promise.reject(new Error('no content script in this tab')),
  },
  extensionPageMessenger: { sendMessage: () => Promise.resolve(), onMessage: () => () => {} },
}));

let db: BriefingsDatabase;
let timeline: EventView[];
let peskov: Briefing;

beforeAll(async () => {
  db = new BriefingsDatabase(`popup-app-${crypto.randomUUID()}`);
  const service = new BackgroundService(db, () =>
    Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
  );
  const handlers: BackgroundHandlers = backgroundHandlers(service);
  wire.handlers = handlers as unknown as Record<string, (data: unknown) => Promise<unknown>>;
  timeline = await service.timeline();
  peskov = (await service.briefing('dmitry-peskov')) as Briefing;
});

afterAll(async () => {
  await db.delete();
});

function props(overrides: Partial<PopupProps> = {}): PopupProps {
  return {
    version: '0.1.0',
    welcomeHref: 'welcome.html',
    controls: { host: 'news.example', enabled: true, paused: false, shortcut: 'Alt+Shift+B' },
    onSiteEnabled: vi.fn(),
    onPaused: vi.fn(),
    adding: { state: 'idle' },
    onAddArticle: vi.fn(),
    query: '',
    filters: {},
    hits: null,
    searchError: null,
    onQuery: vi.fn(),
    onFilters: vi.fn(),
    onOpenHit: vi.fn(),
    suggestions: null,
    coverage: null,
    view: 'page',
    onView: vi.fn(),
    page: { state: 'loading' },
    onReveal: vi.fn(),
    timeline: null,
    timelineFocus: null,
    onTimelineFocus: vi.fn(),
    briefing: { state: 'closed' },
    onOpenEntity: vi.fn(),
    onCloseBriefing: vi.fn(),
    timelineEvent: null,
    onReadSource: vi.fn(),
    ...overrides,
  };
}

const hit = (kind: SearchHit['kind'], id: string, title: string, text: string): SearchHit => ({
  kind,
  id,
  packId: 'seed-corpus',
  title,
  date: '',
  score: 1,
  terms: ['peskov'],
  entityId: 'dmitry-peskov',
  snippet: {
    text,
    highlights: text.includes('Peskov')
      ? [[text.indexOf('Peskov'), text.indexOf('Peskov') + 6]]
      : [],
  },
});

test('names found on the page are listed most mentioned first, with counts', () => {
  const onReveal = vi.fn();
  render(
    <Popup
      {...props({
        onReveal,
        page: {
          state: 'ready',
          url: 'https://news.example/story',
          active: true,
          found: [
            { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', count: 5 },
            { id: 'kremlin', name: 'Kremlin', kind: 'organization', count: 2 },
          ],
        },
      })}
    />,
  );
  const list = screen.getByRole('list', { name: 'Names on this page' });
  expect(list.textContent).toMatch(/Vladimir Putin.*5.*Kremlin.*2/);
  fireEvent.click(screen.getByText('Vladimir Putin'));
  expect(onReveal).toHaveBeenCalledWith(expect.objectContaining({ id: 'vladimir-putin' }));
});

test('each name reads as name, kind and mentions, in the singular for one', () => {
  render(
    <Popup
      {...props({
        page: {
          state: 'ready',
          url: 'https://news.example/story',
          active: true,
          found: [
            { id: 'russia', name: 'Russia', kind: 'place', count: 76 },
            { id: 'kremlin', name: 'Kremlin', kind: 'organization', count: 1 },
          ],
        },
      })}
    />,
  );
  const list = screen.getByRole('list', { name: 'Names on this page' });
  // Each item is heard as name, kind, mentions (a column of its own may add a space before a comma).
  const spoken = within(list).getAllByRole('button', {
    name: /^\w+ ?, (Place|Organisation) ?, \d+ mentions?$/,
  });
  expect(spoken.map((button) => button.textContent)).toEqual([
    'Russia,Place,76 mentions',
    'Kremlin,Organisation,1 mention',
  ]);
});

test('loading, unavailable, switched off and empty pages each say so', () => {
  const { rerender } = render(<Popup {...props()} />);
  expect(screen.getByText('Looking at this page…')).toBeTruthy();
  rerender(<Popup {...props({ page: { state: 'unavailable' } })} />);
  expect(screen.getByText(/^Briefings can't read this page\./)).toBeTruthy();
  rerender(
    <Popup
      {...props({
        page: { state: 'ready', url: 'https://news.example/', active: false, found: [] },
      })}
    />,
  );
  expect(screen.getByText('Highlighting is off on this page.')).toBeTruthy();
  rerender(
    <Popup
      {...props({
        page: { state: 'ready', url: 'https://news.example/', active: true, found: [] },
      })}
    />,
  );
  expect(screen.getByText('No names from your briefings found yet.')).toBeTruthy();
});

test('search results are grouped by kind, the match emphasised, and the keyboard opens one', () => {
  const onOpenHit = vi.fn();
  const hits = [
    hit('quote', 'q1', 'Dmitry Peskov', 'Undoubtedly, China has a very effective potential'),
    hit('entity', 'dmitry-peskov', 'Dmitry Peskov', 'Kremlin spokesman · Peskov'),
  ];
  render(<Popup {...props({ query: 'peskov', hits, onOpenHit })} />);
  const results = screen.getByRole('listbox', { name: 'Search results' });
  const groups = within(results).getAllByRole('group');
  expect(groups.map((group) => group.querySelector('.results__heading')?.textContent)).toEqual([
    'Names 1',
    'Quotes 1',
  ]);
  expect(screen.getAllByText('Peskov', { selector: 'mark' })).toHaveLength(1);

  const box = screen.getByRole('searchbox', { name: 'Search your briefings' });
  fireEvent.keyDown(box, { key: 'ArrowDown' });
  fireEvent.keyDown(box, { key: 'Enter' });
  expect(onOpenHit).toHaveBeenCalledWith(expect.objectContaining({ kind: 'quote', id: 'q1' }));
});

test('a search that finds nothing says so, offers close names and says what there is', () => {
  const onQuery = vi.fn();
  const coverage = {
    articles: 5,
    outlets: 1,
    from: '2023-03-21',
    to: '2023-04-27',
    names: { person: 1, organization: 3, place: 0, topic: 2 },
  };
  const suggestions = [
    { id: 'a', name: 'Emmanuel Macron', kind: 'person' as const },
    { id: 'b', name: 'Macron Group', kind: 'organization' as const },
  ];
  render(<Popup {...props({ query: 'makronne', hits: [], suggestions, coverage, onQuery })} />);
  const status = noMatchesStatus();
  expect(status.textContent).toContain('Nothing in your briefings matches “makronne”.');
  expect(status.textContent).toContain('Did you mean Emmanuel Macron or Macron Group?');
  expect(status.textContent).toContain(
    'Your briefings cover 5 articles from 1 outlet, 21 Mar – 27 Apr 2023: 1 person, 3 organisations and 2 topics.',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Emmanuel Macron' }));
  expect(onQuery).toHaveBeenCalledWith('Emmanuel Macron');
});

/** The live region that says a search found nothing. */
function noMatchesStatus(): HTMLElement {
  const region = screen.getByText(/^Nothing in your briefings matches/).closest('[role="status"]');
  if (!(region instanceof HTMLElement)) throw new Error('the no-match message is not a status');
  return region;
}

test('with nothing close, no name is offered', () => {
  render(<Popup {...props({ query: 'quetzalcoatl', hits: [], suggestions: [] })} />);
  expect(noMatchesStatus().textContent).toBe('Nothing in your briefings matches “quetzalcoatl”.');
  expect(screen.queryByText(/Did you mean/)).toBeNull();
});

test('hostile text in a snippet is shown as text', () => {
  const hostile = '<img src=x onerror=alert(1)> said Peskov';
  render(
    <Popup {...props({ query: 'peskov', hits: [hit('quote', 'q1', 'Dmitry Peskov', hostile)] })} />,
  );
  expect(document.querySelector('img')).toBeNull();
  const results = screen.getByRole('listbox', { name: 'Search results' });
  expect(within(results).getByRole('option').textContent).toContain('<img src=x onerror=alert(1)>');
});

test('the site switch shows the shortcut and reports the change', () => {
  const onSiteEnabled = vi.fn();
  render(<Popup {...props({ onSiteEnabled })} />);
  const toggle = screen.getByRole('switch', { name: /Highlight on news.example/ });
  expect(toggle.closest('label')?.textContent).toContain('Alt+Shift+B');
  fireEvent.click(toggle);
  expect(onSiteEnabled).toHaveBeenCalledWith(false);
});

test('the timeline scrolls to the event asked for, emphasises it and gives it focus', () => {
  const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
  const crimea = timeline.find((event) => event.title.includes('annexes Crimea')) as EventView;
  render(
    <Popup
      {...props({
        view: 'timeline',
        timeline,
        timelineEvent: { packId: crimea.packId, id: crimea.id },
      })}
    />,
  );
  const item = document.activeElement as HTMLElement;
  expect(item.tagName).toBe('LI');
  expect(item.textContent).toContain(crimea.title);
  expect(item.classList).toContain('timeline__event--emphasised');
  expect(item.getAttribute('aria-current')).toBe('true');
  expect(scrolled.mock.contexts).toContain(item);
  expect(document.querySelectorAll('.timeline__event--emphasised')).toHaveLength(1);
});

test('in a briefing, "Read" on a quote’s source asks for the reader view at that quote', () => {
  const onReadSource = vi.fn();
  render(<Popup {...props({ briefing: { state: 'ready', briefing: peskov }, onReadSource })} />);
  fireEvent.click(
    screen.getAllByRole('button', { name: 'Read it in The Moscow Times' })[0] as HTMLElement,
  );
  expect(onReadSource).toHaveBeenCalledWith({
    packId: 'seed-corpus',
    documentId: 'seed-001',
    at: 366,
  });
});

/** Types a query into the popup app's search box and waits for its results. */
async function search(query: string): Promise<HTMLElement> {
  const box = screen.getByRole('searchbox', { name: 'Search your briefings' });
  fireEvent.input(box, { target: { value: query } });
  return screen.findByRole('listbox', { name: 'Search results' }, { timeout: 5_000 });
}

function groupOf(results: HTMLElement, heading: string): HTMLElement {
  const group = within(results)
    .getAllByRole('group')
    .find((candidate) =>
      candidate.querySelector('.results__heading')?.textContent?.startsWith(heading),
    );
  if (!group) throw new Error(`no ${heading} among the results`);
  return group;
}

test('an article hit opens its reader view in a new tab, not a briefing', async () => {
  const created = vi.spyOn(fakeBrowser.tabs, 'create');
  wire.calls = [];
  render(<PopupApp />);
  const results = await search('Kremlin Sees No Prospect');
  const article = within(groupOf(results, 'Articles')).getByText(
    'Kremlin Sees No Prospect of Chinese Mediation on Ukraine',
  );
  fireEvent.click(article);
  await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
  expect(created).toHaveBeenCalledWith({
    url: 'chrome-extension://test-extension-id/reader.html?pack=seed-corpus&doc=seed-001',
  });
  expect(wire.calls.some((call) => call.name === 'getBriefing')).toBe(false);
});

test('an event hit, chosen with the keyboard, opens the timeline at that event', async () => {
  const created = vi.spyOn(fakeBrowser.tabs, 'create');
  render(<PopupApp />);
  const results = await search('annexes Crimea');
  const event = within(groupOf(results, 'Timeline')).getAllByRole('option')[0] as HTMLElement;
  const box = screen.getByRole('searchbox', { name: 'Search your briefings' });
  for (let presses = 0; box.getAttribute('aria-activedescendant') !== event.id; presses++) {
    if (presses > 40) throw new Error('the arrow keys never reached the event');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
  }
  const title = event.querySelector('.result__title')?.textContent ?? '';
  fireEvent.keyDown(box, { key: 'Enter' });

  expect(await screen.findByRole('tab', { name: 'Timeline', selected: true })).toBeTruthy();
  expect((box as HTMLInputElement).value).toBe('');
  await waitFor(() =>
    expect(document.activeElement?.classList).toContain('timeline__event--emphasised'),
  );
  expect(document.activeElement?.querySelector('.timeline__title')?.textContent).toBe(title);
  expect(created).not.toHaveBeenCalled();
});

test('a quote hit opens its speaker’s briefing, whose sources open the reader view', async () => {
  const created = vi.spyOn(fakeBrowser.tabs, 'create');
  wire.calls = [];
  render(<PopupApp />);
  const results = await search('commanding potential');
  fireEvent.click(within(groupOf(results, 'Quotes')).getAllByRole('option')[0] as HTMLElement);
  const heading = await screen.findByRole('heading', { level: 2, name: 'Dmitry Peskov' });
  expect(heading).toBeTruthy();
  expect(wire.calls).toContainEqual({
    name: 'getBriefing',
    data: { entityId: 'dmitry-peskov', quoteLimit: 50 },
  });
  fireEvent.click(
    screen.getAllByRole('button', { name: 'Read it in The Moscow Times' })[0] as HTMLElement,
  );
  await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
  expect(created).toHaveBeenCalledWith({
    url: 'chrome-extension://test-extension-id/reader.html?pack=seed-corpus&doc=seed-001&at=366',
  });
});

test('"Add this article" says what the page brought, with a link to read it', () => {
  const onAddArticle = vi.fn();
  const { rerender } = render(<Popup {...props({ onAddArticle })} />);
  fireEvent.click(screen.getByRole('button', { name: 'Add this article' }));
  expect(onAddArticle).toHaveBeenCalledOnce();

  rerender(<Popup {...props({ adding: { state: 'working' } })} />);
  expect(screen.getByRole('button', { name: 'Adding…' }).hasAttribute('disabled')).toBe(true);

  const added = {
    packId: 'my-reading',
    documentId: 'a-1',
    title: 'Harbour strike enters second week',
    outlet: 'The Coastal Ledger',
    quotes: 2,
    attributed: 2,
    newNames: ['Tomas Brekke', 'Ingrid Holm'],
    replaced: false,
  };
  rerender(
    <Popup {...props({ adding: { state: 'added', added, readerHref: 'reader.html?doc=a-1' } })} />,
  );
  const status = screen.getByText(/Added to My reading/).closest('[role="status"]') as HTMLElement;
  expect(status.textContent).toBe(
    'Added to My reading: Harbour strike enters second week (The Coastal Ledger). 2 quotes (2 attributed); new: Tomas Brekke, Ingrid Holm.',
  );
  expect(within(status).getByRole('link').getAttribute('href')).toBe('reader.html?doc=a-1');

  rerender(
    <Popup
      {...props({ adding: { state: 'failed', message: 'No article was found on this page.' } })}
    />,
  );
  expect(screen.getByRole('alert').textContent).toBe('No article was found on this page.');
});

test('on a browser page, there is nothing to add', () => {
  render(<Popup {...props({ adding: null })} />);
  expect(screen.queryByRole('button', { name: 'Add this article' })).toBeNull();
});

test('a search that finds nothing offers the name meant; choosing it searches for it', async () => {
  render(<PopupApp />);
  const box = screen.getByRole('searchbox', { name: 'Search your briefings' });
  fireEvent.input(box, { target: { value: 'Makronne' } });
  const meant = await screen.findByRole('button', { name: 'Emmanuel Macron' }, { timeout: 5_000 });
  const status = noMatchesStatus();
  await waitFor(() =>
    expect(status.textContent).toContain(
      `Your briefings cover ${bundledPack().documents.length} articles`,
    ),
  );
  fireEvent.click(meant);
  expect((box as HTMLInputElement).value).toBe('Emmanuel Macron');
  const results = await screen.findByRole(
    'listbox',
    { name: 'Search results' },
    { timeout: 5_000 },
  );
  expect(within(groupOf(results, 'Names')).getByText('Emmanuel Macron')).toBeTruthy();
});

test('Escape goes back one level: briefing, then search, then the popup closes', () => {
  const onCloseBriefing = vi.fn();
  const onQuery = vi.fn();
  const close = vi.spyOn(window, 'close').mockImplementation(() => {});
  const { rerender } = render(
    <Popup
      {...props({ query: 'Peskov', onQuery, onCloseBriefing, briefing: { state: 'loading' } })}
    />,
  );
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
  expect(onCloseBriefing).toHaveBeenCalledTimes(1);
  expect(onQuery).not.toHaveBeenCalled();

  rerender(<Popup {...props({ query: 'Peskov', onQuery, onCloseBriefing, hits: [] })} />);
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
  expect(onQuery).toHaveBeenCalledWith('');
  expect(close).not.toHaveBeenCalled();
  expect(document.activeElement).toBe(screen.getByRole('searchbox'));

  rerender(<Popup {...props({ query: '', onQuery, onCloseBriefing })} />);
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
  expect(close).toHaveBeenCalledTimes(1);
  expect(onCloseBriefing).toHaveBeenCalledTimes(1);
  close.mockRestore();
});

test('the view tabs follow the tabs pattern: one Tab stop, arrow keys, Home and End', async () => {
  render(<PopupApp />);
  const tabs = await screen.findAllByRole('tab');
  const [page, timelineTab] = tabs as [HTMLElement, HTMLElement];
  const stops = () => tabs.map((tab) => tab.tabIndex);
  const panel = () => screen.getByRole('tabpanel');
  expect(stops()).toEqual([0, -1]);
  expect(page.getAttribute('aria-controls')).toBe(panel().id);
  expect(panel().getAttribute('aria-labelledby')).toBe(page.id);

  page.focus();
  fireEvent.keyDown(page, { key: 'ArrowRight' });
  await waitFor(() => expect(timelineTab.getAttribute('aria-selected')).toBe('true'));
  expect(document.activeElement).toBe(timelineTab);
  expect(stops()).toEqual([-1, 0]);
  expect(screen.getByRole('tabpanel', { name: 'Timeline' })).toBeTruthy();

  fireEvent.keyDown(timelineTab, { key: 'ArrowRight' }); // wraps round
  await waitFor(() => expect(document.activeElement).toBe(page));
  fireEvent.keyDown(page, { key: 'End' });
  await waitFor(() => expect(document.activeElement).toBe(timelineTab));
  fireEvent.keyDown(timelineTab, { key: 'Home' });
  await waitFor(() => expect(document.activeElement).toBe(page));
  fireEvent.keyDown(page, { key: 'ArrowLeft' });
  await waitFor(() => expect(document.activeElement).toBe(timelineTab));
  expect(page.getAttribute('aria-selected')).toBe('false');
  // The timeline the tab asked for has come (nothing is left reading the store after the test).
  await screen.findAllByText(timeline[0]?.title ?? '', {}, { timeout: 5_000 });
});
