import { createContext } from 'preact';

/**
 * Inside a briefing, an inferred date carries a small mark and the briefing explains the mark
 * once; elsewhere (the reader, saved articles) the date says "(inferred)" itself.
 */
export const InferredMarkContext = createContext(false);

export const INFERRED_MARK = '*';
