/**
 * `npm run demo`: opens Chromium with the built extension on a local news page made from the
 * bundled corpus. Headed when there is a display; `--headless` (or no display) saves a
 * screenshot and exits.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { Pack } from '../../lib/pack/schema';
import { builtExtensionDir } from '../harness/built-extension';
import { launchExtensionBrowser } from '../harness/extension-browser';
import { startStaticServer } from '../harness/static-server';
import { DemoPage } from './DemoPage';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string', default: '.output/demo.png' },
  },
});

const headless = values.headless || !process.env.DISPLAY;
if (!values.headless && headless) {
  console.log('No display found: running headless and saving a screenshot instead.');
}

const pack = JSON.parse(
  await readFile(join(builtExtensionDir('release'), 'packs', 'bundled.json'), 'utf8'),
) as Pack;
const server = await startStaticServer();
const url = server.page(
  '/',
  `<!doctype html>${renderToStaticMarkup(<DemoPage documents={pack.documents} />)}`,
);
const browser = await launchExtensionBrowser({ headless, build: 'release' });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(url);
console.log(`Demo page: ${url} (the bundled corpus, ${pack.documents.length} articles)`);

// The names are marked once the page is idle; then point at one, as a reader would (by its
// text: marks tell the page nothing of what they name).
const peskov = page.locator('mark.briefings-mark', { hasText: 'Peskov' }).first();
await peskov.waitFor({ timeout: 30_000 });
await peskov.scrollIntoViewIfNeeded();
await peskov.hover();
const marks = await page.locator('mark.briefings-mark').count();
console.log(`Briefings marked ${marks} names on the page.`);

if (headless) {
  // The card opens after a short hover intent; give it a moment to settle before the picture.
  await page.waitForTimeout(800);
  const screenshot = resolve(values.screenshot);
  await page.screenshot({ path: screenshot });
  console.log(`Screenshot saved: ${screenshot}`);
  await browser.close();
  await server.close();
} else {
  console.log(
    'Hover a highlighted name for its briefing. Close the browser window to end the demo.',
  );
  browser.context.on('close', () => {
    server.close().then(() => process.exit(0));
  });
}
