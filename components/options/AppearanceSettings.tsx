import {
  CARD_APPEARANCES,
  type CardAppearance,
  type GeneralSettings,
  HIGHLIGHT_STYLES,
  type HighlightStyle,
} from '@/lib/settings';

const STYLE_LABELS: Record<HighlightStyle, string> = {
  underline: 'Underline (quiet)',
  tint: 'Soft tint',
  outline: 'Outline',
  strong: 'Strong blue underline, clear with any colour vision',
};

const CARD_APPEARANCE_LABELS: Record<CardAppearance, string> = {
  page: 'Match the page (light on light pages, dark on dark ones)',
  light: 'Light',
  dark: 'Dark',
};

interface AppearanceSettingsProps {
  settings: GeneralSettings;
  onChange: (change: Partial<GeneralSettings>) => void;
}

/** How names are marked on pages, and how the briefing card looks. */
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
          checked={settings.markWholePage}
          onChange={(event) => onChange({ markWholePage: event.currentTarget.checked })}
        />
        <span>Mark the whole page (by default only the article: its headline and text)</span>
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={(event) => onChange({ paused: event.currentTarget.checked })}
        />
        <span>Pause highlighting everywhere</span>
      </label>
      <fieldset>
        <legend>Card appearance</legend>
        {CARD_APPEARANCES.map((appearance) => (
          <label key={appearance} class="choice">
            <input
              type="radio"
              name="card-appearance"
              checked={settings.cardAppearance === appearance}
              onChange={() => onChange({ cardAppearance: appearance })}
            />
            <span>{CARD_APPEARANCE_LABELS[appearance]}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
