import { Box, CircularProgress } from '@mui/material';
import type { ReactNode } from 'react';
import { canDo } from '../domain/access';
import { useLiveQuery } from 'dexie-react-hooks';
import { createHashRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { getSetting } from '../db/repositories/settings';
import { CaseCardPage, CaseFormPage } from '../features/cases';
import { ConferencesPage } from '../features/conferences';
import { DocumentsPage } from '../features/documents';
import { ExchangePage } from '../features/exchange';
import { MyWorkPage } from '../features/myWork';
import { ReportsPage } from '../features/reports';
import { SettingsPage } from '../features/settings';
import { SetupPage } from '../features/setup';
import { TeamsPage } from '../features/teams';
import { AccountsPage, LoginPage } from '../features/accounts';
import { AuditPage } from '../features/audit';
import { PageError } from '../ui/PageError';
import { AppShell } from './AppShell';
import { useActor } from './hooks';
import { useServices } from './services';

/** Where a user lands: the case list, or the reports for those who read no cases. */
function HomeRedirect() {
  const actor = useActor();
  return <Navigate to={actor && canDo(actor, 'listCases') ? '/cases' : '/reports'} replace />;
}

/** Sends an office that is not set up to first-run setup, and a set-up one away from it. */
function SetupGate({ setup }: { setup: boolean }) {
  const { db } = useServices();
  // `null` while loading, so "not set up" (undefined) and "loading" are told apart.
  const completedAt = useLiveQuery(async () => (await getSetting(db, 'setupCompletedAt')) ?? '', [db], null);
  if (completedAt === null) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-busy />
      </Box>
    );
  }
  if (setup && completedAt) return <Navigate to="/cases" replace />;
  if (!setup && !completedAt) return <Navigate to="/setup" replace />;
  return <Outlet />;
}

/** Nobody works without logging in: the login screen stands in for every page until someone does. */
function LoginGate() {
  const actor = useActor();
  return actor ? <Outlet /> : <LoginPage />;
}

/** Pages of one permission: others see the case list instead (the data layer refuses them anyway). */
function Allowed({ when, children }: { when: (actor: NonNullable<ReturnType<typeof useActor>>) => boolean; children: ReactNode }) {
  const actor = useActor();
  return actor && when(actor) ? children : <Navigate to="/" replace />;
}

// Hash routing: the app is one file served by app://, so a reload never asks for a path that does not exist.
const router = createHashRouter([
  { element: <SetupGate setup />, errorElement: <PageError />, children: [{ path: '/setup', element: <SetupPage /> }] },
  {
    element: <SetupGate setup={false} />,
    errorElement: <PageError />,
    children: [
      {
        element: <LoginGate />,
        children: [
          {
            element: <AppShell />,
            children: [
              {
                // A page that fails shows why inside the shell, which stays usable.
                errorElement: <PageError />,
                children: [
                  { index: true, element: <HomeRedirect /> },
                  // Shown by the shell, which keeps the list mounted between visits (AppShell.tsx).
                  { path: '/cases', element: null },
                  { path: '/cases/new', element: <Allowed when={(actor) => canDo(actor, 'createCase')}><CaseFormPage /></Allowed> },
                  { path: '/cases/:caseId', element: <CaseCardPage /> },
                  { path: '/cases/:caseId/edit', element: <CaseFormPage /> },
                  { path: '/my-work', element: <MyWorkPage /> },
                  { path: '/conferences', element: <ConferencesPage /> },
                  { path: '/teams', element: <TeamsPage /> },
                  { path: '/documents', element: <DocumentsPage /> },
                  { path: '/reports', element: <ReportsPage /> },
                  { path: '/exchange', element: <ExchangePage /> },
                  { path: '/settings', element: <SettingsPage /> },
                  { path: '/accounts', element: <Allowed when={(actor) => canDo(actor, 'manageAccounts')}><AccountsPage /></Allowed> },
                  { path: '/audit', element: <Allowed when={(actor) => canDo(actor, 'readAudit')}><AuditPage /></Allowed> },
                  { path: '*', element: <HomeRedirect /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);

export function AppRoutes() {
  return <RouterProvider router={router} />;
}
