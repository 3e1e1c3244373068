import type { EntityKind } from '@/lib/pack/schema';
import type { GeneralSettings, HiddenName, SiteExclusion } from '@/lib/settings';

const KIND_LABELS: [EntityKind, string][] = [
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
  ['topic', 'Topics'],
];

interface MarkedNamesProps {
  settings: GeneralSettings;
  hiddenNames: HiddenName[];
  exclusions: SiteExclusion[];
  onSettingsChange: (change: Partial<GeneralSettings>) => void;
  onShowName: (entityId: string) => void;
  onMarkOnSite: (host: string, entityId: string) => void;
}

const byName = (a: HiddenName, b: HiddenName) => a.name.localeCompare(b.name);

/** Which names are marked on pages: whole kinds, names hidden everywhere, names hidden on a site. */
export function MarkedNames(props: MarkedNamesProps) {
  const { settings, hiddenNames, exclusions } = props;
  const hiddenKinds = new Set(settings.hiddenKinds);
  return (
    <section aria-labelledby="marked-heading" class="panel">
      <h2 id="marked-heading">Names marked on pages</h2>
      <p class="muted">
        These choices change only the marks on web pages. Hidden names stay in your briefings: the
        toolbar’s search still finds them.
      </p>
      <fieldset>
        <legend>Mark these kinds of names</legend>
        {KIND_LABELS.map(([kind, label]) => (
          <label key={kind} class="choice">
            <input
              type="checkbox"
              checked={!hiddenKinds.has(kind)}
              onChange={(event) => {
                const next = new Set(hiddenKinds);
                if (event.currentTarget.checked) next.delete(kind);
                else next.add(kind);
                props.onSettingsChange({ hiddenKinds: [...next] });
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <h3 id="hidden-names-heading">Hidden names</h3>
      {hiddenNames.length === 0 ? (
        <p>No name is hidden. To hide one, choose “Hide this name” in its card.</p>
      ) : (
        <ul class="site-rules" aria-labelledby="hidden-names-heading">
          {[...hiddenNames].sort(byName).map((entity) => (
            <li key={entity.id}>
              <span>{entity.name}</span>
              <button
                type="button"
                aria-label={`Show again: ${entity.name}`}
                onClick={() => props.onShowName(entity.id)}
              >
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 id="exclusions-heading">Not marked on one site</h3>
      {exclusions.length === 0 ? (
        <p>None. Choose “Not this person here” in a card to stop marking a name on its site.</p>
      ) : (
        <ul class="site-rules" aria-labelledby="exclusions-heading">
          {[...exclusions]
            .sort((a, b) => a.host.localeCompare(b.host) || byName(a.entity, b.entity))
            .map(({ host, entity }) => (
              <li key={`${host} ${entity.id}`}>
                <span>
                  {entity.name} <span class="muted">on {host}</span>
                </span>
                <button
                  type="button"
                  aria-label={`Mark again: ${entity.name} on ${host}`}
                  onClick={() => props.onMarkOnSite(host, entity.id)}
                >
                  Mark again
                </button>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
