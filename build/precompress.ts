import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text files worth compressing; fonts (woff2) and images are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed answer saves less than its headers cost. */
const minBytes = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, once, at the
 * strongest settings (brotli 11, gzip 9): the server then sends them as they are
 * (`serveStatic({ precompressed: true })`) and never compresses an asset per request.
 * A variant that would not be smaller than 90 % of the file is not written.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'mokuhyo:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const files = await filesUnder(outDir);
      await Promise.all(files.filter((file) => compressible.test(file)).map(compressBeside));
    },
  };
}

/** Writes the `.br` and `.gz` variants of one file (when they pay). */
export async function compressBeside(file: string): Promise<void> {
  const bytes = await readFile(file);
  if (bytes.length < minBytes) return;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const worthIt = (variant: Buffer) => variant.length < bytes.length * 0.9;
  await Promise.all([
    worthIt(br) ? writeFile(`${file}.br`, br) : undefined,
    worthIt(gz) ? writeFile(`${file}.gz`, gz) : undefined,
  ]);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
