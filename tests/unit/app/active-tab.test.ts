import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findTargetTabId } from '@/lib/active-tab';

function readingTab(id: number) {
  return vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    {
      id,
      index: 0,
      active: true,
      highlighted: true,
      pinned: false,
      incognito: false,
      windowId: 1,
    },
  ]);
}

test('from the toolbar, the popup speaks about the active tab of its window', async () => {
  const query = readingTab(7);
  expect(await findTargetTabId('')).toBe(7);
  expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
});

test('opened as a page for a given tab, it speaks about that tab', async () => {
  readingTab(7);
  expect(await findTargetTabId('?tab=42')).toBe(42);
});

test('a malformed tab parameter falls back to the active tab', async () => {
  readingTab(7);
  expect(await findTargetTabId('?tab=abc')).toBe(7);
  expect(await findTargetTabId('?tab=-3')).toBe(7);
  expect(await findTargetTabId('?tab=1.5')).toBe(7);
});
