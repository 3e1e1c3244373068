import {
  backgroundMessenger,
  contentMessenger,
  type PageSettings,
  type PageSummary,
} from '@/lib/messaging';
import { startPopover } from '@/lib/popover';
import { type Matcher, MatcherBuilder } from '@/lib/spotting/matcher';
import { markableUnder, sameChoices } from '@/lib/spotting/reader-choices';
import { announce } from './announce';
import { loadHighlighter, loadPopoverUi } from './content-chunks';
import type { ContentScriptLifetime } from './lifetime';
import { OwnMarks } from './own-marks';
import { revealFirstMark } from './reveal';
import { runInIdleSlices } from './scheduler';
import { PageSpotter } from './spotter';

/**
 * Events on `window` that say where the work stands, in test builds only (see announce). They
 * carry counts only: nothing of the page or of the corpus.
 */
export const MARKING_START_EVENT = 'briefings:marking-start';
export const SCAN_IDLE_EVENT = 'briefings:scan-idle';

/**
 * Runs Briefings on one page: marks names while the user's settings allow it, follows their
 * changes, and answers the popup about what the page holds. This module is a chunk the injected
 * script imports once the page is idle (lib/page/boot.ts).
 */
export function startPageBriefings(lifetime: ContentScriptLifetime): void {
  const marks = new OwnMarks();
  const page = new PageBriefings(lifetime, marks);
  // The popover listens for marks being pointed at or focused; with no marks it has nothing to do.
  const popover = startPopover(lifetime, marks, loadPopoverUi);
  const applySettings = (settings: PageSettings) => {
    popover.setAppearance(settings.cardAppearance);
    page.apply(settings);
  };
  const removers = [
    contentMessenger.onMessage('getPageSummary', () => page.summary()),
    // Answered at once: the background tells every tab in turn and should not wait for marking.
    contentMessenger.onMessage('pageSettingsChanged', () => page.loadSettings(applySettings)),
    contentMessenger.onMessage('corpusChanged', () => {
      popover.corpusChanged();
      page.refreshNames();
    }),
    contentMessenger.onMessage('revealEntity', ({ data }) => revealFirstMark(data.entityId, marks)),
  ];
  lifetime.signal.addEventListener('abort', () => {
    for (const remove of removers) remove();
  });
  page.loadSettings(applySettings);
}

/** How long the popup's question waits for a pass over the page before it is answered. */
const SUMMARY_WAIT_MS = 2000;

class PageBriefings {
  private spotter: PageSpotter | null = null;
  /** The latest settings received, and the latest put in place (the two differ meanwhile). */
  private settings: PageSettings | null = null;
  private applied: PageSettings | null = null;
  private matcher: Matcher | null = null;
  /** Settings are applied one after the other, each once the previous is in place. */
  private applying: Promise<void> = Promise.resolve();
  /** Settled once the settings last asked for are known (or could not be read). */
  private settingsRead: Promise<void> = Promise.resolve();
  /** Settled when the current spotter has been over the page once. */
  private scanned: Promise<void> = Promise.resolve();
  private scannedNow: () => void = () => {};
  /** The terms of the dictionary `matcher` was built from (text, entity and rules). */
  private termKeys = new Set<string>();

  constructor(
    private readonly lifetime: ContentScriptLifetime,
    private readonly marks: OwnMarks,
  ) {}

  /**
   * What the popup shows: answered once the settings are known, so "off" is never a guess, and
   * once a pass over the page that is under way (new names, say) is done, or has run a while.
   */
  async summary(): Promise<PageSummary> {
    await this.settingsRead;
    await Promise.race([
      this.applying.then(() => this.scanned),
      new Promise((resolve) => setTimeout(resolve, SUMMARY_WAIT_MS)),
    ]);
    return {
      url: location.href,
      active: this.settings?.enabled === true,
      mentions: this.spotter?.mentionCounts() ?? {},
    };
  }

  /**
   * Asks for the page's settings and hands them to `apply` (this page's and the card's). Until
   * they are in, the popup's question waits: a site switched off a moment ago is not "on".
   */
  loadSettings(apply: (settings: PageSettings) => void): void {
    this.settingsRead = backgroundMessenger
      .sendMessage('getPageSettings', { url: location.href })
      .then(apply)
      .catch((error: unknown) => warn('could not read the settings for this page', error));
  }

