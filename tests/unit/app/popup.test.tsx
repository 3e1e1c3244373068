import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { Popup } from '@/components/Popup';

const page = (mentions: Record<string, number>, active = true) => ({
  state: 'ready' as const,
  summary: { url: 'https://news.example/a', active, mentions },
});

test('the popup counts the distinct names found on the page', () => {
  render(<Popup version="0.1.0" page={page({ 'person-peskov': 2, 'person-putin': 5 })} />);
  expect(screen.getByText('2 names from your briefings.')).toBeTruthy();
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Briefings');
  expect(screen.getByText('v0.1.0')).toBeTruthy();
});

test('one name is one name', () => {
  render(<Popup version="0.1.0" page={page({ 'person-putin': 5 })} />);
  expect(screen.getByText('1 name from your briefings.')).toBeTruthy();
});

test('loading, unavailable, switched off and empty pages each say so', () => {
  const { rerender } = render(<Popup version={null} page={{ state: 'loading' }} />);
  expect(screen.getByText('Looking at this page…')).toBeTruthy();
  rerender(<Popup version={null} page={{ state: 'unavailable' }} />);
  expect(screen.getByText('Briefings does not run on this page.')).toBeTruthy();
  rerender(<Popup version={null} page={page({ 'person-putin': 1 }, false)} />);
  expect(screen.getByText('Highlighting is off on this page.')).toBeTruthy();
  rerender(<Popup version={null} page={page({})} />);
  expect(screen.getByText('No names from your briefings found yet.')).toBeTruthy();
});
