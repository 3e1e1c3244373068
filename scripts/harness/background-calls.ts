import type { Page } from 'playwright-core';
import type { BackgroundApi } from '../../lib/background/api';

type Answer<K extends keyof BackgroundApi> = ReturnType<BackgroundApi[K]>;

/**
 * Calls the background from an extension page, as the popup and options page do, with
 * @webext-core/messaging's envelope ({id, type, data, timestamp} → {res} or {err}). For tests
 * and benchmarks driving the real extension; `page` must show one of the extension's pages.
 */
export async function callBackground<K extends keyof BackgroundApi>(
  page: Page,
  type: K,
  data?: Parameters<BackgroundApi[K]>[0],
): Promise<Answer<K>> {
  const answer = await page.evaluate(
    ([messageType, messageData]) =>
      new Promise<{ res?: unknown; err?: { message?: string } }>((resolve) =>
        chrome.runtime.sendMessage(
          { id: Date.now(), type: messageType, data: messageData, timestamp: Date.now() },
          resolve,
        ),
      ),
    [type, data] as const,
  );
  if (answer?.err) throw new Error(answer.err.message ?? 'the background refused the call');
  return answer?.res as Answer<K>;
}

/** How long a call takes, measured inside the page (no test-driver overhead), in ms. */
export async function timeBackgroundCalls<K extends keyof BackgroundApi>(
  page: Page,
  type: K,
  inputs: readonly Parameters<BackgroundApi[K]>[0][],
): Promise<number[]> {
  return page.evaluate(
    async ([messageType, allInputs]) => {
      const times: number[] = [];
      for (const messageData of allInputs) {
        const start = performance.now();
        await new Promise((resolve) =>
          chrome.runtime.sendMessage(
            { id: times.length, type: messageType, data: messageData, timestamp: Date.now() },
            resolve,
          ),
        );
        times.push(performance.now() - start);
      }
      return times;
    },
    [type, inputs] as const,
  );
}
