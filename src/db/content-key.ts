import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json is). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What decides an empty migrated database: src/db (the committed migrations and the code that
 * opens a database, where a schema created at open lives) and the locked dependency versions
 * (PGlite's data format, drizzle's migrator).
 */
export const migratedInputs = ['src/db', 'package-lock.json'];

/**
 * What decides a database filled with the sample by the code that imports it: any source file
 * may take part (the import, the rules it checks, password hashing), so all of src/ but the web
 * app and the tests, and the locked dependency versions.
 */
export const sampleInputs = ['src', 'package-lock.json'];

async function filesOf(path: string): Promise<string[]> {
  const full = join(projectRoot, path);
  if (!(await stat(full)).isDirectory()) return [path];
  const names = await readdir(full, { recursive: true, withFileTypes: true });
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)))
    .filter((file) => !file.endsWith('.test.ts') && !file.startsWith(join('src', 'web')));
}

/**
 * A short hash of the named project files (taken whole, without tests or the web app): a
 * database prepared from other content has another key, so a stale one is never used.
 */
export async function contentKey(inputs: string[]): Promise<string> {
  const files = (await Promise.all(inputs.map(filesOf))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(await readFile(join(projectRoot, file)));
  return hash.digest('hex').slice(0, 16);
}
