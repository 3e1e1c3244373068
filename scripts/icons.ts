/**
 * `npm run icons`: renders assets/icon.svg to the PNG sizes browsers ask for (public/icon/N.png,
 * which the build puts in the manifest), with the same Chromium the tests use.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from './harness/extension-browser';

const SIZES = [16, 32, 48, 96, 128];

const svg = await readFile('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  }
  console.log(`public/icon/{${SIZES.join(',')}}.png written`);
} finally {
  await browser.close();
}
