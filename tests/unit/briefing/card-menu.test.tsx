import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { BriefingPopover } from '@/components/briefing/BriefingPopover';
import type { ChoiceOutcome } from '@/components/briefing/card-choices';
import type { Briefing } from '@/lib/views';
import { get, realBriefings } from './real-briefings';

let peskov: Briefing;

beforeAll(async () => {
  peskov = get(await realBriefings('dmitry-peskov'), 'dmitry-peskov');
});

afterEach(cleanup);

function showCard(outcome: ChoiceOutcome | null = null) {
  const handlers = {
    onBack: vi.fn(),
    onClose: vi.fn(),
    onRetry: vi.fn(),
    onSelectEntity: vi.fn(),
    onOpenInBriefings: vi.fn(),
    onChoose: vi.fn(),
    onUndo: vi.fn(),
  };
  render(
    <BriefingPopover
      state={{ status: 'ready', briefing: peskov }}
      pendingName="Peskov"
      previous={null}
      outcome={outcome}
      {...handlers}
    />,
  );
  return handlers;
}

const menuButton = () => screen.getByRole('button', { name: 'Marking choices for Dmitry Peskov' });

test('the menu button opens its menu on the first item and the arrows move through it', () => {
  const handlers = showCard();
  const button = menuButton();
  expect(button.getAttribute('aria-haspopup')).toBe('menu');
  expect(button.getAttribute('aria-expanded')).toBe('false');
  fireEvent.keyDown(button, { key: 'ArrowDown' });
  expect(button.getAttribute('aria-expanded')).toBe('true');
  const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
  expect(items.map((item) => item.textContent)).toEqual([
    'Hide this name',
    'Not this person here',
    'Turn off highlighting here',
  ]);
  expect(document.activeElement).toBe(items[0]);
  fireEvent.keyDown(items[0] as HTMLElement, { key: 'ArrowUp' });
  expect(document.activeElement).toBe(items[2]);
  fireEvent.keyDown(items[2] as HTMLElement, { key: 'ArrowDown' });
  expect(document.activeElement).toBe(items[0]);
  fireEvent.keyDown(items[0] as HTMLElement, { key: 'End' });
  fireEvent.click(document.activeElement as HTMLElement);
  expect(handlers.onChoose).toHaveBeenCalledWith('site-off');
  expect(button.getAttribute('aria-expanded')).toBe('false');
  expect(document.activeElement).toBe(button);
});

test('Escape closes the menu, not the card, and focus goes back to the button', () => {
  const handlers = showCard();
  fireEvent.click(menuButton());
  const first = within(screen.getByRole('menu')).getAllByRole('menuitem')[0] as HTMLElement;
  fireEvent.keyDown(first, { key: 'Escape' });
  expect(menuButton().getAttribute('aria-expanded')).toBe('false');
  expect(document.activeElement).toBe(menuButton());
  expect(handlers.onClose).not.toHaveBeenCalled();
  expect(screen.getByRole('dialog', { name: 'Dmitry Peskov' })).toBeTruthy();
});

test('after a choice the card says what happened, with an Undo until it is taken back', () => {
  const done = {
    status: 'done',
    choice: 'not-here',
    name: 'Dmitry Peskov',
    host: 'news.example',
    undone: false,
  } as const;
  const handlers = showCard(done);
  expect(screen.getByRole('status').textContent).toBe(
    'Dmitry Peskov is no longer marked on news.example.',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  expect(handlers.onUndo).toHaveBeenCalledOnce();
  cleanup();
  showCard({ ...done, undone: true });
  expect(screen.getByRole('status').textContent).toBe(
    'Dmitry Peskov is marked on news.example again.',
  );
  expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
});
