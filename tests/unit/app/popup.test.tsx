import { fireEvent, render, screen, within } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { Popup, type PopupProps } from '@/components/Popup';
import type { SearchHit } from '@/lib/views';

function props(overrides: Partial<PopupProps> = {}): PopupProps {
  return {
    version: '0.1.0',
    controls: { host: 'news.example', enabled: true, paused: false, shortcut: 'Alt+Shift+B' },
    onSiteEnabled: vi.fn(),
    onPaused: vi.fn(),
    query: '',
    filters: {},
    hits: null,
    searchError: null,
    onQuery: vi.fn(),
    onFilters: vi.fn(),
    onOpenHit: vi.fn(),
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

test('loading, unavailable, switched off and empty pages each say so', () => {
  const { rerender } = render(<Popup {...props()} />);
  expect(screen.getByText('Looking at this page…')).toBeTruthy();
  rerender(<Popup {...props({ page: { state: 'unavailable' } })} />);
  expect(screen.getByText('Briefings does not run on this page.')).toBeTruthy();
  rerender(<Popup {...props({ page: { state: 'ready', active: false, found: [] } })} />);
  expect(screen.getByText('Highlighting is off on this page.')).toBeTruthy();
  rerender(<Popup {...props({ page: { state: 'ready', active: true, found: [] } })} />);
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

test('a search that finds nothing says so', () => {
  render(<Popup {...props({ query: 'quetzalcoatl', hits: [] })} />);
  expect(screen.getByRole('status').textContent).toBe(
    'Nothing in your briefings matches “quetzalcoatl”.',
  );
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
