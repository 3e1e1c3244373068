// The command line, run as a user would: a real process on a temporary folder.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CORPUS_DIR, FIXTURES_DIR } from './helpers';

const CLI = join(process.cwd(), 'scripts/corpus.ts');
let folder: string;

const corpus = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
  copyFileSync(join(FIXTURES_DIR, 'wire-grain-corridor.txt'), join(folder, 'wire.txt'));
  copyFileSync(join(FIXTURES_DIR, 'markets-no-quotes.txt'), join(folder, 'markets.txt'));
  copyFileSync(join(CORPUS_DIR, 'gazetteer.yaml'), join(folder, 'gazetteer.yaml'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run corpus', () => {
  test('build writes a valid pack and prints a summary; check accepts it', () => {
    const out = join(folder, 'pack.json');
    const build = corpus('build', folder, '--out', out);
    expect(build.status).toBe(0);
    // Only warnings: the seed gazetteer's event rules find nothing in these two articles.
    expect(
      build.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: ')),
    ).toEqual([]);
    expect(build.stdout).toContain('documents:  2 (0 duplicates)');
    expect(build.stdout).toMatch(
      /quotes: +6 \(3 statements, 3 fragments; 6 attributed, 0 unattributed/,
    );
    expect(build.stdout).toMatch(/entities: +\d+ \(2 discovered\)/);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('briefings-pack');
    const check = corpus('check', out);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('valid briefings pack');
  }, 60_000);

  test('bad input: non-zero exit, the file and line named, no pack written and the old one kept', () => {
    writeFileSync(
      join(folder, 'broken.md'),
      '---\ntitle: Broken\npublished: 2023-02-30\ndateBasis: printed\n---\nText.\n',
    );
    const out = join(folder, 'pack.json');
    writeFileSync(out, 'previous pack');
    const build = corpus('build', folder, '--out', out);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`${join(folder, 'broken.md')}:3: impossible date "2023-02-30"`);
    expect(build.stderr).toContain('No pack written.');
    expect(readFileSync(out, 'utf8')).toBe('previous pack');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  test('a file that is not text is named, and nothing is written', () => {
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    const out = join(folder, 'new-pack.json');
    const build = corpus('build', folder, '--out', out);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(
      `${join(folder, 'binary.txt')}: cannot read the file: not valid UTF-8 text`,
    );
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  test('check lists the problems of a broken pack: its shape first, then its cross-references', () => {
    const out = join(folder, 'pack.json');
    expect(corpus('build', folder, '--out', out).status).toBe(0);
    const pack = JSON.parse(readFileSync(out, 'utf8'));
    pack.quotes[0].speakerId = 'nobody';
    pack.documents[0].publishedAt = '2023-02-30';
    writeFileSync(out, JSON.stringify(pack));
    const check = corpus('check', out);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('documents[0].publishedAt: is not a date on the calendar');
    const fixed = {
      ...pack,
      documents: pack.documents.map((d: { publishedAt: string }, i: number) =>
        i === 0 ? { ...d, publishedAt: '2023-02-28' } : d,
      ),
    };
    writeFileSync(out, JSON.stringify(fixed));
    const second = corpus('check', out);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('quotes[0].speakerId: no entity with id "nobody"');
  }, 60_000);

  test('usage errors exit 2 with the usage', () => {
    const result = corpus('build', folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('build needs --out <pack.json>');
  }, 60_000);
});
