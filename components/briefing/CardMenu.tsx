import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { CARD_CHOICES, type CardChoice } from './card-choices';

interface CardMenuProps {
  /** The name the choices are about, for the button's accessible name. */
  name: string;
  onChoose: (choice: CardChoice) => void;
}

/**
 * The card's menu button (WAI-ARIA menu button pattern): Enter, Space or Arrow Down open it on
 * the first item, Arrow Up on the last; arrows, Home and End move; Escape closes the menu (not
 * the card) and returns to the button; Tab, or focus moving elsewhere, closes it.
 */
export function CardMenu({ name, onChoose }: CardMenuProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const all = items();
    (open === 'first' ? all[0] : all.at(-1))?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(event.target as HTMLElement);
    const moves: Record<string, number | undefined> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      all[next]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // the card stays open
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div
      class="bf-menu"
      onFocusOut={(event) => {
        const to = event.relatedTarget as Node | null;
        if (open && to !== null && !event.currentTarget.contains(to)) close(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="bf-bar-button bf-menu__button"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={menuId}
        aria-label={`Marking choices for ${name}`}
        title="Marking choices"
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div
        ref={menu}
        id={menuId}
        class="bf-menu__list"
        role="menu"
        aria-label={`Marking choices for ${name}`}
        hidden={!open}
        onKeyDown={onMenuKey}
      >
        {CARD_CHOICES.map(({ choice, label }) => (
          <button
            key={choice}
            type="button"
            role="menuitem"
            tabIndex={-1}
            class="bf-menu__item"
            onClick={() => {
              close(true);
              onChoose(choice);
            }}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
