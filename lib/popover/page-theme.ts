/**
 * Whether the card should look light or dark where it opens: like the page around the name,
 * not like the system. The first painted background from the name up decides; where nothing is
 * painted, the browser's canvas shows, which is dark only when the page asks for a dark scheme.
 */
export type CardTheme = 'light' | 'dark';

/** The luminance under which white text reads better than black (WCAG relative luminance). */
const DARK_BELOW = 0.179;

export function pageTheme(from: Element): CardTheme {
  for (let element: Element | null = from; element; element = element.parentElement) {
    const color = parseRgb(getComputedStyle(element).backgroundColor);
    // A translucent layer shows mostly what is under it: keep looking.
    if (color && color.alpha >= 0.5) return luminance(color) < DARK_BELOW ? 'dark' : 'light';
  }
  return canvasTheme();
}

function canvasTheme(): CardTheme {
  const schemes = getComputedStyle(document.documentElement).colorScheme.split(/\s+/);
  if (!schemes.includes('dark')) return 'light';
  if (!schemes.includes('light')) return 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface Rgb {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

/** `rgb(…)` / `rgba(…)` as browsers compute colours; null for anything else (e.g. `oklch`). */
export function parseRgb(value: string): Rgb | null {
  const match =
    /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%)?)?\s*\)$/.exec(
      value.trim(),
    );
  if (!match) return null;
  const [, red, green, blue, alpha, percent] = match;
  const opacity = alpha === undefined ? 1 : Number(alpha) / (percent ? 100 : 1);
  return { red: Number(red), green: Number(green), blue: Number(blue), alpha: opacity };
}

export function luminance({ red, green, blue }: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}
