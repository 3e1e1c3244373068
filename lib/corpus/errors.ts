/** A problem with the compiler's input, located in a file and (when known) a line. */
export class CorpusInputError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? `${fileName}: ${reason}` : `${fileName}:${line}: ${reason}`);
    this.name = 'CorpusInputError';
  }
}

/** Every input problem of one compile run, so a user can fix them all at once. */
export class CorpusInputErrors extends Error {
  constructor(readonly errors: readonly CorpusInputError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'CorpusInputErrors';
  }
}
