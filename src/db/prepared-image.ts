import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { contentKey, migratedInputs, projectRoot, sampleInputs } from './content-key';
import { preparePgliteSchema } from './prepare-schema';

/**
 * The prepared database images: embedded databases made once (by `npm run build`) in dist/db/ and
 * copied into a new data directory on its first start. `migrated` holds the committed migrations
 * and nothing else; `sample` also the Niigata Kita sample and the demo users, as a first start
 * with `MOKUHYO_SAMPLE_DATA=on` would import them (scripts/prepare-database.ts fills it, with the
 * app's own import). Copying a directory takes a fraction of a second; PGlite's initdb takes
 * several seconds and leaves the process holding its peak memory, and importing the sample
 * another two. A directory's name carries the content key of what decides it, so an image made
 * by other code (other migrations, another import rule, another PGlite) is never used.
 */
const imageRoot = join(projectRoot, 'dist', 'db');

export type ImageName = 'migrated' | 'sample';
const inputsOf: Record<ImageName, string[]> = { migrated: migratedInputs, sample: sampleInputs };

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Where the image for the current code lives (it may not exist yet). */
async function imageDir(name: ImageName): Promise<string> {
  return join(imageRoot, `${name}-${await contentKey(inputsOf[name])}`);
}

/** Fills an empty directory with the migrated database. */
async function migrate(dataDir: string): Promise<void> {
  const client = await PGlite.create({ dataDir });
  await preparePgliteSchema(client, { as: 'owner' });
  await client.close();
}

/**
 * The image for the current code, made if there is none: `fill` writes it in a directory aside,
 * which is then renamed, so a reader never sees half an image (two makers may race; either result
 * is whole). Older images of the same name are removed. Only the migrated image can be made
 * here; the sample image needs the app's import, so its maker passes `fill`.
 */
export async function preparedImage(
  name: ImageName = 'migrated',
  fill: (dataDir: string) => Promise<void> = migrate,
): Promise<string> {
  const dir = await imageDir(name);
  if (await exists(join(dir, 'PG_VERSION'))) return dir;
  const aside = `${dir}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
  await mkdir(imageRoot, { recursive: true });
  try {
    await fill(aside);
    await rename(aside, dir);
  } catch (error) {
    await rm(aside, { recursive: true, force: true });
    if (!(await exists(join(dir, 'PG_VERSION')))) throw error;
  }
  for (const other of await readdir(imageRoot)) {
    const path = join(imageRoot, other);
    if (path !== dir && other.startsWith(`${name}-`)) await rm(path, { recursive: true, force: true });
  }
  return dir;
}

/**
 * A data directory that holds no database yet gets a copy of the first of `images` made for the
 * current code; returns which, or null when it already held a database or there was none (PGlite
 * then creates the database itself).
 */
export async function startFromImage(dataDir: string, images: ImageName[]): Promise<ImageName | null> {
  if (await exists(join(dataDir, 'PG_VERSION'))) return null;
  for (const name of images) {
    const image = await imageDir(name);
    if (!(await exists(join(image, 'PG_VERSION')))) continue;
    // Synchronous on purpose: fs.promises.cp took 1.3 s for the image's 40 MB, cpSync 0.25 s,
    // and nothing is served before the database is open. PG_VERSION, which says a directory
    // holds a database, comes last: a copy cut short is copied again (over its part) next time.
    const marker = join(image, 'PG_VERSION');
    cpSync(image, dataDir, { recursive: true, force: true, filter: (source) => source !== marker });
    copyFileSync(marker, join(dataDir, 'PG_VERSION'));
    return name;
  }
  return null;
}
