/**
 * One article a reader adds (read on a page, or a file), compiled on its own against what is
 * already installed: the people and places the installed packs know keep their ids, so a card
 * gains the new article's quotes instead of a second entity appearing.
 */
import { stringify } from 'yaml';
import type { Entity, Pack } from '../pack/schema';
import { compileCorpus } from './compile';
import type { ArticleFile } from './frontMatter';
import type { Gazetteer, GazetteerEntity } from './gazetteer';
import { findPrintedNames, givenNameGender } from './names';

/** An article as read from a web page (see lib/article/extract.ts). */
export interface ReadArticle {
  url: string | null;
  title: string;
  outlet: string | null;
  byline: string | null;
  /** YYYY-MM-DD from the page's metadata, or null: a date is never guessed. */
  publishedAt: string | null;
  /** Paragraphs separated by blank lines. */
  text: string;
}

/** The article as a corpus file: its metadata as front matter, then its text. */
export function articleFile(article: ReadArticle, fileName: string): ArticleFile {
  const meta: Record<string, string> = { title: oneLine(article.title) };
  if (article.outlet) meta.outlet = oneLine(article.outlet);
  if (article.byline) meta.author = oneLine(article.byline);
  if (article.url && /^https?:\/\/\S+$/.test(article.url)) meta.url = article.url;
  if (article.publishedAt) {
    meta.published = article.publishedAt;
    meta.dateBasis = 'metadata';
  }
  return { fileName, contents: `---\n${stringify(meta)}---\n${article.text}\n` };
}

/**
 * Compiles one article file into a pack of its own, `packId`, keeping only the installed
 * entities it names. Throws CorpusInputErrors for a file that cannot be read as an article.
 */
export function compileArticle(file: ArticleFile, installed: Gazetteer, packId: string): Pack {
  return compileCorpus([file], installed, { packId, title: packId, gazetteerKept: 'mentioned' });
}

/**
 * The installed entities as a gazetteer: their names, aliases, spotting rules and role titles
 * (so "Kremlin spokesman Dmitry Peskov" is recognised again). No event rules: an added article's
 * place on the timeline is its own date.
 */
export function gazetteerOf(entities: readonly Entity[]): Gazetteer {
  return {
    entities: entities.map((entity): GazetteerEntity => {
      const known: GazetteerEntity = {
        id: entity.id,
        name: entity.name,
        kind: entity.kind,
        description: entity.description,
        aliases: entity.aliases.filter((alias) => alias.trim() !== ''),
        caseSensitive: entity.spotting?.caseSensitive ?? [],
        contextRequired: entity.spotting?.contextRequired ?? [],
        roles: [...new Set(entity.roles.map((role) => role.title))],
        references: [],
      };
      const pronoun = entity.kind === 'person' ? pronounOfName(entity.name) : undefined;
      if (pronoun) known.pronoun = pronoun;
      return known;
    }),
    events: [],
  };
}

/** "he" or "she" when the given name says so; packs do not carry a pronoun. */
function pronounOfName(name: string): 'he' | 'she' | undefined {
  const given = findPrintedNames(name)[0]?.given[0];
  if (given === undefined) return undefined;
  const gender = givenNameGender(given);
  return gender === 'he' || gender === 'she' ? gender : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
