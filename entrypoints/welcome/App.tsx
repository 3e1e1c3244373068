import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import pictureSrc from '@/assets/welcome-card.webp';
import { type ShortcutView, Welcome } from '@/components/Welcome';
import { backgroundMessenger as background } from '@/lib/messaging';
import type { CorpusCoverage } from '@/lib/views';

const SHORTCUTS_PLACE =
  import.meta.env.BROWSER === 'firefox'
    ? 'about:addons, then “Manage Extension Shortcuts” in the cog menu'
    : 'chrome://extensions/shortcuts';

/** Wires the first-run page to the background (coverage) and the browser (shortcuts). */
export function WelcomeApp() {
  const [coverage, setCoverage] = useState<CorpusCoverage | null>(null);
  const [shortcuts, setShortcuts] = useState<ShortcutView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    background
      .sendMessage('getCoverage')
      .then(setCoverage, (reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      );
    // Read each time: the reader may have changed the keys since install.
    browser.commands.getAll().then(
      (commands) =>
        setShortcuts(
          commands
            .filter((command) => command.name && command.description)
            .map((command) => ({
              name: command.name ?? '',
              description: command.description ?? '',
              shortcut: command.shortcut ?? '',
            })),
        ),
      () => setShortcuts([]),
    );
  }, []);

  return (
    <Welcome
      coverage={coverage}
      shortcuts={shortcuts}
      pictureSrc={pictureSrc}
      optionsHref={browser.runtime.getURL('/options.html')}
      shortcutsPlace={SHORTCUTS_PLACE}
      error={error}
    />
  );
}
