/**
 * When the briefing card opens, closes and what it shows. Pointer: the card opens after the
 * pointer rests on a name (hover intent), stays while the pointer travels from the name into
 * the card, and closes a moment after it leaves both. Keyboard: each name's first mark is a tab
 * stop; Enter or Space opens the card and moves focus into it, Escape closes it and puts focus
 * back on the name. The next/previous mark shortcut focuses that mark and opens its card, focus
 * staying on the name so the shortcut can go on. Opening by pointer never moves focus.
 */

import { h, render } from 'preact';
import { BriefingPopover, type BriefingState } from '@/components/briefing/BriefingPopover';
import type { CardChoice, ChoiceOutcome } from '@/components/briefing/card-choices';
import { pagePublicationDay } from '@/lib/article/metadata';
import { describeFailure } from '@/lib/failure-words';
import { announce } from '@/lib/page/announce';
import { markStepOf, markToward } from '@/lib/page/mark-navigation';
import { type MarkActivation, onMarkActivated } from '@/lib/page/marks';
import type { OwnMarks } from '@/lib/page/own-marks';
import { focusMark } from '@/lib/page/reveal';
import type { CardAppearance } from '@/lib/settings';
import type { EntityRef } from '@/lib/views';
import type { BriefingProvider } from './briefing-source';
import { applyCardChoice } from './card-choices';
import { createPopoverHost, type PopoverHost } from './host';
import { openInBriefings, openReader } from './open-in-briefings';
import { type CardTheme, pageTheme } from './page-theme';
import { followMark } from './position';
import { type CardRequest, clickRequest, keyRequest } from './requests';

/** How long the pointer rests on a name before the card opens. */
const HOVER_INTENT_MS = 120;
/** How long the card waits after the pointer left name and card, so a crossing never closes it. */
const LEAVE_GRACE_MS = 300;
/** A briefing slower than this shows the loading state rather than keep the reader waiting. */
const LOADING_STATE_AFTER_MS = 60;

/** Told to the page's window for tests and benchmarks, like the scan's events. No data. */
export const POPOVER_OPEN_EVENT = 'briefings:popover-open';
export const POPOVER_CLOSE_EVENT = 'briefings:popover-close';

interface OpenCard {
  mark: HTMLElement;
  /** What the reader pointed at, as printed, shown until the briefing is in. */
  pendingName: string;
  entityId: string;
  /** Briefings visited through "Appears with", to go back to. */
  previous: EntityRef[];
  state: BriefingState;
  /** Opened or used with the keyboard: then the pointer wandering off is no reason to close. */
  keyboard: boolean;
  /**
   * Shown to the reader. A card is drawn and placed, hidden, while the pointer rests on its
   * name, and shown when hover intent is reached: its cost is paid during the rest.
   */
  revealed: boolean;
  /** Drawn whole; until then its first view only, the rest drawn once it is on screen. */
  complete: boolean;
  announced: boolean;
  /** Focus goes into the card once it is placed (it cannot take focus while still hidden). */
  focusWhenPlaced: boolean;
  /** Light or dark, as the page looks where the name is (unless the reader chose one). */
  theme: CardTheme;
  /** What the reader's last choice from the menu did. */
  outcome: ChoiceOutcome | null;
  /**
   * Stays where it is rather than follow its mark: after a choice the mark may go, and the card
   * stays to say what happened.
   */
  pinned: boolean;
}

export interface PopoverOptions {
  css: string;
  briefings: BriefingProvider;
  /** Which marks are ours and what they name: the card opens for these only. */
  marks: OwnMarks;
  signal: AbortSignal;
}

export class PopoverController {
  private host: PopoverHost | null = null;
  private card: OpenCard | null = null;
  private stopFollowing: (() => void) | null = null;
  private intentTimer: number | undefined;
  private leaveTimer: number | undefined;
  private loadingTimer: number | undefined;
  /** The mark the pointer rests on, while hover intent is pending. */
  private intended: HTMLElement | null = null;
  /** The rest of a card is to be drawn after the next frame (completeSoon). */
  private completing: OpenCard | null = null;
  /** Incremented on every load, so a late answer for a card already moved on is dropped. */
  private loadId = 0;
  private appearance: CardAppearance = 'page';
  /** The page's own publication day, read from its metadata when a card first needs it. */
  private pageDate: { url: string; day: string | null } | null = null;

