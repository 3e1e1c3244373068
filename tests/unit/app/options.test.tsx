import { createEvent, fireEvent, render, screen, within } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { Options, type OptionsProps } from '@/components/Options';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { InstalledPack } from '@/lib/views';
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
    packs: [packRow()],
    importState: { state: 'idle' },
    settings: { general: DEFAULT_SETTINGS, sites: [] },
    storage: { usage: 2_400_000, quota: 10_000_000_000, persisted: true },
    error: null,
    onImportFile: vi.fn(),
    onResolveConflict: vi.fn(),
    onExport: vi.fn(),
    onRemove: vi.fn(),
    onReset: vi.fn(),
    onSettingsChange: vi.fn(),
    onSiteChange: vi.fn(),
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

test('while packs load, the page says so', () => {
  render(<Options {...props({ packs: null, settings: null, storage: null })} />);
  expect(screen.getByText('Loading packs…')).toBeTruthy();
  expect(screen.getByText('Measuring…')).toBeTruthy();
});

test('an import in progress shows its stage; a dropped file is imported', () => {
  const onImportFile = vi.fn();
  const { rerender } = render(<Options {...props({ onImportFile })} />);
  const file = new File(['{}'], 'notes.json', { type: 'application/json' });
  const zone = screen.getByText('Drop a pack file here, or choose one');
  const drop = createEvent.drop(zone);
  Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
  fireEvent(zone, drop);
  expect(onImportFile).toHaveBeenCalledWith(file);

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

test('a refused import lists every problem; a taken id offers the choice', () => {
  const onResolveConflict = vi.fn();
  const { rerender } = render(
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

  rerender(
    <Options
      {...props({
        onResolveConflict,
        importState: {
          state: 'failed',
          fileName: 'notes.json',
          message: 'A pack named "Field notes" with the same id is already installed.',
          problems: [],
          conflict: { installedTitle: 'Field notes', replaceable: true },
        },
      })}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
  expect(onResolveConflict).toHaveBeenCalledWith('keep-both');
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
        settings: { general: DEFAULT_SETTINGS, sites: [{ host: 'example.org', enabled: false }] },
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

test('the highlight style and the place rule are the reader’s to choose', () => {
  const onSettingsChange = vi.fn();
  render(<Options {...props({ onSettingsChange })} />);
  fireEvent.click(screen.getByRole('radio', { name: /clear with any colour vision/ }));
  expect(onSettingsChange).toHaveBeenCalledWith({ highlightStyle: 'strong' });
  fireEvent.click(screen.getByRole('checkbox', { name: /Mark every mention of a place/ }));
  expect(onSettingsChange).toHaveBeenCalledWith({ markEveryPlaceMention: true });
});

test('storage used is said in megabytes, with whether the browser may clear it', () => {
  render(<Options {...props()} />);
  expect(
    screen.getByText(/2\.4 MB used of 10000 MB available\. The browser keeps this data/),
  ).toBeTruthy();
});
