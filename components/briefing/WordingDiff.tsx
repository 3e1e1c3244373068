import type { DiffOp } from '@/lib/pack/schema';

/**
 * How another source words a quote, against the quote as shown: words only in the quote are
 * struck, words only in this wording are underlined. The marks are visual; screen readers get
 * the same difference in words.
 */
export function WordingDiff({ diff }: { diff: DiffOp[] }) {
  return (
    <>
      <span class="bf-diff" aria-hidden="true">
        {diff.map((op, index) => {
          const key = `${index}-${op.op}`;
          if (op.op === 'equal') return <span key={key}>{op.text}</span>;
          // The spaces around a changed run are not part of the change: no line under them.
          const [, before = '', words = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(op.text) ?? [];
          const Change = op.op === 'delete' ? 'del' : 'ins';
          return (
            <span key={key}>
              {before}
              <Change>{words}</Change>
              {after}
            </span>
          );
        })}
      </span>
      <span class="bf-visually-hidden">{describeDiff(diff)}</span>
    </>
  );
}

/** The wording in full, then what it adds and leaves out: "“…” Adds “commanding and”. …" */
function describeDiff(diff: DiffOp[]): string {
  const wording = diff
    .filter((op) => op.op !== 'delete')
    .map((op) => op.text)
    .join('');
  const quoted = (kind: DiffOp['op']) =>
    diff
      .filter((op) => op.op === kind && op.text.trim() !== '')
      .map((op) => `“${op.text.trim()}”`)
      .join(', ');
  const added = quoted('insert');
  const left = quoted('delete');
  return [`“${wording.trim()}”.`, added && `Adds ${added}.`, left && `Leaves out ${left}.`]
    .filter(Boolean)
    .join(' ');
}
