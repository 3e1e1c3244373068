import { expect, test } from 'vitest';
import { describeImported } from '@/lib/imported-packs';
import type { InstalledPack } from '@/lib/views';

const pack = (title: string): InstalledPack => ({
  id: title.toLowerCase(),
  title,
  createdAt: '2024-06-02',
  origin: 'imported',
  installedAt: 1,
  counts: { documents: 1, entities: 1, quotes: 1, events: 1 },
});

test('says what was imported, and what was already there with the same content', () => {
  expect(describeImported({ installed: [pack('Notes')], unchanged: [] })).toBe('Imported “Notes”.');
  expect(describeImported({ installed: [], unchanged: [pack('Notes')] })).toBe(
    '“Notes” is already installed (same content), nothing changed.',
  );
  expect(describeImported({ installed: [], unchanged: [pack('Notes'), pack('Atlas')] })).toBe(
    '“Notes”, “Atlas” are already installed (same content), nothing changed.',
  );
  expect(
    describeImported({ installed: [pack('Atlas')], unchanged: [pack('Notes'), pack('Maps')] }),
  ).toBe(
    'Imported “Atlas”. “Notes”, “Maps” are already installed (same content), left as they were.',
  );
});
