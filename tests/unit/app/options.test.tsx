import { createEvent, fireEvent, render, screen, within } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { Options, type OptionsProps } from '@/components/Options';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { InstalledPack, PackConflict } from '@/lib/views';
import { bundledPack } from '../../support/packs';

const bundled = bundledPack();
const packRow = (overrides: Partial<InstalledPack> = {}): InstalledPack => ({
  id: bundled.id,
  title: bundled.title,
  createdAt: bundled.createdAt,
  origin: 'bundled',
  installedAt: 1,
  counts: {
    documents: bundled.documents.length,
    entities: bundled.entities.length,
    quotes: bundled.quotes.length,
    events: bundled.events.length,
  },
  ...overrides,
});

function props(overrides: Partial<OptionsProps> = {}): OptionsProps {
  return {
    version: '0.1.0',
    welcomeHref: 'welcome.html',
    packs: [packRow()],
    readings: [],
    importState: { state: 'idle' },
    settings: { general: DEFAULT_SETTINGS, sites: [], hiddenNames: [], exclusions: [] },
    storage: {
      usage: 2_400_000,
      quota: 10_000_000_000,
      persisted: true,
      spotting: { terms: 90, leftOut: 0 },
    },
    error: null,
    removal: null,
    waiting: null,
    onImportFiles: vi.fn(),
    readerHref: (article) => `reader.html?doc=${article.documentId}`,
    onRecompileArticle: vi.fn(),
    onRemoveArticle: vi.fn(),
    onResolveConflict: vi.fn(),
    onRetryImport: vi.fn(),
    onExport: vi.fn(),
    onRemove: vi.fn(),
    onReset: vi.fn(),
    onSettingsChange: vi.fn(),
    onSiteChange: vi.fn(),
    onShowName: vi.fn(),
    onMarkOnSite: vi.fn(),
    ...overrides,
  };
}

test('packs are listed with what they hold; only imported ones can be removed', () => {
  const onRemove = vi.fn();
  const imported = packRow({ id: 'field-notes', title: 'Field notes', origin: 'imported' });
  render(<Options {...props({ packs: [packRow(), imported], onRemove })} />);
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  expect(rows.map((row) => row.textContent)).toEqual([
    expect.stringContaining(`${bundled.title}Bundled · ${bundled.id}`),
    expect.stringContaining('Field notesImported · field-notes'),
  ]);
  expect(within(rows[0] as HTMLElement).queryByRole('button', { name: /Remove/ })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Remove Field notes' }));
  expect(onRemove).toHaveBeenCalledWith(imported);
});

test('a removal under way shows how far it has got, and why a change asked meanwhile waits', () => {
  render(
    <Options
      {...props({
        removal: { removing: 'Field notes', done: 2_500, total: 10_000 },
        waiting: 'Waiting for the removal of “Field notes” to finish; then notes.json is imported.',
      })}
    />,
  );
  const statuses = screen.getAllByRole('status').map((status) => status.textContent);
  expect(statuses).toEqual([
    'Removing “Field notes”… 25% ',
    'Waiting for the removal of “Field notes” to finish; then notes.json is imported.',
  ]);
  const bar = screen.getByRole('progressbar', { name: 'Removing Field notes' });
  expect(bar.getAttribute('value')).toBe('2500');
  expect(bar.getAttribute('max')).toBe('10000');
});

test('while packs load, the page says so', () => {
  render(<Options {...props({ packs: null, settings: null, storage: null })} />);
  expect(screen.getByText('Loading packs…')).toBeTruthy();
  expect(screen.getByText('Measuring…')).toBeTruthy();
});

test('an import in progress shows its stage; dropped files are imported together', () => {
  const onImportFiles = vi.fn();
  const { rerender } = render(<Options {...props({ onImportFiles })} />);
  const pack = new File(['{}'], 'notes.json', { type: 'application/json' });
  const article = new File(['A title'], 'article.txt', { type: 'text/plain' });
  const zone = screen.getByText(/Drop packs \(\.json\) or articles/);
  const drop = createEvent.drop(zone);
  Object.defineProperty(drop, 'dataTransfer', { value: { files: [pack, article] } });
  fireEvent(zone, drop);
  expect(onImportFiles).toHaveBeenCalledWith([pack, article]);

  rerender(
    <Options
      {...props({
        importState: {
          state: 'working',
          fileName: 'notes.json',
          progress: { stage: 'Saving quotes', done: 2, total: 6 },
        },
      })}
    />,
  );
  expect(screen.getByRole('status').textContent).toBe('Importing notes.json: saving quotes…');
  const bar = screen.getByRole('progressbar', { name: 'Import of notes.json' });
  expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['2', '6']);
});

