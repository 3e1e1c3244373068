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
          if (op.op === 'delete') return <del key={key}>{op.text}</del>;
          if (op.op === 'insert') return <ins key={key}>{op.text}</ins>;
          return <span key={key}>{op.text}</span>;
        })}
      </span>
      <span class="bf-visually-hidden">{describeDiff(diff)}</span>
    </>
  );
}

/** The wording in full, then what it adds and leaves out: "“…” Adds “commanding and”. …" */
export function describeDiff(diff: DiffOp[]): string {
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
  return [
    `“${wording.trim()}”.`,
    added && `Adds ${added}.`,
    left && `Leaves out ${left}.`,
  ]
    .filter(Boolean)
    .join(' ');
}
