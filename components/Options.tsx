import { useEffect, useState } from 'preact/hooks';
import { backgroundMessenger } from '@/lib/messaging';

/** The options page: packs, sites and highlight style. */
export function Options() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    backgroundMessenger.sendMessage('getStatus').then((status) => setVersion(status.version));
  }, []);
  return (
    <main class="options">
      <h1>Briefings settings</h1>
      {version && <p class="muted">Version {version}. Everything stays on this device.</p>}
    </main>
  );
}
