import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

export interface TabChoice<T extends string> {
  value: T;
  label: string;
}

interface TabsProps<T extends string> {
  label: string;
  tabs: readonly TabChoice<T>[];
  current: T;
  onSelect: (value: T) => void;
  /** The panel of the current tab. */
  children: ComponentChildren;
}

/** Keys that move between tabs, and where each takes focus from index `from` of `count`. */
const MOVES: Record<string, (from: number, count: number) => number> = {
  ArrowRight: (from, count) => (from + 1) % count,
  ArrowLeft: (from, count) => (from - 1 + count) % count,
  Home: () => 0,
  End: (_from, count) => count - 1,
};

/**
 * Tabs as the WAI-ARIA tabs pattern has them: one Tab stop for the row (the selected tab),
 * Left/Right (wrapping), Home and End move between tabs and select the one reached, and the
 * panel is labelled by its tab.
 */
export function Tabs<T extends string>({ label, tabs, current, onSelect, children }: TabsProps<T>) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const tabId = (value: T) => `${id}-tab-${value}`;
  const panelId = `${id}-panel`;

  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const from = tabs.findIndex((tab) => tab.value === current);
    const to = tabs[move(from, tabs.length)];
    if (to === undefined) return;
    onSelect(to.value);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(to.value))}`)?.focus();
  };

  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map(({ value, label: tabLabel }) => {
          const selected = value === current;
          return (
            <button
              key={value}
              type="button"
              role="tab"
              id={tabId(value)}
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              class={`tab${selected ? ' tab--on' : ''}`}
              onClick={() => onSelect(value)}
            >
              {tabLabel}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(current)} class="tabpanel">
        {children}
      </div>
    </>
  );
}
