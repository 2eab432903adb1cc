import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { contentKey, migratedInputs, projectRoot } from './content-key';
import { preparePgliteSchema } from './prepare-schema';

/**
 * The prepared database image: an embedded database holding the committed migrations and nothing
 * else, made once (by `npm run build`, or by the first caller that needs it) in dist/db/ and copied
 * into a new data directory on its first start. Copying the directory takes a few milliseconds;
 * PGlite's initdb takes several seconds and leaves the process holding its peak memory. The
 * directory's name carries the content key of what decides it, so an image made by other code
 * (other migrations, another PGlite) is never used.
 */
const imageRoot = join(projectRoot, 'dist', 'db');
const imagePrefix = 'migrated-';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Where the image for the current code lives (it may not exist yet). */
async function preparedImageDir(): Promise<string> {
  return join(imageRoot, `${imagePrefix}${await contentKey(migratedInputs)}`);
}

/**
 * The image for the current code, made if there is none: migrated in a directory aside, then
 * renamed, so a reader never sees half an image (two makers may race; either result is whole).
 * Images of older code are removed.
 */
export async function preparedImage(): Promise<string> {
  const dir = await preparedImageDir();
  if (await exists(join(dir, 'PG_VERSION'))) return dir;
  const aside = `${dir}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
  await mkdir(imageRoot, { recursive: true });
  const client = await PGlite.create({ dataDir: aside });
  await preparePgliteSchema(client, { as: 'owner' });
  await client.close();
  await rename(aside, dir).catch(async (error: unknown) => {
    await rm(aside, { recursive: true, force: true });
    if (!(await exists(join(dir, 'PG_VERSION')))) throw error;
  });
  for (const other of await readdir(imageRoot)) {
    const path = join(imageRoot, other);
    if (path !== dir && other.startsWith(imagePrefix)) await rm(path, { recursive: true, force: true });
  }
  return dir;
}

/**
 * A data directory that holds no database yet gets a copy of the image for the current code, if
 * one was made; returns whether it did. Without an image, PGlite creates the database itself.
 */
export async function startFromImage(dataDir: string): Promise<boolean> {
  if (await exists(join(dataDir, 'PG_VERSION'))) return false;
  const image = await preparedImageDir();
  if (!(await exists(join(image, 'PG_VERSION')))) return false;
  // Synchronous on purpose: fs.promises.cp took 1.3 s for the image's 40 MB, cpSync 0.25 s, and
  // nothing is served before the database is open.
  cpSync(image, dataDir, { recursive: true, errorOnExist: false, force: false });
  return true;
}
