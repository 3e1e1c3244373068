/**
 * "Read" on a source: who shows the briefing says how a source document opens in the reader view
 * (the popover asks the background; extension pages open a tab). Without a provider, sources
 * offer no "Read".
 */
import { createContext } from 'preact';
import type { ReaderTarget } from '@/lib/views';

export type OpenReader = (target: ReaderTarget) => void;

export const OpenReaderContext = createContext<OpenReader | null>(null);
