import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';
import { webFonts } from './build/web-fonts';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** The web app: built into dist/web, which the server serves with an index.html fallback. */
export default defineConfig({
  root: webRoot,
  plugins: [react(), webFonts(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Fonts stay separate files: inlining them would bloat the CSS for every page.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page runs (React, the router, TanStack Query, zod) in one file rather than
          // in pieces cut along the pages' shared imports: fewer requests on a first visit.
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](?:react|react-dom|scheduler|@tanstack|zod|use-sync-external-store)[\\/]/,
            },
            // What the first page runs of our own code stays in the entry chunk: without this
            // group, a lazy chunk sharing a hook with it (コメント's useQuery) made rolldown cut
            // the entry's modules into a common chunk, 2 KB more on every first load
            // (e2e/sheet.e2e.ts measures the budget).
            {
              name: 'app',
              tags: ['$initial'],
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
