import { type GeneralSettings, HIGHLIGHT_STYLES, type HighlightStyle } from '@/lib/settings';

const STYLE_LABELS: Record<HighlightStyle, string> = {
  underline: 'Underline (quiet)',
  tint: 'Soft tint',
  outline: 'Outline',
  strong: 'Strong blue underline, clear with any colour vision',
};

interface AppearanceSettingsProps {
  settings: GeneralSettings;
  onChange: (change: Partial<GeneralSettings>) => void;
}

/** How names are marked on pages. */
export function AppearanceSettings({ settings, onChange }: AppearanceSettingsProps) {
  return (
    <section aria-labelledby="appearance-heading" class="panel">
      <h2 id="appearance-heading">Highlighting</h2>
      <fieldset>
        <legend>Style of the marks</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class="choice">
            <input
              type="radio"
              name="highlight-style"
              checked={settings.highlightStyle === style}
              onChange={() => onChange({ highlightStyle: style })}
            />
            <span class={`style-sample style-sample--${style}`}>Dmitry Peskov</span>
            <span>{STYLE_LABELS[style]}</span>
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.markEveryPlaceMention}
          onChange={(event) => onChange({ markEveryPlaceMention: event.currentTarget.checked })}
        />
        <span>Mark every mention of a place (by default only the first on a page)</span>
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={(event) => onChange({ paused: event.currentTarget.checked })}
        />
        <span>Pause highlighting everywhere</span>
      </label>
    </section>
  );
}
