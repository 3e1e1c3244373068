import { afterEach, expect, test } from 'vitest';
import { luminance, pageTheme, parseRgb } from '@/lib/popover/page-theme';

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

test('computed colours are read, opaque or not', () => {
  expect(parseRgb('rgb(21, 23, 26)')).toEqual({ red: 21, green: 23, blue: 26, alpha: 1 });
  expect(parseRgb('rgba(0, 0, 0, 0)')).toMatchObject({ alpha: 0 });
  expect(parseRgb('rgb(255 255 255 / 50%)')).toMatchObject({ alpha: 0.5 });
  expect(parseRgb('oklch(0.5 0.1 200)')).toBeNull();
  expect(luminance({ red: 255, green: 255, blue: 255, alpha: 1 })).toBeCloseTo(1);
  expect(luminance({ red: 0, green: 0, blue: 0, alpha: 1 })).toBe(0);
});

test('the first painted background from the name up decides', () => {
  document.body.style.background = 'rgb(250, 250, 248)';
  document.body.innerHTML =
    '<aside style="background: rgb(20, 22, 25)"><p><mark>Putin</mark></p></aside><p><mark>Xi</mark></p>';
  const [inDarkAside, onLightBody] = [...document.querySelectorAll('mark')];
  if (!inDarkAside || !onLightBody) throw new Error('marks missing');
  expect(pageTheme(inDarkAside)).toBe('dark');
  expect(pageTheme(onLightBody)).toBe('light');
});

test('a translucent layer does not decide; an unpainted page is light unless it asks for dark', () => {
  document.body.innerHTML = '<div style="background: rgba(0, 0, 0, 0.1)"><mark>Putin</mark></div>';
  const mark = document.querySelector('mark') as Element;
  expect(pageTheme(mark)).toBe('light');
  document.documentElement.style.colorScheme = 'dark';
  expect(pageTheme(mark)).toBe('dark');
});
