import { useEffect, useRef } from 'preact/hooks';
import { formatPartialDate } from '@/components/briefing/dates';
import type { PackConflict, PackVersion } from '@/lib/views';

/** What the reader may do with a file whose packs have the ids of installed ones. */
export type ImportChoice = 'replace' | 'keep-both' | 'cancel';

interface ImportQuestionProps {
  fileName: string;
  conflicts: PackConflict[];
  onChoose: (choice: ImportChoice) => void;
}

const COUNTS: [keyof PackVersion['counts'], string][] = [
  ['documents', 'Documents'],
  ['entities', 'Names'],
  ['quotes', 'Quotes'],
  ['events', 'Events'],
];

/**
 * A question, not an error: the file holds another version of an installed pack. Both versions
 * side by side, then Replace (where the installed pack may be replaced), Keep both or Cancel.
 * It takes the focus when it appears, so a keyboard or screen reader user lands on it.
 */
export function ImportQuestion({ fileName, conflicts, onChoose }: ImportQuestionProps) {
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => group.current?.focus(), []);
  const replaceable = conflicts.every((conflict) => conflict.replaceable);
  const [first] = conflicts;
  const legend =
    conflicts.length === 1 && first
      ? `${fileName} holds another version of “${first.installed.title}”`
      : `${fileName} holds other versions of ${conflicts.length} installed packs`;

  return (
    <fieldset
      ref={group}
      class="import-question"
      tabIndex={-1}
      aria-describedby="import-question-hint"
    >
      <legend>{legend}</legend>
      {conflicts.map((conflict) => (
        <VersionsTable key={conflict.packId} conflict={conflict} />
      ))}
      <p id="import-question-hint">
        {conflicts.length === 1
          ? `${replaceable ? 'Replace puts the version in this file in place of the installed one.' : 'The installed version cannot be replaced.'} Keep both adds it beside the installed one, as a numbered copy.`
          : `${replaceable ? 'Replace puts the versions in this file in place of the installed ones.' : 'Some installed versions cannot be replaced.'} Keep both adds them beside the installed ones, as numbered copies.`}{' '}
        Cancel changes nothing.
      </p>
      <p class="actions">
        {replaceable && (
          <button type="button" onClick={() => onChoose('replace')}>
            Replace
          </button>
        )}
        <button type="button" onClick={() => onChoose('keep-both')}>
          Keep both
        </button>
        <button type="button" onClick={() => onChoose('cancel')}>
          Cancel
        </button>
      </p>
    </fieldset>
  );
}

function VersionsTable({ conflict }: { conflict: PackConflict }) {
  const { installed, incoming } = conflict;
  const created = (version: PackVersion) =>
    formatPartialDate(version.createdAt.slice(0, 10), 'day');
  return (
    <table class="versions">
      <caption class="visually-hidden">The two versions of {installed.title}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">Installed</th>
          <th scope="col">In this file</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Title</th>
          <td>{installed.title}</td>
          <td>{incoming.title}</td>
        </tr>
        <tr>
          <th scope="row">Created</th>
          <td>{created(installed)}</td>
          <td>{created(incoming)}</td>
        </tr>
        {COUNTS.map(([key, label]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{installed.counts[key].toLocaleString('en')}</td>
            <td>{incoming.counts[key].toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
