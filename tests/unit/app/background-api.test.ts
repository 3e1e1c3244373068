import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/lib/background/api';

test('status reports the version of the installed manifest', () => {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Briefings',
    version: '1.2.3',
  });
  expect(backgroundHandlers.getStatus()).toEqual({ version: '1.2.3' });
});