test('a refused import lists every problem', () => {
  render(
    <Options
      {...props({
        importState: {
          state: 'failed',
          fileName: 'broken.json',
          message: 'This pack was not imported: it has 2 problems. Nothing was changed.',
          problems: ['quotes[0].speakerId: no entity with id "x"', 'events[0].date: is not a date'],
        },
      })}
    />,
  );
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('broken.json: This pack was not imported');
  expect(
    within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['quotes[0].speakerId: no entity with id "x"', 'events[0].date: is not a date']);
});

const fieldNotesConflict = (replaceable: boolean): PackConflict => ({
  packId: 'field-notes',
  installed: {
    title: 'Field notes',
    createdAt: '2024-06-02',
    counts: { documents: 1, entities: 1, quotes: 1, events: 1 },
    installedAt: 1,
  },
  incoming: {
    title: 'Field notes, revised',
    createdAt: '2024-07-01T09:30:00Z',
    counts: { documents: 3, entities: 2, quotes: 1_250, events: 2 },
  },
  replaceable,
});

test('a taken id is a question, not an alert: both versions side by side and three choices', () => {
  const onResolveConflict = vi.fn();
  const question = (conflict: PackConflict) =>
    props({
      onResolveConflict,
      importState: { state: 'question', fileName: 'notes.json', conflicts: [conflict] },
    });
  const { rerender } = render(<Options {...question(fieldNotesConflict(true))} />);
  expect(screen.queryByRole('alert')).toBeNull();
  const group = screen.getByRole('group', {
    name: 'notes.json holds another version of “Field notes”',
  });
  expect(document.activeElement).toBe(group);
  const rows = within(group)
    .getAllByRole('row')
    .map((row) => [...row.children].map((cell) => cell.textContent));
  expect(rows).toEqual([
    ['', 'Installed', 'In this file'],
    ['Title', 'Field notes', 'Field notes, revised'],
    ['Created', '2 June 2024', '1 July 2024'],
    ['Documents', '1', '3'],
    ['Names', '1', '2'],
    ['Quotes', '1', '1,250'],
    ['Events', '1', '2'],
  ]);
  const choices = within(group)
    .getAllByRole('button')
    .map((button) => button.textContent);
  expect(choices).toEqual(['Replace', 'Keep both', 'Cancel']);
  for (const [name, choice] of [
    ['Replace', 'replace'],
    ['Keep both', 'keep-both'],
    ['Cancel', 'cancel'],
  ]) {
    fireEvent.click(within(group).getByRole('button', { name }));
    expect(onResolveConflict).toHaveBeenLastCalledWith(choice);
  }

  // The bundled corpus or "My reading": never replaced, but kept beside a copy or left alone.
  rerender(<Options {...question(fieldNotesConflict(false))} />);
  const kept = screen.getByRole('group', {
    name: 'notes.json holds another version of “Field notes”',
  });
  expect(
    within(kept)
      .getAllByRole('button')
      .map((button) => button.textContent),
  ).toEqual(['Keep both', 'Cancel']);
  expect(kept.textContent).toContain('The installed version cannot be replaced.');
});

test('hostile text in a pack title or a problem is shown as text', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  render(
    <Options
      {...props({
        packs: [packRow({ id: 'evil', title: hostile, origin: 'imported' })],
        importState: {
          state: 'failed',
          fileName: hostile,
          message: 'Refused.',
          problems: [hostile],
        },
      })}
    />,
  );
  expect(document.querySelector('img')).toBeNull();
  expect(screen.getByRole('table').textContent).toContain(hostile);
});

