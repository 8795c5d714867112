import AssessmentIcon from '@mui/icons-material/Assessment';
import DescriptionIcon from '@mui/icons-material/Description';
import FolderSharedIcon from '@mui/icons-material/FolderShared';
import ForumIcon from '@mui/icons-material/Forum';
import GroupsIcon from '@mui/icons-material/Groups';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import SettingsIcon from '@mui/icons-material/Settings';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import HistoryEduIcon from '@mui/icons-material/HistoryEdu';
import {
  AppBar,
  Box,
  Drawer,
  IconButton,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Tooltip,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { CasesPage } from '../features/cases';
import { getOfficeProfile } from '../db/repositories/office';
import { triLingualIn } from '../domain/names';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NoticeBar } from './NoticeBar';
import { useFeedback } from './feedback';
import { Activity, type ReactNode } from 'react';
import { canDo, type Actor } from '../domain/access';
import { LockScreen, UserMenu, useIdleLock } from '../features/accounts';
import { ExitBackupScreen, FileDrop, useAutomaticBackups, useExitBackup } from '../features/exchange';
import { MyWorkBadge } from '../features/myWork';
import { useActor, useAppSelector } from './hooks';
import { useServices } from './services';

const DRAWER_WIDTH = 240;

/** The sections of the app, in the order a case manager's day uses them, each shown to those who may use it. */
export const SECTIONS: readonly { path: string; key: string; icon: ReactNode; shown: (actor: Actor) => boolean }[] = [
  { path: '/cases', key: 'cases', icon: <FolderSharedIcon />, shown: (actor) => canDo(actor, 'listCases') },
  { path: '/my-work', key: 'myWork', icon: <TaskAltIcon />, shown: (actor) => canDo(actor, 'listCases') },
  { path: '/conferences', key: 'conferences', icon: <ForumIcon />, shown: (actor) => canDo(actor, 'listCases') },
  { path: '/teams', key: 'teams', icon: <GroupsIcon />, shown: (actor) => canDo(actor, 'listCases') },
  { path: '/documents', key: 'documents', icon: <DescriptionIcon />, shown: (actor) => canDo(actor, 'listCases') },
  { path: '/reports', key: 'reports', icon: <AssessmentIcon />, shown: (actor) => canDo(actor, 'readReports') },
  { path: '/exchange', key: 'exchange', icon: <SwapHorizIcon />, shown: (actor) => canDo(actor, 'backup') || canDo(actor, 'manageExchange') },
  { path: '/accounts', key: 'accounts', icon: <ManageAccountsIcon />, shown: (actor) => canDo(actor, 'manageAccounts') },
  { path: '/audit', key: 'audit', icon: <HistoryEduIcon />, shown: (actor) => canDo(actor, 'readAudit') },
  { path: '/settings', key: 'settings', icon: <SettingsIcon />, shown: () => true },
];

/** The frame around every page: the office's name, navigation, language, printing and notices. */
export function AppShell() {
  const { t } = useTranslation();
  const { db, host } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const locked = useAppSelector((state) => state.session.locked);
  const actor = useActor();
  const onCaseList = useLocation().pathname === '/cases';
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const feedback = useFeedback();
  useIdleLock();
  useAutomaticBackups(!!actor && !locked);
  // Locked or not: the day's work is backed up when the PC is switched off behind a locked screen too.
  const exitBackup = useExitBackup(!!actor);

  const printToPdf = async () => {
    const result = await host.printToPdf({ suggestedName: 'hamkorlik.pdf', filters: [{ name: t('common:file.pdf'), extensions: ['pdf'] }] });
    if (result.ok) feedback.saved(result.value);
    else feedback.hostError(result.error);
  };
  const print = async () => {
    const result = await host.print();
    if (!result.ok) feedback.hostError(result.error);
  };

  const exchanges = !!actor && (canDo(actor, 'backup') || canDo(actor, 'manageExchange') || canDo(actor, 'transferCases'));

  return (
    <FileDrop enabled={exchanges} listening={!locked}>
    {/* While locked the app stays mounted, so unsaved forms keep their state, but inert: no focus, no input. */}
    <Box sx={{ display: 'flex', minHeight: '100vh' }} inert={locked} aria-hidden={locked || undefined}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1, displayPrint: 'none' }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 600 }}>
            Hamkorlik
          </Typography>
          <Typography sx={{ flexGrow: 1, opacity: 0.9 }} noWrap data-testid="office-name">
            {office ? triLingualIn(office.name, language) : ''}
          </Typography>
          <Tooltip title={t('common:action.print')}>
            <IconButton color="inherit" onClick={() => void print()} aria-label={t('common:action.print')}>
              <PrintIcon />
            </IconButton>
          </Tooltip>
          <Tooltip title={t('common:action.printToPdf')}>
            <IconButton color="inherit" onClick={() => void printToPdf()} aria-label={t('common:action.printToPdf')}>
              <PictureAsPdfIcon />
            </IconButton>
          </Tooltip>
          <LanguageSwitcher />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, displayPrint: 'none', '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <List component="nav" aria-label={t('common:nav.label')}>
          {SECTIONS.filter((section) => actor && section.shown(actor)).map((section) => (
            <ListItemButton
              key={section.path}
              component={NavLink}
              to={section.path}
              data-testid={`nav-${section.key}`}
              sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 600 } }}
            >
              <ListItemIcon>{section.icon}</ListItemIcon>
              <ListItemText primary={t(`common:nav.${section.key}`)} />
              {section.key === 'myWork' && <MyWorkBadge />}
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar sx={{ displayPrint: 'none' }} />
        {/* The case list is where work returns to all day: it stays mounted, hidden while another page
            is shown, so coming back shows it at once; its live queries pause while hidden and refresh
            when it shows again. (The /cases route renders nothing of its own.) */}
        {actor && canDo(actor, 'listCases') && (
          <Activity mode={onCaseList ? 'visible' : 'hidden'}>
            <CasesPage />
          </Activity>
        )}
        <Outlet />
      </Box>
      <NoticeBar />
    </Box>
    {locked && <LockScreen />}
    <ExitBackupScreen state={exitBackup.state} onCloseNow={exitBackup.closeNow} />
    </FileDrop>
  );
}
