import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// `npm run build`: the server as one ES module, dist/server/main.mjs (what `npm start` runs), and
// the PDF worker beside it, dist/server/pdf-worker.mjs (found next to the bundle, as
// src/server/pdf-workers/pdf-worker.mjs is next to its source). Packages stay in node_modules;
// only the app's own TypeScript is bundled, so a start loads two files instead of compiling some
// 300 modules through tsx. The bundle sits two folders below the project root like src/db, so
// `projectRoot` (src/db/content-key.ts) is the same from either.
const started = performance.now();
// Chunks are named by their content: the last build's would stay beside the new ones.
rmSync('dist/server/chunks', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
} as const;
await Promise.all([
  // Split: what the server never runs of the web components it draws pages with (the lazily
  // loaded history chart, which imports a browser library and its stylesheet) stays in a chunk
  // of its own that is never loaded.
  build({
    ...common,
    entryPoints: { main: 'src/server/main.ts' },
    outdir: 'dist/server',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({
    ...common,
    stdin: {
      contents: "export { renderPdfTask as default } from './pdf-task';",
      resolveDir: 'src/server/pdf-workers',
      loader: 'ts',
    },
    outfile: 'dist/server/pdf-worker.mjs',
  }),
]);
console.log(`server bundle: dist/server/main.mjs (${Math.round(performance.now() - started)} ms)`);
