import type { Briefing, EntityRef } from '@/lib/views';
import { BriefingView } from './BriefingView';
import { CardMenu } from './CardMenu';
import { type CardChoice, type ChoiceOutcome, outcomeText } from './card-choices';
import type { OpenReader } from './read-source';

export type BriefingState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; briefing: Briefing };

export interface BriefingPopoverProps {
  state: BriefingState;
  /** What the reader pointed at, as printed on the page: the heading until the briefing loads. */
  pendingName: string;
  /** The briefing the reader came from through "Appears with", if any. */
  previous: EntityRef | null;
  onBack: () => void;
  onClose: () => void;
  onRetry: () => void;
  onSelectEntity: (entity: EntityRef) => void;
  onOpenInBriefings: (entity: EntityRef) => void;
  /** "Read" on a quote's source: its document in the reader view, at the quote. */
  onReadSource?: OpenReader;
  /** Light or dark whatever the system's preference; without it, the system's. */
  theme?: 'light' | 'dark';
  /** The publication day of the page the card sits on, when its metadata gives one. */
  pageDate?: string | null;
  /** The header and first quotes only, the rest to follow (BriefingView). */
  firstViewOnly?: boolean;
  /** The card's menu: hide the name, not this person here, highlighting off here. */
  onChoose?: (choice: CardChoice) => void;
  /** What the last choice did, told in the card until it closes. */
  outcome?: ChoiceOutcome | null;
  onUndo?: () => void;
}

const TITLE_ID = 'briefings-popover-title';

/**
 * The briefing card shown next to a name on a page: a non-modal dialog (it holds links and
 * buttons, so not a tooltip) named by the entity's heading, with its loading and error states.
 */
export function BriefingPopover(props: BriefingPopoverProps) {
  const { state, pendingName, previous } = props;
  return (
    <div
      class="bf bf-popover"
      data-theme={props.theme}
      role="dialog"
      aria-labelledby={TITLE_ID}
      aria-busy={state.status === 'loading'}
      tabIndex={-1}
    >
      <div class="bf-popover__bar">
        {previous ? (
          <button type="button" class="bf-bar-button bf-back" onClick={props.onBack}>
            <span aria-hidden="true">← </span>
            <span class="bf-visually-hidden">Back to </span>
            {previous.name}
          </button>
        ) : (
          <span class="bf-brand">Briefings</span>
        )}
        <span class="bf-popover__tools">
          {state.status === 'ready' && props.onChoose && (
            <CardMenu name={state.briefing.entity.name} onChoose={props.onChoose} />
          )}
          <button
            type="button"
            class="bf-bar-button bf-close"
            aria-label="Close briefing"
            title="Close (Esc)"
            onClick={props.onClose}
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      </div>
      {state.status === 'ready' && props.onChoose && (
        <ChoiceNotice outcome={props.outcome ?? null} onUndo={props.onUndo} />
      )}
      <div class="bf-popover__body">
        {state.status === 'ready' ? (
          <BriefingView
            briefing={state.briefing}
            titleId={TITLE_ID}
            onSelectEntity={props.onSelectEntity}
            onReadSource={props.onReadSource}
            pageDate={props.pageDate}
            firstViewOnly={props.firstViewOnly}
          />
        ) : (
          <div class="bf-briefing">
            <h2 class="bf-title" id={TITLE_ID} tabIndex={-1}>
              {pendingName}
            </h2>
            {state.status === 'loading' ? (
              <div class="bf-loading" role="status">
                <span class="bf-visually-hidden">Loading the briefing…</span>
                <span class="bf-skeleton" aria-hidden="true" />
                <span class="bf-skeleton bf-skeleton--short" aria-hidden="true" />
              </div>
            ) : (
              <div class="bf-error" role="alert">
                <p>{state.message}</p>
                <button type="button" class="bf-link-button" onClick={props.onRetry}>
                  Try again
                </button>
              </div>
            )}
          </div>
        )}
      </div>
      {state.status === 'ready' && (
        <div class="bf-popover__footer">
          <button
            type="button"
            class="bf-open"
            onClick={() => props.onOpenInBriefings(state.briefing.entity)}
          >
            Open in Briefings
            <span aria-hidden="true"> →</span>
          </button>
        </div>
      )}
    </div>
  );
}

/** What the reader's last choice did, with its Undo; a live region, so it is heard when it changes. */
function ChoiceNotice({ outcome, onUndo }: { outcome: ChoiceOutcome | null; onUndo?: () => void }) {
  const undoable = outcome?.status === 'done' && !outcome.undone && onUndo;
  return (
    <div class={outcome ? 'bf-notice' : 'bf-notice bf-notice--empty'}>
      <p role="status" class="bf-notice__text">
        {outcome && outcomeText(outcome)}
      </p>
      {undoable && (
        <button type="button" class="bf-link-button" onClick={onUndo}>
          Undo
        </button>
      )}
    </div>
  );
}
