import { build, type Plugin } from 'esbuild';

// `npm run build`: the server as one ES module, dist/server/main.mjs (what `npm start` runs), and
// its two worker threads beside it, dist/server/pdf-worker.mjs and read-snapshot-worker.mjs (found
// next to the bundle, as src/server/pdf-workers/pdf-worker.mjs and src/db/read-snapshot-worker.mjs
// are next to their sources). Packages stay in node_modules;
// only the app's own TypeScript is bundled, so a start loads two files instead of compiling some
// 300 modules through tsx. The bundle sits two folders below the project root like src/db, so
// `projectRoot` (src/db/content-key.ts) is the same from either.
const started = performance.now();
/**
 * The server draws pages with the web app's components (`src/web/prerender/`). What they load only
 * in a browser, when a reader opens a chart (uPlot and its stylesheet), is never run here: it is
 * left out of the bundle, as an empty module, instead of being imported when the server starts.
 */
const browserOnly: Plugin = {
  name: 'browser-only',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^uplot(\/|$)|\.css$/ }, (args) => ({
      path: args.path,
      namespace: 'browser-only',
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'browser-only' }, () => ({
      contents: 'export default undefined;',
    }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
} as const;
await Promise.all([
  build({
    ...common,
    entryPoints: ['src/server/main.ts'],
    outfile: 'dist/server/main.mjs',
    plugins: [browserOnly],
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
  build({
    ...common,
    entryPoints: ['src/db/read-snapshot-worker.mjs'],
    outfile: 'dist/server/read-snapshot-worker.mjs',
  }),
]);
console.log(`server bundle: dist/server/main.mjs (${Math.round(performance.now() - started)} ms)`);
