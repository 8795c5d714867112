import { Box, CircularProgress } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { createHashRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { getSetting } from '../db/repositories/settings';
import { CaseCardPage, CaseFormPage, CasesPage } from '../features/cases';
import { DocumentsPage } from '../features/documents';
import { ExchangePage } from '../features/exchange';
import { MyWorkPage } from '../features/myWork';
import { ReportsPage } from '../features/reports';
import { SettingsPage } from '../features/settings';
import { SetupPage } from '../features/setup';
import { TeamsPage } from '../features/teams';
import { AppShell } from './AppShell';
import { useServices } from './services';

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

// Hash routing: the app is one file served by app://, so a reload never asks for a path that does not exist.
const router = createHashRouter([
  { element: <SetupGate setup />, children: [{ path: '/setup', element: <SetupPage /> }] },
  {
    element: <SetupGate setup={false} />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="/cases" replace /> },
          { path: '/cases', element: <CasesPage /> },
          { path: '/cases/new', element: <CaseFormPage /> },
          { path: '/cases/:caseId', element: <CaseCardPage /> },
          { path: '/cases/:caseId/edit', element: <CaseFormPage /> },
          { path: '/my-work', element: <MyWorkPage /> },
          { path: '/teams', element: <TeamsPage /> },
          { path: '/documents', element: <DocumentsPage /> },
          { path: '/reports', element: <ReportsPage /> },
          { path: '/exchange', element: <ExchangePage /> },
          { path: '/settings', element: <SettingsPage /> },
          { path: '*', element: <Navigate to="/cases" replace /> },
        ],
      },
    ],
  },
]);

export function AppRoutes() {
  return <RouterProvider router={router} />;
}
