import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from './client';
import { contentKey, migratedInputs, projectRoot } from './content-key';
import { embeddedStartParams } from './pglite-client';

/**
 * Test databases on PGlite start from saved templates: a PGlite prepared once, dumped to a file
 * under .tmp/test-db/ (by the vitest global setup, or by the first test that needs it), then
 * loaded for each test database. Loading a file costs about 0.7 CPU-s; creating and migrating a
 * PGlite costs several. A template's file name carries a hash of the files that decide its
 * content, so changing any of them builds a new one and a stale one is never loaded.
 */
export interface TemplateRecipe {
  name: string;
  /** Project files and folders (taken whole, without tests or the web app) that decide the content. */
  inputs: string[];
  /** A PGlite holding the content; saved, then closed. */
  build(): Promise<PGlite>;
}

/** Where templates are saved: git-ignored, removed by `npm test` before a full run. */
const templateDir = join(projectRoot, '.tmp', 'test-db');

/** Dump `client` to `file`: written aside and renamed, so a reader never sees half a file. */
async function save(client: PGlite, file: string): Promise<void> {
  await mkdir(templateDir, { recursive: true });
  const dump = await client.dumpDataDir('none');
  const aside = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
  await writeFile(aside, new Uint8Array(await dump.arrayBuffer()));
  await rename(aside, file);
}

/** The same template saved under keys of older content. */
async function removeOlder(name: string, file: string): Promise<void> {
  for (const other of await readdir(templateDir)) {
    const path = join(templateDir, other);
    if (path !== file && other.startsWith(`${name}-`) && other.endsWith('.tar'))
      await rm(path, { force: true });
  }
}

const files = new Map<string, Promise<string>>();

/**
 * The file of `recipe`'s template for the current content, built and saved if there is none
 * (two test files may both build it; each write is whole). Computed once per module.
 */
export function templateFile(recipe: TemplateRecipe): Promise<string> {
  let file = files.get(recipe.name);
  if (!file) {
    file = (async () => {
      const path = join(templateDir, `${recipe.name}-${await contentKey(recipe.inputs)}.tar`);
      const saved = await stat(path).then(
        () => true,
        () => false,
      );
      if (saved) return path;
      const client = await recipe.build();
      await save(client, path);
      await client.close();
      await removeOlder(recipe.name, path);
      return path;
    })();
    files.set(recipe.name, file);
  }
  return file;
}

/** Each template file is read once per test file (module), then loaded for every database. */
const contents = new Map<string, Promise<Blob>>();

/** A new in-memory PGlite holding what the template `file` holds. */
export async function loadTemplate(file: string): Promise<PGlite> {
  let blob = contents.get(file);
  if (!blob) {
    blob = readFile(file).then((bytes) => new Blob([new Uint8Array(bytes)]));
    contents.set(file, blob);
  }
  return PGlite.create({ loadDataDir: await blob, startParams: embeddedStartParams });
}

/**
 * The migrated, empty database (what decides it: `migratedInputs`). A test database needs only
 * `postgres`: the template databases and initdb's 16 MB WAL segment were most of the file every
 * test database unpacks (the sample's: 42.4 MB, 1,120 files), so the template is made without
 * them — 1 MB segments (initdb scales the WAL limits to 5–64 MB with them), template0 and
 * template1 dropped, so no test database can CREATE DATABASE — which makes each load cheaper
 * (15.7 MB, 524 files). Test-only: the server's own databases (`prepared-image.ts`,
 * `client.ts`) keep PostgreSQL's defaults.
 */
export const migratedRecipe: TemplateRecipe = {
  name: 'migrated',
  inputs: migratedInputs,
  build: async () => {
    const client = await PGlite.create({ initDbStartParams: ['--wal-segsize=1'] });
    for (const template of ['template0', 'template1']) {
      await client.query(`alter database ${template} is_template false`);
      await client.query(`drop database ${template}`);
    }
    await openDatabase({ engine: 'pglite', client });
    return client;
  },
};
