import { formatDateRange } from '@/components/briefing/dates';
import type { EntityKind } from '@/lib/pack/schema';
import type { CorpusCoverage } from '@/lib/views';

/** A keyboard command as the browser reports it: `shortcut` is empty when none is set. */
export interface ShortcutView {
  name: string;
  description: string;
  shortcut: string;
}

export interface WelcomeProps {
  /** What the installed briefings cover; null while it loads. */
  coverage: CorpusCoverage | null;
  /** The extension's shortcuts as the reader has them now (they may have changed them). */
  shortcuts: ShortcutView[] | null;
  /** The demo card's picture. */
  pictureSrc: string;
  optionsHref: string;
  /** Where in the browser the reader changes shortcuts (a browser page links cannot open). */
  shortcutsPlace: string;
  error: string | null;
}

const KIND_COUNTS: [EntityKind, string][] = [
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
  ['topic', 'Topics'],
];

/** The first-run page: what Briefings does, what it holds, how to add to it, and its promise. */
export function Welcome(props: WelcomeProps) {
  const { coverage, shortcuts } = props;
  const addShortcut = shortcuts?.find((command) => command.name === 'add-article')?.shortcut;
  return (
    <main class="welcome">
      <header class="welcome__header">
        <h1>Welcome to Briefings</h1>
        <p class="welcome__lead">
          Who is this, and what did they actually say? On the pages you read, Briefings marks the
          people, organisations, places and topics it knows. Point at a marked name, or Tab to it
          and press Enter, to see who it is, what they said, quoted word for word with its source,
          and where it sits on a timeline.
        </p>
      </header>
      <figure class="welcome__figure">
        <img
          src={props.pictureSrc}
          width={800}
          height={500}
          alt="A news page with Dmitry Peskov marked, and his briefing open beside the name: his role, a quote with its outlet and date, and another outlet’s wording."
        />
        <figcaption class="muted">
          A briefing on a marked name, with every quote traced to its source.
        </figcaption>
      </figure>

      <section aria-labelledby="coverage-heading" class="panel">
        <h2 id="coverage-heading">What your briefings cover</h2>
        {props.error && (
          <p class="error" role="alert">
            {props.error}
          </p>
        )}
        {coverage === null ? (
          !props.error && <p aria-busy="true">Counting…</p>
        ) : (
          <dl class="welcome__coverage">
            <div>
              <dt>Articles</dt>
              <dd>{count(coverage.articles)}</dd>
            </div>
            <div>
              <dt>Outlets</dt>
              <dd>{count(coverage.outlets)}</dd>
            </div>
            {coverage.from && coverage.to && (
              <div>
                <dt>Published</dt>
                <dd>
                  {formatDateRange(
                    coverage.from,
                    coverage.to === coverage.from ? null : coverage.to,
                    null,
                  )}
                </dd>
              </div>
            )}
            {KIND_COUNTS.filter(([kind]) => coverage.names[kind] > 0).map(([kind, label]) => (
              <div key={kind}>
                <dt>{label}</dt>
                <dd>{count(coverage.names[kind])}</dd>
              </div>
            ))}
          </dl>
        )}
        <p class="muted">
          Briefings knows only what its articles say. A briefing is as recent as its latest article.
        </p>
      </section>

      <section aria-labelledby="add-heading" class="panel">
        <h2 id="add-heading">Add what you read</h2>
        <p>To add the article you are reading to your own pack, “My reading”:</p>
        <ul>
          <li>choose “Add this article” in the Briefings button’s window on the toolbar,</li>
          <li>or right-click the page and choose “Add this article to Briefings”,</li>
          <li>
            or press{' '}
            {addShortcut ? <kbd>{addShortcut}</kbd> : 'the “Add this article” shortcut (none set)'}.
          </li>
        </ul>
        <p>
          Its quotes and new names join your briefings at once. Article files and packs can be
          imported on the <a href={props.optionsHref}>settings page</a>.
        </p>
      </section>

      <section aria-labelledby="privacy-heading" class="panel">
        <h2 id="privacy-heading">Nothing leaves your device</h2>
        <p>
          Briefings makes no network requests. Its articles are stored on this device, and it reads
          a page’s article only when you ask it to add one. Nothing you read is sent anywhere.
        </p>
      </section>

      <section aria-labelledby="shortcuts-heading" class="panel">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        {shortcuts === null ? (
          <p aria-busy="true">Reading your shortcuts…</p>
        ) : (
          <table class="welcome__shortcuts">
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              {shortcuts.map((command) => (
                <tr key={command.name}>
                  <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : 'Not set'}</td>
                  <td>{command.description}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <kbd>Tab</kbd>, then <kbd>Enter</kbd>
                </td>
                <td>Move to a marked name and open its briefing</td>
              </tr>
              <tr>
                <td>
                  <kbd>Alt+Shift+.</kbd> / <kbd>Alt+Shift+,</kbd>
                </td>
                <td>Next / previous marked name, with its briefing</td>
              </tr>
              <tr>
                <td>
                  <kbd>Esc</kbd>
                </td>
                <td>Close a briefing and return to its name</td>
              </tr>
            </tbody>
          </table>
        )}
        <p class="muted">To change them, open {props.shortcutsPlace}.</p>
      </section>

      <footer class="welcome__footer muted">
        <p>
          This page opens again from “How it works” in the toolbar window and on the{' '}
          <a href={props.optionsHref}>settings page</a>.
        </p>
      </footer>
    </main>
  );
}

function count(value: number): string {
  return value.toLocaleString('en-GB');
}
