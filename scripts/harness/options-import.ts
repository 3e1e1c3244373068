import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Imports a pack file on the options page as a reader does: chosen in the file picker and, if
 * the page asks about another version, answered with `choice`. The page is reloaded first, so
 * what it says afterwards is about this file. Resolves with what the page says.
 */
export async function importOnOptionsPage(
  options: Page,
  file: { name: string; text: string },
  {
    choice,
    timeout = 60_000,
    reloaded = false,
  }: {
    choice?: 'Replace' | 'Keep both';
    timeout?: number;
    /** The caller reloaded the page just before (a bench timing what runs during the import). */
    reloaded?: boolean;
  } = {},
): Promise<{ ok: boolean; message: string }> {
  // A folder of its own, so the file keeps its name (the page names the file it speaks of).
  const path = join(await mkdtemp(join(tmpdir(), 'briefings-import-')), file.name);
  await writeFile(path, file.text);
  if (!reloaded) await options.reload();
  await options.locator('input[type=file]').setInputFiles(path);
  const settled = options.locator('p.import-status--done, div.import-status--failed');
  if (choice) {
    const answer = options.getByRole('button', { name: choice, exact: true });
    await settled.or(answer).first().waitFor({ timeout });
    if (await answer.isVisible()) await answer.click();
  }
  await settled.waitFor({ timeout });
  return settled.evaluate((status) => ({
    ok: status.classList.contains('import-status--done'),
    message: status.textContent?.trim() ?? '',
  }));
}
