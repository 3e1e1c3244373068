/**
 * The part of mark.js 8.11 that Briefings uses (the package ships no types). Only
 * lib/spotting/highlighter.ts imports mark.js.
 */
declare module 'mark.js' {
  interface MarkRange {
    start: number;
    length: number;
  }

  interface MarkRangesOptions<Range extends MarkRange> {
    element?: string;
    className?: string;
    exclude?: string[];
    iframes?: boolean;
    debug?: boolean;
    /** Called for every element wrapped, with the range it belongs to (extra keys are kept). */
    each?: (element: HTMLElement, range: Range) => void;
    noMatch?: (range: Range) => void;
    done?: (totalMarks: number) => void;
  }

  class Mark {
    constructor(context: Node | Node[]);
    markRanges<Range extends MarkRange>(ranges: Range[], options?: MarkRangesOptions<Range>): void;
  }

  export default Mark;
}
