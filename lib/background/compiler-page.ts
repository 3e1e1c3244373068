/**
 * Articles are compiled away from the background, whose start must stay quick (every card on a
 * page waits on it after the service worker slept): in the compiler page's worker. The page is
 * opened on first use: an offscreen document in Chrome, a frame in Firefox's background page.
 */
import { browser } from 'wxt/browser';
import type { CompiledSubmission } from '@/lib/compiler/compile-for-reading';
import { compilerMessenger } from '@/lib/messaging';
import type { Entity } from '@/lib/pack/schema';
import type { ArticleSubmission } from '@/lib/views';

const COMPILER_PAGE = '/compiler.html';

let opening: Promise<void> | null = null;

export async function compileInCompilerPage(
  submission: ArticleSubmission,
  known: Entity[],
): Promise<CompiledSubmission> {
  opening ??= openCompilerPage().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  await opening;
  return compilerMessenger.sendMessage('compileArticle', { submission, known });
}

async function openCompilerPage(): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: typeof chrome.offscreen } }).chrome
    ?.offscreen;
  if (offscreen) {
    // A stopped service worker forgets it opened one; the document may still be there.
    if (await offscreen.hasDocument()) return;
    await offscreen.createDocument({
      url: COMPILER_PAGE,
      reasons: ['WORKERS' as chrome.offscreen.Reason],
      justification: 'Compiles the articles the reader adds in a worker, off the service worker.',
    });
    return;
  }
  // Firefox: the background is a page; the compiler page is a frame of it.
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL(COMPILER_PAGE);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
}
