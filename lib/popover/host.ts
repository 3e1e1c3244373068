/**
 * The element our popover lives in: a `briefings-…` custom element (the page scan skips those)
 * holding a closed shadow root, so page CSS and scripts cannot reach the card and our CSS
 * cannot reach the page.
 */
export interface PopoverHost {
  /** Where the card is rendered, inside the shadow root. */
  mount: HTMLElement;
  shadow: ShadowRoot;
  contains(node: Node | null): boolean;
  remove(): void;
}

/** Resets whatever the page's CSS says about unknown elements; the card is positioned fixed. */
const HOST_STYLE = [
  'all: initial !important',
  'position: fixed !important',
  'top: 0 !important',
  'left: 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'z-index: 2147483647 !important',
].join(';');

export function createPopoverHost(css: string): PopoverHost {
  const host = document.createElement('briefings-popover');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  // Keys typed in the card are ours: page shortcuts (j/k, "/", space to scroll) must not fire.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  // Outside <body>: a transformed body would otherwise become the containing block.
  document.documentElement.append(host);
  return {
    mount,
    shadow,
    contains: (node) => node !== null && (node === host || shadow.contains(node)),
    remove: () => host.remove(),
  };
}
