import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { BriefingPopover, type BriefingState } from '@/components/briefing/BriefingPopover';
import type { Briefing, EntityRef } from '@/lib/views';
import { get, realBriefings } from './real-briefings';

let peskov: Briefing;

beforeAll(async () => {
  peskov = get(await realBriefings('dmitry-peskov'), 'dmitry-peskov');
});

afterEach(cleanup);

function showPopover(state: BriefingState, previous: EntityRef | null = null) {
  const handlers = {
    onBack: vi.fn(),
    onClose: vi.fn(),
    onRetry: vi.fn(),
    onSelectEntity: vi.fn(),
    onOpenInBriefings: vi.fn(),
  };
  render(<BriefingPopover state={state} pendingName="Peskov" previous={previous} {...handlers} />);
  return handlers;
}

describe('the briefing card', () => {
  test('is a dialog named by the entity, with a way to close it and to open the full page', () => {
    const handlers = showPopover({ status: 'ready', briefing: peskov });
    const dialog = screen.getByRole('dialog', { name: 'Dmitry Peskov' });
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    expect(dialog.getAttribute('aria-busy')).toBe('false');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close briefing' }));
    expect(handlers.onClose).toHaveBeenCalledOnce();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open in Briefings' }));
    expect(handlers.onOpenInBriefings).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'dmitry-peskov' }),
    );
  });

  test('while loading, it is named by what the reader pointed at and says it is loading', () => {
    showPopover({ status: 'loading' });
    const dialog = screen.getByRole('dialog', { name: 'Peskov' });
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(within(dialog).getByRole('status').textContent).toBe('Loading the briefing…');
    expect(within(dialog).queryByRole('button', { name: /Open in Briefings/ })).toBeNull();
  });

  test('a failure shows the background’s message for the reader, and can be retried', () => {
    const message = 'Nothing in your briefings is about this name any more.';
    const handlers = showPopover({ status: 'error', message });
    const dialog = screen.getByRole('dialog', { name: 'Peskov' });
    expect(within(dialog).getByRole('alert').textContent).toContain(message);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(handlers.onRetry).toHaveBeenCalledOnce();
  });

  test('after moving to a related name, it offers the way back', () => {
    const handlers = showPopover(
      { status: 'ready', briefing: peskov },
      { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back to Vladimir Putin' }));
    expect(handlers.onBack).toHaveBeenCalledOnce();
  });

  test('related names in the card move the briefing', () => {
    const handlers = showPopover({ status: 'ready', briefing: peskov });
    fireEvent.click(screen.getByRole('button', { name: 'China' }));
    expect(handlers.onSelectEntity).toHaveBeenCalledWith(expect.objectContaining({ id: 'china' }));
  });
});
