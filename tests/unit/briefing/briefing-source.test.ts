import { expect, test, vi } from 'vitest';
import { backgroundMessenger } from '@/lib/messaging';
import { BriefingSource } from '@/lib/popover/briefing-source';
import type { Briefing } from '@/lib/views';

const briefingOf = (name: string) => ({ entity: { id: 'x', name, kind: 'person' } }) as Briefing;

test('a briefing is asked for once while fresh, and again after the packs changed', async () => {
  const ask = vi
    .spyOn(backgroundMessenger, 'sendMessage')
    .mockResolvedValueOnce(briefingOf('Before') as never)
    .mockResolvedValueOnce(briefingOf('After') as never);
  const source = new BriefingSource();
  expect((await source.get('x')).entity.name).toBe('Before');
  expect((await source.get('x')).entity.name).toBe('Before');
  expect(ask).toHaveBeenCalledTimes(1);

  source.forgetAll();
  expect(source.peek('x')).toBeUndefined();
  expect((await source.get('x')).entity.name).toBe('After');
  expect(ask).toHaveBeenCalledTimes(2);
});
