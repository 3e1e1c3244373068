/**
 * What the script every page gets does when injected: ask for the page's first idle moment,
 * and nothing else. Its work on the page (lib/page/start.ts) is a chunk imported then, so the
 * injection task costs a page little more than an empty script does, and the code is read and
 * run when the page has time for it (DESIGN.md §6).
 */
import { loadPageBriefings } from './content-chunks';
import { ContentScriptLifetime } from './lifetime';

/** How long the start may wait for the page to be idle. */
const START_WITHIN_MS = 500;

export function bootPageBriefings(): void {
  const lifetime = new ContentScriptLifetime();
  lifetime.requestIdleCallback(
    () => {
      loadPageBriefings()
        .then(({ startPageBriefings }) => {
          if (!lifetime.isInvalid) startPageBriefings(lifetime);
        })
        .catch((error: unknown) =>
          console.warn('[Briefings] could not start on this page:', error),
        );
    },
    { timeout: START_WITHIN_MS },
  );
}
