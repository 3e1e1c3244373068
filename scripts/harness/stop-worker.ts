import type { BrowserContext, Page } from 'playwright-core';

/**
 * Stops the extension's service worker as the browser would kill it: its target is closed over
 * the DevTools protocol (Target.closeTarget), wherever it is in its work. Any later message to
 * the extension starts it again.
 */
export async function stopServiceWorker(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<void> {
  const session = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find(
      (target) =>
        target.type === 'service_worker' &&
        target.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no service worker running to stop');
    const { success } = (await session.send('Target.closeTarget', {
      targetId: worker.targetId,
    })) as { success: boolean };
    if (!success) throw new Error('the service worker could not be stopped');
  } finally {
    await session.detach();
  }
}
