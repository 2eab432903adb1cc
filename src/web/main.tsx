import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/tables.css';
import './styles/sheet.css';
import './styles/sheet-annotations.css';
import './styles/forms.css';
import './styles/workflow.css';
import './styles/history.css';
import './styles/indicator-history.css';
import './styles/print.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isClientError } from './lib/api';
import { takeOverDrawnPage } from './lib/drawn-page';
import { createAppRouter } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A missing sheet stays missing: retry only failures that may pass.
      retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
    },
  },
});

// The web font's faces come after the page's own stylesheet, not with it: with a face to look up
// for each slice of characters, the first layout of a long sheet took about 100 ms more. The
// text shows at once in the system's Japanese font and takes the web font as its slices arrive
// (font-display: swap), as it did before.
void import('./styles/web-font');

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root is missing from index.html');
// The public sheet page arrives drawn by the server (`web/prerender/`).
const overDrawnPage = rootElement.hasChildNodes();
const router = createAppRouter(queryClient, { overDrawnPage });

const render = () =>
  createRoot(rootElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );

// A page the server drew stays until the app can draw the whole page in its place, rather than
// going blank while its data loads.
if (overDrawnPage) void router.load().finally(() => takeOverDrawnPage(rootElement, router, render));
else render();