test('sites switched off are listed and can be turned back on or added', () => {
  const onSiteChange = vi.fn();
  render(
    <Options
      {...props({
        onSiteChange,
        settings: {
          general: DEFAULT_SETTINGS,
          sites: [{ host: 'example.org', enabled: false }],
          hiddenNames: [],
          exclusions: [],
        },
      })}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Turn back on' }));
  expect(onSiteChange).toHaveBeenCalledWith('example.org', true);
  fireEvent.input(screen.getByRole('textbox', { name: 'Switch off on' }), {
    target: { value: 'https://www.news.example/world/1' },
  });
  fireEvent.submit(screen.getByRole('button', { name: 'Add' }).closest('form') as HTMLFormElement);
  expect(onSiteChange).toHaveBeenCalledWith('news.example', false);
});

test('the highlight style, the place rule and the whole page are the reader’s to choose', () => {
  const onSettingsChange = vi.fn();
  render(<Options {...props({ onSettingsChange })} />);
  fireEvent.click(screen.getByRole('radio', { name: /clear with any colour vision/ }));
  expect(onSettingsChange).toHaveBeenCalledWith({ highlightStyle: 'strong' });
  fireEvent.click(screen.getByRole('checkbox', { name: /Mark every mention of a place/ }));
  expect(onSettingsChange).toHaveBeenCalledWith({ markEveryPlaceMention: true });
  fireEvent.click(screen.getByRole('checkbox', { name: /Mark the whole page/ }));
  expect(onSettingsChange).toHaveBeenCalledWith({ markWholePage: true });
});

test('storage used is said in megabytes, with whether the browser may clear it', () => {
  render(<Options {...props()} />);
  expect(
    screen.getByText(/2\.4 MB used of 10000 MB available\. The browser keeps this data/),
  ).toBeTruthy();
  expect(screen.queryByText(/left out/)).toBeNull();
});

test('names past what every page looks for are said to be left out', () => {
  const storage = {
    usage: 2_400_000,
    quota: 10_000_000_000,
    persisted: true,
    spotting: { terms: 4_205, leftOut: 395_888 },
  };
  render(<Options {...props({ storage })} />);
  expect(
    screen.getByText(
      'Pages are searched for the 4,205 most useful names of your packs; 395,888 more are left out so that every page stays quick. Search finds them all.',
    ),
  ).toBeTruthy();
});

const saved = {
  packId: 'my-reading',
  documentId: 'a-1',
  title: 'Grain talks stall',
  outlet: 'Example News',
  url: 'https://news.example.org/grain',
  publishedAt: '2024-05-14',
  datePrecision: 'day' as const,
  dateBasis: 'metadata' as const,
  quoteCount: 3,
  addedAt: Date.UTC(2026, 10, 29),
};

test('saved articles are listed with outlet, date, quotes and when they were added', () => {
  const onRecompileArticle = vi.fn();
  const onRemoveArticle = vi.fn();
  render(<Options {...props({ readings: [saved], onRecompileArticle, onRemoveArticle })} />);
  const table = screen.getByRole('heading', { name: 'My reading' }).parentElement as HTMLElement;
  const [row] = within(table).getAllByRole('row').slice(1);
  expect(row?.textContent).toBe(
    'Grain talks stallExample News14 May 2024329 Nov 2026Re-compileRemove',
  );
  const link = within(table).getByRole('link', { name: 'Grain talks stall' });
  expect(link.getAttribute('href')).toBe('reader.html?doc=a-1');
  fireEvent.click(within(table).getByRole('button', { name: 'Compile “Grain talks stall” again' }));
  expect(onRecompileArticle).toHaveBeenCalledWith(saved);
  fireEvent.click(within(table).getByRole('button', { name: 'Remove “Grain talks stall”' }));
  expect(onRemoveArticle).toHaveBeenCalledWith(saved);
});

test('with no saved articles, the page says how to add one', () => {
  render(<Options {...props({ readings: [] })} />);
  expect(screen.getByText(/No articles yet/).textContent).toContain('Add this article');
});

test('several files: each one says how it went', () => {
  render(
    <Options
      {...props({
        importState: {
          state: 'batch',
          outcomes: [
            { fileName: 'a.txt', ok: true, message: 'Added “A”: 2 quotes (2 attributed).' },
            { fileName: 'b.html', ok: false, message: 'No article was found in it.' },
          ],
        },
      })}
    />,
  );
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('1 of 2 files imported; 1 not: nothing of it was saved.');
  expect(
    within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([
    'a.txt: Added “A”: 2 quotes (2 attributed).',
    'b.html: Not imported. No article was found in it.',
  ]);
});

test('hidden names and names hidden on one site are listed, and each can be marked again', () => {
  const onShowName = vi.fn();
  const onMarkOnSite = vi.fn();
  const putin = { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' as const };
  const kremlin = { id: 'kremlin', name: 'Kremlin', kind: 'organization' as const };
  render(
    <Options
      {...props({
        onShowName,
        onMarkOnSite,
        settings: {
          general: DEFAULT_SETTINGS,
          sites: [],
          hiddenNames: [putin],
          exclusions: [{ host: 'news.example', entity: kremlin }],
        },
      })}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Show again: Vladimir Putin' }));
  expect(onShowName).toHaveBeenCalledWith('vladimir-putin');
  fireEvent.click(screen.getByRole('button', { name: 'Mark again: Kremlin on news.example' }));
  expect(onMarkOnSite).toHaveBeenCalledWith('news.example', 'kremlin');
  expect(screen.getByText(/search still finds them/)).toBeTruthy();
});

test('a whole kind of name can be switched off and on again', () => {
  const onSettingsChange = vi.fn();
  const { rerender } = render(<Options {...props({ onSettingsChange })} />);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Places' }));
  expect(onSettingsChange).toHaveBeenLastCalledWith({ hiddenKinds: ['place'] });
  const placesOff = { ...DEFAULT_SETTINGS, hiddenKinds: ['place' as const] };
  rerender(
    <Options
      {...props({
        onSettingsChange,
        settings: { general: placesOff, sites: [], hiddenNames: [], exclusions: [] },
      })}
    />,
  );
  const places = screen.getByRole('checkbox', { name: 'Places' }) as HTMLInputElement;
  expect(places.checked).toBe(false);
  fireEvent.click(places);
  expect(onSettingsChange).toHaveBeenLastCalledWith({ hiddenKinds: [] });
});
