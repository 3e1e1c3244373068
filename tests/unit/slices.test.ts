import { expect, test } from 'vitest';
import { forEachInSlices, mapInSlices } from '@/lib/slices';
import { rowsOfPack, rowsOfPackInSlices } from '@/lib/store/db';
import { generatePack } from '../../scripts/bench/generated-pack';

test('work in slices lets a call waiting meanwhile be answered before it ends', async () => {
  const done: string[] = [];
  setTimeout(() => done.push('call answered'), 0);
  // Each item spends a slice of 0 ms: the thread is let go after every one.
  await forEachInSlices([1, 2, 3], 0, (item) => done.push(`item ${item}`));
  expect(done.indexOf('call answered')).toBeGreaterThan(0);
  expect(done.indexOf('call answered')).toBeLessThan(done.length - 1);
});

test('within one slice, nothing else runs', async () => {
  const done: string[] = [];
  setTimeout(() => done.push('call answered'), 0);
  await forEachInSlices([1, 2, 3], 60_000, (item) => done.push(`item ${item}`));
  expect(done).toEqual(['item 1', 'item 2', 'item 3']);
});

test('mapped in slices, a pack gives the rows it gives at once', async () => {
  const pack = generatePack({ documents: 5, entities: 300, quotes: 40, events: 5 });
  expect(await mapInSlices([1, 2, 3], 0, (n) => n * 2)).toEqual([2, 4, 6]);
  expect(await rowsOfPackInSlices(pack, 0)).toEqual(rowsOfPack(pack));
});
