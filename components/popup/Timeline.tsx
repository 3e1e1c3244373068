import { useEffect, useRef } from 'preact/hooks';
import { DateLabel } from '@/components/briefing/DateLabel';
import type { EntityRef, EventView } from '@/lib/views';

/** One event of one pack. */
export interface EventRef {
  packId: string;
  id: string;
}

interface TimelineProps {
  events: EventView[] | null;
  /** The entity the timeline is narrowed to, if any. */
  focus: EntityRef | null;
  onFocus: (entity: EntityRef | null) => void;
  onOpenEntity: (entity: EntityRef) => void;
  /**
   * The event the reader asked for (a search hit): scrolled to, emphasised and focused once it is
   * listed. A new object asks again, even for the same event.
   */
  emphasised?: EventRef | null;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The corpus's dated events on a vertical time axis. Each marker shows how precisely the date is
 * known (a dot for a day, a bar for a month, a taller bar for a year; hollow when inferred), and
 * long silences between events are drawn as gaps, so the eye sees when things happened.
 */
export function Timeline({
  events,
  focus,
  onFocus,
  onOpenEntity,
  emphasised = null,
}: TimelineProps) {
  const emphasisedItem = useRef<HTMLLIElement>(null);
  const revealed = useRef<EventRef | null>(null);
  const isEmphasised = (event: EventView) =>
    emphasised !== null && event.packId === emphasised.packId && event.id === emphasised.id;
  const listed = events?.some(isEmphasised) ?? false;
  useEffect(() => {
    const item = emphasisedItem.current;
    // Once per request: the reader's own moves afterwards (another focus, a scroll) are theirs.
    if (!item || !listed || revealed.current === emphasised) return;
    revealed.current = emphasised;
    item.focus({ preventScroll: true });
    item.scrollIntoView?.({ block: 'center' });
  }, [emphasised, listed]);

  if (events === null) return <p class="muted">Loading the timeline…</p>;
  const involved = new Map<string, EntityRef>();
  for (const event of events) for (const entity of event.entities) involved.set(entity.id, entity);
  if (focus) involved.set(focus.id, focus);
  return (
    <div class="timeline">
      <label class="timeline__focus">
        Events of{' '}
        <select
          value={focus?.id ?? ''}
          onChange={(change) => onFocus(involved.get(change.currentTarget.value) ?? null)}
        >
          <option value="">everyone</option>
          {[...involved.values()]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((entity) => (
              <option key={entity.id} value={entity.id}>
                {entity.name}
              </option>
            ))}
        </select>
      </label>
      {events.length === 0 ? (
        <p class="muted">No dated events{focus ? ` involving ${focus.name}` : ''}.</p>
      ) : (
        <ol class="timeline__list" aria-label="Timeline">
          {events.map((event, index) => {
            const previous = events[index - 1];
            const year = event.date.slice(0, 4);
            return [
              previous && gapBetween(previous.date, event.date) && (
                <li key={`gap-${event.id}`} class="timeline__gap" aria-hidden="true">
                  {gapBetween(previous.date, event.date)}
                </li>
              ),
              previous?.date.slice(0, 4) !== year && (
                <li key={`year-${year}`} class="timeline__year" aria-hidden="true">
                  {year}
                </li>
              ),
              <li
                key={`${event.packId}/${event.id}`}
                class={`timeline__event timeline__event--${event.datePrecision}${
                  event.dateBasis === 'inferred' ? ' timeline__event--inferred' : ''
                }${isEmphasised(event) ? ' timeline__event--emphasised' : ''}`}
                {...(isEmphasised(event) && {
                  ref: emphasisedItem,
                  tabIndex: -1,
                  'aria-current': 'true',
                })}
              >
                <span class="timeline__marker" aria-hidden="true" />
                <DateLabel
                  date={event.date}
                  endDate={event.endDate}
                  precision={event.datePrecision}
                  basis={event.dateBasis}
                  reason={event.dateReason}
                />
                <span class="timeline__title">{event.title}</span>
                <span class="timeline__entities">
                  {event.entities.map((entity) => (
                    <button
                      type="button"
                      key={entity.id}
                      class="chip"
                      onClick={() => onOpenEntity(entity)}
                      title={`Briefing on ${entity.name}`}
                    >
                      {entity.name}
                    </button>
                  ))}
                </span>
              </li>,
            ];
          })}
        </ol>
      )}
    </div>
  );
}

/** "5 years later" between events far apart; nothing between events close together. */
function gapBetween(from: string, to: string): string | null {
  const days = (startOf(to) - startOf(from)) / DAY;
  if (days < 45) return null;
  if (days < 365) return `${Math.round(days / 30)} months later`;
  const years = Math.round(days / 365);
  return years === 1 ? 'a year later' : `${years} years later`;
}

function startOf(partialDate: string): number {
  const [year = 0, month = 1, day = 1] = partialDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}
