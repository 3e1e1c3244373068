import { afterEach, expect, test } from 'vitest';
import { type MarkActivation, onMarkActivated } from '@/lib/page/marks';
import { OwnMarks } from '@/lib/page/own-marks';
import { fromReader } from '../../support/reader-input';

afterEach(() => {
  document.body.innerHTML = '';
});

const pointerOver = () => new PointerEvent('pointerover', { bubbles: true, composed: true });

function pageWithMarks() {
  document.body.innerHTML =
    '<p><mark class="briefings-mark" tabindex="0">Kremlin</mark> <mark class="briefings-mark">Fake</mark> <mark>page</mark></p>';
  const [ours, forged, pages] = [...document.querySelectorAll('mark')] as HTMLElement[];
  const marks = new OwnMarks();
  if (ours) marks.add(ours, { entityId: 'kremlin', name: 'Kremlin' });
  const activations: MarkActivation[] = [];
  const stop = new AbortController();
  onMarkActivated((activation) => activations.push(activation), { marks, signal: stop.signal });
  return { ours, forged, pages, activations, stop };
}

test('pointing at or focusing a mark of ours reports its entity; other elements do not', () => {
  const { ours, forged, pages, activations, stop } = pageWithMarks();
  pages?.dispatchEvent(fromReader(pointerOver()));
  forged?.dispatchEvent(fromReader(pointerOver()));
  ours?.dispatchEvent(fromReader(pointerOver()));
  ours?.dispatchEvent(fromReader(new FocusEvent('focusin', { bubbles: true, composed: true })));
  expect(activations).toEqual([
    { mark: ours, entityId: 'kremlin', trigger: 'pointer' },
    { mark: ours, entityId: 'kremlin', trigger: 'focus' },
  ]);
  stop.abort();
  ours?.dispatchEvent(fromReader(pointerOver()));
  expect(activations).toHaveLength(2);
});

test('events a page script makes activate nothing, even on our marks', () => {
  const { ours, activations } = pageWithMarks();
  ours?.dispatchEvent(pointerOver());
  ours?.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  expect(activations).toEqual([]);
});
