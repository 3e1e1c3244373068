/** The options page: packs, sites and highlight style. */
export function Options({ version }: { version: string | null }) {
  return (
    <main class="options">
      <h1>Briefings settings</h1>
      {version && <p class="muted">Version {version}. Everything stays on this device.</p>}
    </main>
  );
}
