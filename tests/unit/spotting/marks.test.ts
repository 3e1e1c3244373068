import { afterEach, expect, test } from 'vitest';
import { type MarkActivation, onMarkActivated } from '@/lib/page/marks';

afterEach(() => {
  document.body.innerHTML = '';
});

test('pointing at or focusing a mark reports its entity; other elements do not', () => {
  document.body.innerHTML =
    '<p><mark class="briefings-mark" data-briefings-entity="kremlin" tabindex="0">Kremlin</mark> <mark>page</mark></p>';
  const activations: MarkActivation[] = [];
  const stop = new AbortController();
  onMarkActivated((activation) => activations.push(activation), { signal: stop.signal });
  const [ours, pages] = document.querySelectorAll('mark');
  pages?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  ours?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  ours?.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  expect(activations).toEqual([
    { mark: ours, entityId: 'kremlin', trigger: 'pointer' },
    { mark: ours, entityId: 'kremlin', trigger: 'focus' },
  ]);
  stop.abort();
  ours?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
  expect(activations).toHaveLength(2);
});