  apply(settings: PageSettings): void {
    this.settings = settings;
    this.applying = this.applying
      .then(() => this.switchTo(settings))
      .catch((error: unknown) => warn('could not apply the settings for this page', error));
  }

  /**
   * The packs changed: the page is marked with the background's current dictionary. When names
   * were only added (an article saved), the page is read again for them and its marks stay;
   * otherwise (a pack removed) it is marked afresh.
   */
  refreshNames(): void {
    this.applying = this.applying
      .then(async () => {
        const settings = this.applied;
        if (settings === null || !settings.enabled) return;
        const [before, previous] = [this.termKeys, this.matcher];
        const matcher = await this.currentMatcher();
        if (matcher === null || this.lifetime.isInvalid) return;
        const running = this.spotter !== null && !this.spotter.stopped ? this.spotter : null;
        if (running && matcher === previous) return; // the same names
        if (running && [...before].every((key) => this.termKeys.has(key))) {
          this.expectScan();
          running.lookForMoreNames(matcher);
          return;
        }
        this.stopSpotter();
        return this.switchTo(settings);
      })
      .catch((error: unknown) => warn('could not look for the new names', error));
  }

  /** Takes the marks out; nobody waits any more for a pass that will not end. */
  private stopSpotter(): void {
    this.spotter?.stop();
    this.spotter = null;
    this.scannedNow();
  }

  /** From now, `scanned` waits for the next pass over the page to end. */
  private expectScan(): void {
    this.scanned = new Promise((resolve) => {
      this.scannedNow = resolve;
    });
  }

  private async switchTo(settings: PageSettings): Promise<void> {
    const previous = this.applied;
    this.applied = settings;
    if (!settings.enabled || this.lifetime.isInvalid) {
      this.stopSpotter();
      return;
    }
    if (
      this.spotter !== null &&
      previous !== null &&
      previous.markEveryPlaceMention === settings.markEveryPlaceMention &&
      previous.markWholePage === settings.markWholePage &&
      previous.highlightStyle === settings.highlightStyle &&
      sameChoices(previous, settings)
    ) {
      return;
    }
    this.stopSpotter();
    const matcher = await this.currentMatcher();
    if (matcher === null || this.lifetime.isInvalid) return;
    this.expectScan();
    this.spotter = new PageSpotter(document, {
      matcher,
      markable: markableUnder(settings),
      markEveryPlaceMention: settings.markEveryPlaceMention,
      markWholePage: settings.markWholePage,
      highlightStyle: settings.highlightStyle,
      lifetime: this.lifetime,
      loadHighlighter: () => loadHighlighter(this.marks),
      hooks: {
        beforeFirstMark: () => announce(MARKING_START_EVENT),
        onIdle: (summary) => {
          this.scannedNow();
          announce(SCAN_IDLE_EVENT, summary);
        },
      },
    });
    this.spotter.start();
  }

  /** The matcher of the background's current dictionary, built in idle slices when it changed. */
  private async currentMatcher(): Promise<Matcher | null> {
    let dictionary: Awaited<ReturnType<typeof requestDictionary>>;
    try {
      dictionary = await requestDictionary(this.matcher?.version ?? null);
    } catch (error) {
      warn('could not get the names to look for', error);
      return null;
    }
    if (dictionary === null) return this.matcher;
    const builder = new MatcherBuilder(dictionary);
    const termKeys = new Set(dictionary.terms.map((term) => JSON.stringify(term)));
    const built = await runInIdleSlices(this.lifetime, this.lifetime.signal, (hasTimeLeft) =>
      builder.addTerms(hasTimeLeft),
    );
    if (!built) return null;
    this.matcher = builder.build();
    this.termKeys = termKeys;
    return this.matcher;
  }
}

function requestDictionary(knownVersion: string | null) {
  return backgroundMessenger.sendMessage('getSpotDictionary', { knownVersion });
}

function warn(what: string, error: unknown): void {
  console.warn(`[Briefings] ${what}:`, error);
}
