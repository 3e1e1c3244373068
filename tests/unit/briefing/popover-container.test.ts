/**
 * The popover's container in happy-dom: when it opens, and that it stops cleanly and never throws
 * into the page. What the card shows, and the keyboard and pointer paths in a real browser, are
 * in tests/e2e/popover.test.ts (the card's root is closed, so it is read from outside here).
 */
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { OwnMarks } from '@/lib/page/own-marks';
import type { BriefingProvider } from '@/lib/popover/briefing-source';
import {
  POPOVER_CLOSE_EVENT,
  POPOVER_OPEN_EVENT,
  PopoverController,
} from '@/lib/popover/controller';
import type { Briefing } from '@/lib/views';
import { fromReader } from '../../support/reader-input';
import { get, realBriefings } from './real-briefings';

let peskov: Briefing;
let lifetime: AbortController;
let marks: OwnMarks;
let opened: number;
let closed: number;
const countOpen = () => opened++;
const countClose = () => closed++;

beforeAll(async () => {
  peskov = get(await realBriefings('dmitry-peskov'), 'dmitry-peskov');
});

beforeEach(() => {
  document.body.replaceChildren();
  const paragraph = document.createElement('p');
  const mark = document.createElement('mark');
  mark.className = 'briefings-mark';
  mark.tabIndex = 0;
  mark.textContent = 'Dmitry Peskov';
  paragraph.append('Kremlin spokesman ', mark, ' said.');
  document.body.append(paragraph);
  marks = new OwnMarks();
  marks.add(mark, { entityId: 'dmitry-peskov', name: 'Dmitry Peskov' });
  lifetime = new AbortController();
  opened = 0;
  closed = 0;
  window.addEventListener(POPOVER_OPEN_EVENT, countOpen);
  window.addEventListener(POPOVER_CLOSE_EVENT, countClose);
});

afterEach(() => {
  lifetime.abort();
  window.removeEventListener(POPOVER_OPEN_EVENT, countOpen);
  window.removeEventListener(POPOVER_CLOSE_EVENT, countClose);
});

function start(briefings: BriefingProvider): void {
  new PopoverController({ css: '', briefings, marks, signal: lifetime.signal }).start();
}

const mark = () => document.querySelector('mark') as HTMLElement;
const host = () => document.querySelector('briefings-popover');
const pointAt = (element: Element) =>
  element.dispatchEvent(
    fromReader(new PointerEvent('pointerover', { bubbles: true, composed: true })),
  );

function answering(briefing: Briefing): BriefingProvider & { get: ReturnType<typeof vi.fn> } {
  return { get: vi.fn(() => Promise.resolve(briefing)), peek: () => undefined };
}

test('the card opens only once the pointer has rested on a name, in a closed shadow root', async () => {
  const briefings = answering(peskov);
  start(briefings);
  pointAt(mark());
  // The briefing is asked for at once, before intent is certain.
  expect(briefings.get).toHaveBeenCalledWith('dmitry-peskov');
  // Drawn meanwhile, hidden: it is not open until the reader's intent is.
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(opened).toBe(0);
  await vi.waitFor(() => expect(opened).toBe(1));
  expect(host()?.shadowRoot).toBeNull(); // closed: the page cannot look inside
  expect(document.activeElement).toBe(document.body);
});

test('a name pointed at while the last card lingers opens once the last one has gone', async () => {
  start(answering(peskov));
  pointAt(mark());
  await vi.waitFor(() => expect(opened).toBe(1));
  const other = document.createElement('mark');
  other.className = 'briefings-mark';
  other.textContent = 'Kremlin';
  document.body.append(other);
  marks.add(other, { entityId: 'kremlin', name: 'Kremlin' });
  mark().dispatchEvent(
    fromReader(new PointerEvent('pointerout', { bubbles: true, relatedTarget: document.body })),
  );
  // The first card stays a moment after the pointer leaves it; the pointer reaches the other
  // name before that moment ends, and rests there past it.
  await new Promise((resolve) => setTimeout(resolve, 250));
  pointAt(other);
  await vi.waitFor(() => expect(closed).toBe(1));
  await vi.waitFor(() => expect(opened).toBe(2));
});

test('a failing background still opens the card, and no error reaches the page', async () => {
  const pageErrors: unknown[] = [];
  const onError = (event: ErrorEvent) => pageErrors.push(event.error);
  window.addEventListener('error', onError);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  start({
    get: () => Promise.reject(new Error('Nothing in your briefings is about this name any more.')),
    peek: () => undefined,
  });
  pointAt(mark());
  await vi.waitFor(() => expect(opened).toBe(1));
  window.removeEventListener('error', onError);
  expect(pageErrors).toEqual([]);
  // The failure became the card's error state, not an exception caught on the way.
  expect(warn).not.toHaveBeenCalled();
  warn.mockRestore();
});

test('Enter on a focused name opens the card and moves focus into it', async () => {
  start(answering(peskov));
  mark().focus();
  const enter = fromReader(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
  );
  mark().dispatchEvent(enter);
  expect(enter.defaultPrevented).toBe(true);
  await vi.waitFor(() => expect(opened).toBe(1));
  // Focus is in the closed root: the page sees only the host.
  expect(document.activeElement).toBe(host());
});

test('Escape with focus on the name closes the card and leaves focus there', async () => {
  start(answering(peskov));
  pointAt(mark());
  await vi.waitFor(() => expect(opened).toBe(1));
  mark().focus();
  mark().dispatchEvent(fromReader(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  expect(closed).toBe(1);
  expect(document.activeElement).toBe(mark());
});

test('when its lifetime ends, the card goes and names no longer open it', async () => {
  start(answering(peskov));
  pointAt(mark());
  await vi.waitFor(() => expect(opened).toBe(1));
  lifetime.abort();
  expect(host()).toBeNull();
  pointAt(mark());
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(host()).toBeNull();
  expect(opened).toBe(1);
});

test('a page script can neither open the card nor make one for a mark of its own', async () => {
  start(answering(peskov));
  const forged = document.createElement('mark');
  forged.className = 'briefings-mark';
  forged.textContent = 'VERIFIED BY BRIEFINGS';
  document.body.append(forged);
  for (const target of [mark(), forged]) {
    target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  }
  pointAt(forged);
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(host()).toBeNull();
  expect(opened).toBe(0);
});
