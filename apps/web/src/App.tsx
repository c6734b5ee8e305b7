import { lazy, Suspense } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError } from './api/client';
import { SessionProvider, useMeQuery, useSession } from './auth/session';
import { LocaleProvider } from './i18n/locale';
import { Layout } from './components/Layout';
import { SignInPage } from './pages/SignInPage';
import { CallbackPage } from './pages/CallbackPage';
import { InboxPage } from './pages/InboxPage';
import { CALLBACK_PATH } from './auth/oidc';
import { ErrorNotice, Loading } from './components/Notices';

// The inbox loads first; the other pages (and their chart and diagram libraries) load when opened.
const ProcessPage = lazy(() => import('./pages/ProcessPage').then((m) => ({ default: m.ProcessPage })));
const StartPage = lazy(() => import('./pages/StartPage').then((m) => ({ default: m.StartPage })));
const BoardPage = lazy(() => import('./pages/BoardPage').then((m) => ({ default: m.BoardPage })));
const DelegationsPage = lazy(() =>
  import('./pages/DelegationsPage').then((m) => ({ default: m.DelegationsPage })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

function SignedIn() {
  const { session } = useSession();
  const location = useLocation();
  const me = useMeQuery();
  if (!session)
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (!me.data)
    return me.error ? (
      <main id="main">
        <ErrorNotice error={me.error} />
      </main>
    ) : (
      <Loading />
    );
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<InboxPage />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/processes/:id" element={<ProcessPage />} />
          <Route path="/start" element={<StartPage />} />
          <Route path="/board" element={<BoardPage />} />
          <Route path="/delegations" element={<DelegationsPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/signin" element={<SignInPage />} />
              <Route path={CALLBACK_PATH} element={<CallbackPage />} />
              <Route path="/*" element={<SignedIn />} />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
