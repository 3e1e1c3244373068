/**
 * The corpus compiler's command line (the only part that touches the file system).
 *
 *   npm run corpus -- build <folder> --out <pack.json> [--gazetteer <file>] [--id <id>] [--title <t>]
 *   npm run corpus -- check <pack.json>
 *
 * build writes the pack only once the whole pack compiled and validated (temp file, then rename).
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type ArticleFile,
  CorpusInputError,
  CorpusInputErrors,
  compileCorpus,
  GAZETTEER_FILE_NAME,
  isArticleFileName,
  parseGazetteer,
  serializePack,
  summarizePack,
} from '../lib/corpus';
import { slugify } from '../lib/corpus/frontMatter';
import { formatProblem, type Pack, validatePack } from '../lib/pack/schema';

const USAGE = `usage:
  npm run corpus -- build <folder> --out <pack.json> [--gazetteer <file>] [--id <id>] [--title <title>]
  npm run corpus -- check <pack.json>`;

class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'build') return build(rest);
    if (command === 'check') return check(rest);
    throw new UsageError(
      command === undefined ? 'no command given' : `unknown command "${command}"`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof CorpusInputErrors) {
      for (const inputError of error.errors) console.error(`error: ${inputError.message}`);
      console.error('No pack written.');
      return 1;
    }
    if (error instanceof CorpusInputError) {
      console.error(`error: ${error.message}\nNo pack written.`);
      return 1;
    }
    throw error;
  }
}

function parseOptions(
  args: string[],
  allowed: readonly string[],
): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    const value = args[index + 1];
    if (!allowed.includes(name)) throw new UsageError(`unknown option ${arg}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    options.set(name, value);
    index++;
  }
  return { positional, options };
}

function build(args: string[]): number {
  const { positional, options } = parseOptions(args, ['out', 'gazetteer', 'id', 'title']);
  const folder = positional[0];
  const out = options.get('out');
  if (folder === undefined || positional.length > 1)
    throw new UsageError('build takes one <folder>');
  if (out === undefined) throw new UsageError('build needs --out <pack.json>');

  const articles = readArticles(folder);
  const gazetteerPath = options.get('gazetteer') ?? defaultGazetteer(folder);
  const gazetteer =
    gazetteerPath === undefined
      ? { entities: [], events: [] }
      : parseGazetteer(readText(gazetteerPath), gazetteerPath);
  const warnings: string[] = [];
  const pack = compileCorpus(articles, gazetteer, {
    packId: options.get('id') ?? (slugify(basename(resolve(folder))) || 'corpus'),
    title: options.get('title') ?? `Articles in ${basename(resolve(folder))}`,
    onWarning: (message) => warnings.push(message),
  });
  writeAtomically(out, serializePack(pack));
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  printSummary(pack, out, gazetteerPath);
  return 0;
}

function check(args: string[]): number {
  const { positional } = parseOptions(args, []);
  const path = positional[0];
  if (path === undefined || positional.length > 1)
    throw new UsageError('check takes one <pack.json>');
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    console.error(`error: ${path}: not JSON: ${error.message}`);
    return 1;
  }
  const validation = validatePack(json);
  if (!validation.ok) {
    console.error(`${path}: ${validation.problems.length} problem(s):`);
    for (const problem of validation.problems) console.error(`  ${formatProblem(problem)}`);
    return 1;
  }
  console.log(
    `${path}: valid briefings pack (format ${validation.pack.format}, version ${validation.pack.version})`,
  );
  printSummary(validation.pack);
  return 0;
}

function readArticles(folder: string): ArticleFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new CorpusInputError(folder, undefined, `cannot read the folder: ${describe(error)}`);
  }
  const articleNames = names.filter(isArticleFileName).sort();
  if (articleNames.length === 0)
    throw new CorpusInputError(folder, undefined, 'no .txt or .md articles in the folder');
  return articleNames.map((name) => ({
    fileName: join(folder, name),
    contents: readText(join(folder, name)),
  }));
}

function defaultGazetteer(folder: string): string | undefined {
  const path = join(folder, GAZETTEER_FILE_NAME);
  try {
    readFileSync(path);
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CorpusInputError(path, undefined, `cannot read: ${describe(error)}`);
  }
}

function readText(path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    throw new CorpusInputError(path, undefined, `cannot read the file: ${describe(error)}`);
  }
}

function writeAtomically(path: string, contents: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CorpusInputError(path, undefined, `cannot write the pack: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof TypeError && error.message.includes('encoded data'))
    return 'not valid UTF-8 text';
  return error instanceof Error ? error.message : String(error);
}

function printSummary(pack: Pack, out?: string, gazetteerPath?: string): void {
  const summary = summarizePack(pack);
  const lines = [
    out === undefined
      ? undefined
      : `wrote ${out}${gazetteerPath === undefined ? ' (no gazetteer)' : ` (gazetteer: ${gazetteerPath})`}`,
    `documents:  ${summary.documents} (${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'})`,
    `entities:   ${summary.entities} (${summary.discoveredEntities} discovered)`,
    `quotes:     ${summary.quotes} (${summary.statements} statements, ${summary.fragments} fragments; ${summary.attributed} attributed, ${summary.unattributed} unattributed; ${summary.variants} variant wordings)`,
    `events:     ${summary.events}`,
  ];
  console.log(lines.filter((line) => line !== undefined).join('\n'));
}

process.exitCode = main(process.argv.slice(2));
