/**
 * `npm run lockfile:complete`, after changing dependencies. The npm registry this project is built
 * against carries native builds for this platform only (linux x64), so npm leaves the other
 * platforms' optional builds of esbuild, rollup and Biome out of package-lock.json, and `npm ci`
 * then refuses the lock as out of sync. This adds each missing optional package as a bare,
 * optional entry: `npm ci` accepts the lock, and installs only what this platform can use.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const LOCK = 'package-lock.json';
const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, LockEntry> };
const packages = lock.packages;

/** Where a dependency of the package at `path` resolves: its own node_modules, then upwards. */
function resolves(path: string, name: string): boolean {
  let base = path;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (base === '') return false;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue;
    // Beside the package that wants it, so another version elsewhere is never shadowed.
    const where = packages[`node_modules/${name}`]
      ? `${path}/node_modules/${name}`
      : `node_modules/${name}`;
    packages[where] = { version: range.replace(/^[\^~=]/, ''), optional: true };
    added++;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(`${LOCK}: ${added} optional packages for other platforms added as bare entries.`);
