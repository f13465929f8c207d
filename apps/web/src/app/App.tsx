import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { ToastProvider } from '@/components/ui';
import { I18nProvider } from '@/i18n';
import { createQueryClient } from '@/lib/query-client';
import { createRouter } from './routes';

// Created once, outside React: a data router must not live in state (react-router docs).
const queryClient = createQueryClient();
const router = createRouter();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
