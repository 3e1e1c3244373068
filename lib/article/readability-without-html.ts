/**
 * A build step (Vite plugin, for the extension and the tests alike): Readability without its two
 * assignments to innerHTML, which the Firefox linter rejects and this project never makes.
 *
 * - Between attempts, Readability puts the page back as it was by re-parsing the HTML it saved.
 *   Here it saves a copy of the nodes instead and puts back a copy of that: the same page,
 *   without HTML.
 * - It turns images written inside <noscript> into images by parsing that HTML. Only text is
 *   wanted from the article: those images are left as they are.
 *
 * `@mozilla/readability` is read straight from its Readability.js, as an ES module: its index.js
 * loads that file with `require`, which tests would run as published, past this step. The build
 * fails when Readability's code changes, so that an update is looked at again here.
 */
import type { Plugin } from 'vite';

const PACKAGE = '@mozilla/readability';
const READABILITY = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

const REPLACEMENTS: [string, string][] = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = page.cloneNode(true);'],
  [
    'page.innerHTML = pageCacheHtml;',
    'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);',
  ],
  ['tmp.innerHTML = noscript.innerHTML;', 'return; // images in <noscript> are left as they are'],
  ['  module.exports = Readability;\n', ''],
];

export function readabilityWithoutHtml(): Plugin {
  return {
    name: 'briefings:readability-without-html',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== PACKAGE) return null;
      return this.resolve(`${PACKAGE}/Readability.js`, importer, { skipSelf: true });
    },
    transform(code, id) {
      if (!READABILITY.test(id)) return null;
      let patched = code;
      for (const [from, to] of REPLACEMENTS) {
        if (patched.split(from).length !== 2) {
          throw new Error(
            `Readability changed: "${from}" is not in ${id} once; update this plugin.`,
          );
        }
        patched = patched.replace(from, to);
      }
      if (/\.(?:inner|outer)HTML\s*=[^=]|insertAdjacentHTML|\.write\(/.test(patched)) {
        throw new Error(`Readability writes HTML somewhere new in ${id}; update this plugin.`);
      }
      return { code: `${patched}\nexport { Readability };\n`, map: null };
    },
  };
}
