import type { EventView } from '@/lib/views';
import { DateLabel } from './DateLabel';
import { Sources } from './Sources';

/**
 * Where the entity sits on the timeline: its events, oldest first, between the events just
 * before and after (shown quieter, for context).
 */
export function TimelineContext({ events }: { events: EventView[] }) {
  return (
    <ol class="bf-timeline">
      {events.map((event) => (
        <li
          key={`${event.packId}/${event.id}`}
          class={event.involvesEntity ? 'bf-event' : 'bf-event bf-event--context'}
        >
          <span class="bf-event__date">
            <DateLabel
              date={event.date}
              endDate={event.endDate}
              precision={event.datePrecision}
              basis={event.dateBasis}
              reason={event.dateReason}
            />
          </span>
          <div class="bf-event__body">
            <p class="bf-event__title">
              {event.title}
              {!event.involvesEntity && <span class="bf-visually-hidden"> (for context)</span>}
            </p>
            <Sources sources={event.sources} />
          </div>
        </li>
      ))}
    </ol>
  );
}
