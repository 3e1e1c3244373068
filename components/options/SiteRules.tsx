import { useState } from 'preact/hooks';
import type { SiteRule } from '@/lib/settings';

interface SiteRulesProps {
  rules: SiteRule[];
  onChange: (host: string, enabled: boolean) => void;
}

/** Sites where highlighting is off. Everywhere else it is on. */
export function SiteRules({ rules, onChange }: SiteRulesProps) {
  const [host, setHost] = useState('');
  const off = rules.filter((rule) => !rule.enabled);
  return (
    <section aria-labelledby="sites-heading" class="panel">
      <h2 id="sites-heading">Sites</h2>
      <p class="muted">Briefings highlights names on every site except these.</p>
      {off.length === 0 ? (
        <p>No site is switched off.</p>
      ) : (
        <ul class="site-rules">
          {off.map((rule) => (
            <li key={rule.host}>
              <span>{rule.host}</span>
              <button type="button" onClick={() => onChange(rule.host, true)}>
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-site"
        onSubmit={(event) => {
          event.preventDefault();
          const cleaned = host
            .trim()
            .replace(/^https?:\/\//, '')
            .replace(/\/.*$/, '')
            .replace(/^www\./, '');
          if (cleaned) onChange(cleaned, false);
          setHost('');
        }}
      >
        <label>
          Switch off on
          <input
            type="text"
            value={host}
            placeholder="example.com"
            onInput={(event) => setHost(event.currentTarget.value)}
          />
        </label>
        <button type="submit">Add</button>
      </form>
    </section>
  );
}
