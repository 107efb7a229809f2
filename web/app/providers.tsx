'use client';
/**
 * Everything the client needs once, at the root: Ant Design's style registry (so the server's
 * HTML carries the styles), its Chinese locale and theme, and TanStack Query's client (whose
 * 401s send the page to the login page).
 */
import { AntdRegistry } from '@ant-design/nextjs-registry';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import { signInOnUnauthorized } from '../features/auth/session-redirect';
import { ApiError } from '../features/common/api-client';
import { theme } from './theme';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({
    // Any answer of 401 (no session, or an expired one) sends the page to /login, which comes back here.
    queryCache: new QueryCache({ onError: (err) => void signInOnUnauthorized(err) }),
    mutationCache: new MutationCache({ onError: (err) => void signInOnUnauthorized(err) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; a dropped connection might.
        retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      },
    },
  }));
  // Marks the page as hydrated (answering input): what tests/bench/web.bench.ts waits for.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <AntdRegistry>
      <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </ConfigProvider>
    </AntdRegistry>
  );
}
