/**
 * How large a file Briefings reads, checked before it is read: a pack larger than the limit
 * would cost every later change its size.
 */
import { PACK_LIMITS } from './limits';

const MEGABYTE = 1024 * 1024;

/** Why a pack file of this many bytes is refused, or null when its size is fine. */
export function packFileSizeProblem(bytes: number): string | null {
  if (bytes <= PACK_LIMITS.fileMegabytes * MEGABYTE) return null;
  return `This file is ${megabytes(bytes)}: Briefings imports packs of up to ${PACK_LIMITS.fileMegabytes} MB. Nothing was changed.`;
}

/** Why an article file of this many bytes is refused, or null when its size is fine. */
export function articleFileSizeProblem(bytes: number): string | null {
  if (bytes <= PACK_LIMITS.articleFileMegabytes * MEGABYTE) return null;
  return `This file is ${megabytes(bytes)}: Briefings reads articles of up to ${PACK_LIMITS.articleFileMegabytes} MB.`;
}

function megabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(1)} MB`;
}
