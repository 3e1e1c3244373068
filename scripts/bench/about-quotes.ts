/**
 * How many "said about" pairings a briefing keeps: a quote is about an entity only when it names
 * it before any other entity it mentions (lib/store/about.ts). Counted on the bundled corpus and
 * on PolNeAR dev (news the compiler was not written from), compiled with the bundled gazetteer
 * so that it knows some entities besides the people it discovers.
 *
 *   npm run bench:about
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileCorpus,
  GAZETTEER_FILE_NAME,
  isArticleFileName,
  parseGazetteer,
} from '../../lib/corpus';
import type { Pack } from '../../lib/pack/schema';
import { isAbout } from '../../lib/store/about';

const REPO = join(import.meta.dirname, '..', '..');
const BUNDLED = join(REPO, 'corpus');
const POLNEAR_DEV = join(REPO, '..', 'shared', 'corpora', 'polnear', 'dev', 'articles');

function articlesIn(folder: string) {
  return readdirSync(folder)
    .filter(isArticleFileName)
    .sort()
    .map((name) => ({
      fileName: join(folder, name),
      contents: readFileSync(join(folder, name), 'utf8'),
    }));
}

function aboutCounts(pack: Pack) {
  const names = new Map(
    pack.entities.map((entity) => [entity.id, [entity.name, ...entity.aliases]]),
  );
  let listed = 0;
  let kept = 0;
  for (const quote of pack.quotes) {
    for (const entityId of quote.aboutEntityIds) {
      if (entityId === quote.speakerId) continue;
      listed++;
      if (isAbout(quote.text, entityId, names, quote.aboutEntityIds)) kept++;
    }
  }
  return { quotes: pack.quotes.length, 'about pairs listed': listed, kept, removed: listed - kept };
}

if (!existsSync(POLNEAR_DEV)) {
  console.error(`${POLNEAR_DEV}: not found; this benchmark needs PolNeAR dev`);
  process.exit(1);
}
const gazetteerPath = join(BUNDLED, GAZETTEER_FILE_NAME);
const gazetteer = parseGazetteer(readFileSync(gazetteerPath, 'utf8'), gazetteerPath);
console.table({
  bundled: aboutCounts(compileCorpus(articlesIn(BUNDLED), gazetteer)),
  'polnear-dev': aboutCounts(compileCorpus(articlesIn(POLNEAR_DEV), gazetteer)),
});
