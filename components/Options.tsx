import type { GeneralSettings, HiddenName, SiteExclusion, SiteRule } from '@/lib/settings';
import type { ChangeInProgress, InstalledPack, SavedArticle } from '@/lib/views';
import { AppearanceSettings } from './options/AppearanceSettings';
import { ImportPanel, type ImportState } from './options/ImportPanel';
import type { ImportChoice } from './options/ImportQuestion';
import { MarkedNames } from './options/MarkedNames';
import { PackList } from './options/PackList';
import { SavedArticles } from './options/SavedArticles';
import { SiteRules } from './options/SiteRules';
import { type StorageFigures, StorageSummary } from './options/StorageSummary';

export interface OptionsProps {
  version: string | null;
  /** The first-run page, to read again. */
  welcomeHref: string;
  packs: InstalledPack[] | null;
  readings: SavedArticle[] | null;
  importState: ImportState;
  settings: {
    general: GeneralSettings;
    sites: SiteRule[];
    hiddenNames: HiddenName[];
    exclusions: SiteExclusion[];
  } | null;
  storage: StorageFigures | null;
  /** A failed action's message for the reader, if any. */
  error: string | null;
  /** The removal under way in the background, if any. */
  removal: ChangeInProgress | null;
  /** Why a change the reader asked for waits (for a removal to finish), if it does. */
  waiting: string | null;
  onImportFiles: (files: File[]) => void;
  readerHref: (article: SavedArticle) => string;
  onRecompileArticle: (article: SavedArticle) => void;
  onRemoveArticle: (article: SavedArticle) => void;
  onResolveConflict: (choice: ImportChoice) => void;
  /** The import that was interrupted, once more. */
  onRetryImport: () => void;
  onExport: (packId: string | 'all') => void;
  onRemove: (pack: InstalledPack) => void;
  onReset: () => void;
  onSettingsChange: (change: Partial<GeneralSettings>) => void;
  onSiteChange: (host: string, enabled: boolean) => void;
  onShowName: (entityId: string) => void;
  onMarkOnSite: (host: string, entityId: string) => void;
}

/** The options page: packs, the reader's articles, sites, highlight style and storage. */
export function Options(props: OptionsProps) {
  return (
    <main class="options">
      <header class="options__header">
        <h1>Briefings settings</h1>
        {props.version && (
          <p class="muted">Version {props.version}. Everything stays on this device.</p>
        )}
        <p>
          <a href={props.welcomeHref}>Welcome: how Briefings works</a>
        </p>
      </header>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <PackList
        packs={props.packs}
        removal={props.removal}
        waiting={props.waiting}
        onExport={props.onExport}
        onRemove={props.onRemove}
        onReset={props.onReset}
      />
      <SavedArticles
        articles={props.readings}
        readerHref={props.readerHref}
        onRecompile={props.onRecompileArticle}
        onRemove={props.onRemoveArticle}
      />
      <ImportPanel
        status={props.importState}
        onFiles={props.onImportFiles}
        onResolveConflict={props.onResolveConflict}
        onRetry={props.onRetryImport}
      />
      {props.settings && (
        <>
          <AppearanceSettings settings={props.settings.general} onChange={props.onSettingsChange} />
          <MarkedNames
            settings={props.settings.general}
            hiddenNames={props.settings.hiddenNames}
            exclusions={props.settings.exclusions}
            onSettingsChange={props.onSettingsChange}
            onShowName={props.onShowName}
            onMarkOnSite={props.onMarkOnSite}
          />
          <SiteRules rules={props.settings.sites} onChange={props.onSiteChange} />
        </>
      )}
      <StorageSummary figures={props.storage} />
    </main>
  );
}
