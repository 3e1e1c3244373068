import type { EntityRef } from '@/lib/views';

export interface RelatedEntitiesProps {
  related: (EntityRef & { sharedItems: number })[];
  onSelect: (entity: EntityRef) => void;
}

/** Names that share quotes or events with this one; choosing one moves the briefing there. */
export function RelatedEntities({ related, onSelect }: RelatedEntitiesProps) {
  return (
    <ul class="bf-related">
      {related.map((entity) => (
        <li key={entity.id}>
          <button
            type="button"
            class="bf-chip"
            title={`${entity.sharedItems} shared ${entity.sharedItems === 1 ? 'item' : 'items'}`}
            onClick={() => onSelect({ id: entity.id, name: entity.name, kind: entity.kind })}
          >
            {entity.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
