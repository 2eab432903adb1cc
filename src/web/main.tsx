import '@fontsource/biz-udpgothic/400.css';
import '@fontsource/biz-udpgothic/700.css';
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/tables.css';
import './styles/sheet.css';
import './styles/sheet-annotations.css';
import './styles/forms.css';
import './styles/workflow.css';
import './styles/history.css';
import './styles/ward-year.css';
import './styles/indicator-history.css';
import './styles/downloads.css';
import './styles/print.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isClientError } from './lib/api';
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

const router = createAppRouter(queryClient);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root is missing from index.html');

const render = () =>
  createRoot(rootElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );

// A page the server sent already drawn (the public sheet page) stays until the app can draw the
// whole page in its place, rather than going blank while its data loads.
if (rootElement.hasChildNodes()) void router.load().finally(render);
else render();