  constructor(private readonly options: PopoverOptions) {}

  start(): void {
    const { signal } = this.options;
    onMarkActivated((activation) => this.guard(() => this.onActivated(activation)), {
      marks: this.options.marks,
      signal,
    });
    // The reader's own input only (isTrusted): a page script's events neither open nor close.
    const listen = <E extends Event>(type: string, handler: (event: E) => void, passive = true) =>
      document.addEventListener(
        type,
        (event) => {
          if (event.isTrusted) this.guard(() => handler(event as E));
        },
        { capture: true, passive, signal },
      );
    listen<PointerEvent>('pointerout', (event) => this.onPointerOut(event));
    listen<PointerEvent>('pointerdown', (event) => this.onPointerDown(event));
    listen<MouseEvent>('click', (event) => this.onClick(event));
    listen<KeyboardEvent>('keydown', (event) => this.onPageKey(event), false);
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** Applies to the card from its next render. */
  setAppearance(appearance: CardAppearance): void {
    this.appearance = appearance;
    if (this.card) {
      this.card.theme = this.themeAt(this.card.mark);
      this.guard(() => this.render());
    }
  }

  /** Read once per address: a site that changes article without a reload changes its date. */
  private pageDay(): string | null {
    if (this.pageDate?.url !== location.href) {
      this.pageDate = { url: location.href, day: pagePublicationDay(document) };
    }
    return this.pageDate.day;
  }

  private themeAt(mark: HTMLElement): CardTheme {
    return this.appearance === 'page' ? pageTheme(mark) : this.appearance;
  }

  /** Does what the reader asked: also the request read before this card's code was loaded. */
  handle(request: CardRequest): void {
    this.guard(() => {
      if (request.kind === 'point') {
        const { mark, entityId, since } = request;
        this.onActivated({ mark, entityId, trigger: 'pointer' }, since);
      } else if (request.kind === 'open') {
        this.open(request.mark, request.entityId, { keyboard: request.keyboard });
      } else {
        this.goTo(request.mark);
      }
    });
  }

  /** `since`: when the pointer came to rest, so that loading this code does not add to intent. */
  private onActivated(
    { mark, entityId, trigger }: MarkActivation,
    since = performance.now(),
  ): void {
    // Ask early: the answer is usually in before the reader's intent is. The page's date is
    // read now too, while the pointer rests, rather than when the card is drawn.
    this.options.briefings.get(entityId).catch(() => undefined);
    this.pageDay();
    if (trigger !== 'pointer') return;
    if (this.card && this.showsName(mark)) {
      this.cancelLeave();
      return;
    }
    if (this.intended === mark) return;
    // A card on screen for another name stays until intent; otherwise this one is drawn now.
    if (!this.card?.revealed) this.prepare(mark, entityId);
    this.cancelIntent();
    this.intended = mark;
    const intentLeft = Math.max(0, HOVER_INTENT_MS - (performance.now() - since));
    this.intentTimer = window.setTimeout(() => {
      this.intended = null;
      this.guard(() => this.open(mark, entityId, { keyboard: false }));
    }, intentLeft);
  }

  private onPointerOut(event: PointerEvent): void {
    const from = this.options.marks.markAt(event.target);
    if (from === null) return;
    const to = this.options.marks.markAt(event.relatedTarget);
    if (to !== null && this.entityOf(to) === this.entityOf(from)) return;
    if (this.intended === from) this.cancelIntent();
    if (this.card && this.showsName(from) && !this.host?.contains(asNode(event.relatedTarget))) {
      if (this.card.revealed) this.scheduleLeave();
      else this.close({ restoreFocus: false }); // never shown: it goes without a trace
    }
  }

  private onPointerDown(event: PointerEvent): void {
    if (!this.card) return;
    const target = asNode(event.target);
    if (this.host?.contains(target)) return;
    const mark = this.options.marks.markAt(event.target);
    if (mark && this.showsName(mark)) return;
    this.close({ restoreFocus: false });
  }

  private onClick(event: MouseEvent): void {
    const request = clickRequest(event, this.options.marks);
    if (request) this.handle(request);
  }

  private onPageKey(event: KeyboardEvent): void {
    // Keys in the card arrive here first (capture), retargeted to the host: the card handles them.
    if (this.host?.contains(asNode(event.target))) return;
    const request = keyRequest(event, this.card?.mark ?? null, this.options.marks);
    if (request) {
      event.preventDefault();
      this.handle(request);
      return;
    }
    if (event.key === 'Escape' && this.card) {
      const mark = this.options.marks.markAt(event.target);
      const focusOnMark = mark !== null && this.showsName(mark);
      this.close({ restoreFocus: focusOnMark });
    }
  }

  /** Keys inside the card (they stop at its shadow root: the page never sees them). */
  private onCardKey(event: KeyboardEvent): void {
    if (!this.card || !this.host) return;
    this.card.keyboard = true;
    const step = markStepOf(event);
    if (step) {
      event.preventDefault();
      const mark = markToward(step, this.card.mark, this.options.marks);
      if (mark) this.goTo(mark);
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close({ restoreFocus: true });
      return;
    }
    if (event.key !== 'Tab') return;
    // Tabbing past either end leaves the card for its name, where page order continues.
    const stops = focusableIn(this.host.mount);
    const active = this.host.shadow.activeElement;
    // -1: focus is on the card itself, before its first stop.
    const index = active instanceof HTMLElement ? stops.indexOf(active) : -1;
    if (event.shiftKey ? index <= 0 : index === stops.length - 1) {
      event.preventDefault();
      this.close({ restoreFocus: true });
    }
  }

  /** The next or previous mark: into view, focused, its card open beside it. */
  private goTo(mark: HTMLElement): void {
    const entityId = this.entityOf(mark);
    if (!entityId) return;
    this.close({ restoreFocus: false });
    focusMark(mark);
    this.open(mark, entityId, { keyboard: true, focusCard: false });
  }

  private open(
    mark: HTMLElement,
    entityId: string,
    { keyboard, focusCard = keyboard }: { keyboard: boolean; focusCard?: boolean },
  ): void {
    this.cancelIntent();
    this.cancelLeave();
    if (this.card?.mark === mark) {
      if (keyboard) this.card.keyboard = true;
      if (!this.card.revealed) this.reveal(this.card);
      if (focusCard) this.focusCard();
      return;
    }
    this.drawCard(mark, entityId, { keyboard, revealed: true });
    if (focusCard) this.focusCard();
  }

  /** Draws the card of the name the pointer rests on, hidden until hover intent opens it. */
  private prepare(mark: HTMLElement, entityId: string): void {
    if (this.card?.mark === mark) return;
    this.drawCard(mark, entityId, { keyboard: false, revealed: false });
  }

  private drawCard(
    mark: HTMLElement,
    entityId: string,
    { keyboard, revealed }: { keyboard: boolean; revealed: boolean },
  ): void {
    // Another name: the old card goes at once rather than show the wrong person meanwhile.
    this.close({ restoreFocus: false });
    this.card = {
      mark,
      pendingName: this.options.marks.nameOf(mark)?.name ?? '',
      entityId,
      previous: [],
      state: { status: 'loading' },
      keyboard,
      revealed,
      complete: false,
      announced: false,
      focusWhenPlaced: false,
      theme: this.themeAt(mark),
      outcome: null,
      pinned: false,
    };
    this.load(entityId);
  }

  /** The rest of a card on screen, drawn after the frame that shows its first view. */
  private completeSoon(card: OpenCard): void {
    if (card.complete || card.state.status !== 'ready' || this.completing === card) return;
    this.completing = card;
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        if (this.completing !== card) return;
        this.completing = null;
        if (this.card !== card || card.complete || this.options.signal.aborted) return;
        card.complete = true;
        this.guard(() => this.render());
      }),
    );
  }

  private reveal(card: OpenCard): void {
    card.revealed = true;
    this.completeSoon(card);
    const element = this.cardElement();
    if (!element) return; // drawn at its first render, shown then
    showAs(element, card);
    if (element.dataset.placed === 'true') this.placed();
  }

  private load(entityId: string): void {
    const card = this.card;
    if (!card) return;
    const loadId = ++this.loadId;
    window.clearTimeout(this.loadingTimer);
    const ready = this.options.briefings.peek(entityId);
    if (ready) {
      card.state = { status: 'ready', briefing: ready };
      this.render();
      return;
    }
    this.loadingTimer = window.setTimeout(() => {
      if (loadId === this.loadId && card.state.status === 'loading') this.render();
    }, LOADING_STATE_AFTER_MS);
    this.options.briefings.get(entityId).then(
      (briefing) => this.settle(loadId, { status: 'ready', briefing }),
      (error: unknown) => this.settle(loadId, { status: 'error', message: describeFailure(error) }),
    );
  }

  private settle(loadId: number, state: BriefingState): void {
    if (loadId !== this.loadId || !this.card || this.options.signal.aborted) return;
    window.clearTimeout(this.loadingTimer);
    this.card.state = state;
    this.guard(() => this.render());
  }

  private selectEntity(entity: EntityRef): void {
    const card = this.card;
    if (card?.state.status !== 'ready') return;
    const focusWasInside = this.host?.shadow.activeElement != null;
    const current = card.state.briefing.entity;
    card.previous = [...card.previous, { id: current.id, name: current.name, kind: current.kind }];
    this.moveTo(entity, focusWasInside);
  }

  private back(): void {
    const card = this.card;
    const previous = card?.previous.at(-1);
    if (!card || !previous) return;
    card.previous = card.previous.slice(0, -1);
    this.moveTo(previous, true);
  }

  /** A choice from the card's menu, or its Undo (`apply` false). */
  private choose(choice: CardChoice, apply: boolean): void {
    const card = this.card;
    if (card?.state.status !== 'ready') return;
    const { id, name } = card.state.briefing.entity;
    card.pinned = true;
    this.stopFollow();
    applyCardChoice(choice, id, apply)
      .then(
        ({ host }) => {
          card.outcome = { status: 'done', choice, name, host, undone: !apply };
        },
        (error: unknown) => {
          card.outcome = { status: 'failed', message: describeFailure(error) };
        },
      )
      .finally(() => {
        if (this.card !== card) return;
        this.guard(() => {
          const focusWasInside = this.host?.shadow.activeElement != null;
          this.render();
          // The Undo that was pressed is gone: focus stays in the card, not on the page's body.
          if (focusWasInside && this.host?.shadow.activeElement == null) {
            this.cardElement()?.focus({ preventScroll: true });
          }
        });
      });
  }

  private moveTo(entity: EntityRef, refocus: boolean): void {
    const card = this.card;
    if (!card) return;
    card.outcome = null;
    card.entityId = entity.id;
    card.pendingName = entity.name;
    card.state = { status: 'loading' };
    card.complete = false;
    this.load(entity.id);
    // The button that was pressed is gone; focus goes to the card rather than to the page.
    if (refocus) this.focusCard();
  }

  private render(): void {
    const card = this.card;
    if (!card) return;
    this.host ??= this.createHost();
    render(
      h(BriefingPopover, {
        state: card.state,
        pendingName: card.pendingName,
        theme: card.theme,
        pageDate: this.pageDay(),
        firstViewOnly: !card.complete,
        previous: card.previous.at(-1) ?? null,
        onBack: () => this.guard(() => this.back()),
        onClose: () => this.guard(() => this.close({ restoreFocus: true })),
        onRetry: () => this.guard(() => this.load(card.entityId)),
        onSelectEntity: (entity) => this.guard(() => this.selectEntity(entity)),
        onOpenInBriefings: (entity) =>
          openInBriefings(entity.id).catch((error: unknown) =>
            console.warn('[Briefings] could not open the Briefings page:', error),
          ),
        onReadSource: (target) =>
          openReader(target).catch((error: unknown) =>
            console.warn('[Briefings] could not open the article:', error),
          ),
        onChoose: (choice) => this.guard(() => this.choose(choice, true)),
        outcome: card.outcome,
        onUndo: () =>
          this.guard(() => {
            if (card.outcome?.status === 'done') this.choose(card.outcome.choice, false);
          }),
      }),
      this.host.mount,
    );
    if (card.revealed) this.completeSoon(card);
    const element = this.cardElement();
    if (element) showAs(element, card);
    if (element && !this.stopFollowing && !card.pinned) {
      this.stopFollowing = followMark(card.mark, element, {
        onPlaced: () => this.guard(() => this.placed()),
        onMarkGone: () => this.guard(() => this.close({ restoreFocus: false })),
      });
    }
  }

  private createHost(): PopoverHost {
    const host = createPopoverHost(this.options.css);
    host.shadow.addEventListener('keydown', (event) =>
      this.guard(() => this.onCardKey(event as KeyboardEvent)),
    );
    // Not bubbling, so these fire for the card as a whole, not for each element inside it.
    host.mount.addEventListener('pointerenter', () => this.cancelLeave());
    host.mount.addEventListener('pointerleave', (event) => {
      const to = this.options.marks.markAt(event.relatedTarget);
      if (!(to && this.showsName(to))) this.guard(() => this.scheduleLeave());
    });
    return host;
  }

  /** The card is on screen, next to its name, for the first time. */
  private placed(): void {
    const card = this.card;
    if (!card?.revealed) return;
    if (card.focusWhenPlaced) {
      card.focusWhenPlaced = false;
      this.cardElement()?.focus({ preventScroll: true });
    }
    if (!card.announced) {
      card.announced = true;
      announce(POPOVER_OPEN_EVENT);
    }
  }

  /** Moves focus into the card: now if it is on screen, else as soon as it is placed. */
  private focusCard(): void {
    const card = this.card;
    if (!card) return;
    this.render(); // the loading state, if the briefing is not in yet: focus needs an element
    const element = this.cardElement();
    if (element?.dataset.placed === 'true') element.focus({ preventScroll: true });
    else card.focusWhenPlaced = true;
  }

  private close({ restoreFocus }: { restoreFocus: boolean }): void {
    const card = this.card;
    if (!card) return;
    // Focus in the card would fall to the page's <body> when it goes: it returns to the name.
    const focusInCard = this.host?.shadow.activeElement != null;
    this.card = null;
    this.loadId++;
    // The pointer may already rest on another name: its card still opens when intent is reached.
    if (this.intended === card.mark) this.cancelIntent();
    this.cancelLeave();
    window.clearTimeout(this.loadingTimer);
    this.stopFollow();
    if (this.host) render(null, this.host.mount);
    // A choice from the card's menu re-marks the page: the name is then its first mark, if any.
    const name = card.mark.isConnected ? card.mark : this.options.marks.firstOf(card.entityId);
    if ((restoreFocus || focusInCard) && name) name.focus({ preventScroll: true });
    if (card.revealed) announce(POPOVER_CLOSE_EVENT);
  }

  private scheduleLeave(): void {
    if (!this.card || this.card.keyboard) return;
    this.cancelLeave();
    this.leaveTimer = window.setTimeout(
      () => this.guard(() => this.close({ restoreFocus: false })),
      LEAVE_GRACE_MS,
    );
  }

  private cancelIntent(): void {
    window.clearTimeout(this.intentTimer);
    this.intended = null;
  }

  private cancelLeave(): void {
    window.clearTimeout(this.leaveTimer);
  }

  private stopFollow(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
  }

  /** The card shows this name: the mark itself, or another part of the same name. */
  private showsName(mark: HTMLElement): boolean {
    const card = this.card;
    return (
      card !== null && (card.mark === mark || this.entityOf(mark) === this.entityOf(card.mark))
    );
  }

  private entityOf(mark: HTMLElement): string | null {
    return this.options.marks.entityOf(mark);
  }

  private cardElement(): HTMLElement | null {
    return this.host?.mount.querySelector<HTMLElement>('[role="dialog"]') ?? null;
  }

  private destroy(): void {
    try {
      this.close({ restoreFocus: false });
    } finally {
      this.host?.remove();
      this.host = null;
    }
  }

  /** Never throw into the page: whatever goes wrong stays in our console. */
  private guard(action: () => void): void {
    if (this.options.signal.aborted) return;
    try {
      action();
    } catch (error) {
      console.warn('[Briefings] the briefing card failed:', error);
    }
  }
}

/** A card not yet revealed is transparent and inert (popover.css): nothing can reach it. */
function showAs(element: HTMLElement, card: OpenCard): void {
  element.dataset.revealed = String(card.revealed);
  element.inert = !card.revealed;
}

function asNode(target: EventTarget | null): Node | null {
  return target instanceof Node ? target : null;
}

function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), summary')].filter(
    (element) => element.checkVisibility(),
  );
}
