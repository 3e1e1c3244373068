/** A change's batches follow how long the last one took once its transaction ran. */
import { expect, test } from 'vitest';
import { BATCH_TARGET_MS, BatchSizer } from '@/lib/store/pack-rows';

test('fast batches grow, at most twofold each time, up to a bound', () => {
  const sizer = new BatchSizer();
  const sizes = [sizer.next()];
  for (let batch = 0; batch < 12; batch++) {
    sizer.took(1);
    sizes.push(sizer.next());
  }
  expect(sizes.slice(0, 4)).toEqual([100, 200, 400, 800]);
  expect(sizes.at(-1)).toBe(20_000);
});

test('a batch that took four times the target is followed by one a quarter its size', () => {
  const sizer = new BatchSizer();
  for (let batch = 0; batch < 3; batch++) sizer.took(1);
  expect(sizer.next()).toBe(800);
  sizer.took(BATCH_TARGET_MS * 4);
  expect(sizer.next()).toBe(200);
});

test('no batch is smaller than a floor, however slow', () => {
  const sizer = new BatchSizer();
  sizer.took(10_000);
  expect(sizer.next()).toBe(100);
});

test('a batch on target keeps its size', () => {
  const sizer = new BatchSizer();
  sizer.took(1);
  sizer.took(BATCH_TARGET_MS);
  expect(sizer.next()).toBe(200);
});
