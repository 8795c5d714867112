import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../../renderer/src/host/hostApi';
import en from '../../locales/en/menu.json';
import ru from '../../locales/ru/menu.json';
import uzCyrl from '../../locales/uz-Cyrl/menu.json';
import uzLatn from '../../locales/uz-Latn/menu.json';

export type MenuLabels = typeof en;

const LABELS: Record<UiLanguage, MenuLabels> = { 'uz-Latn': uzLatn, 'uz-Cyrl': uzCyrl, ru, en };

/** The menu's words in the UI language; the renderer tells main which one through `host.setLanguage`. */
export function menuLabels(language: UiLanguage): MenuLabels {
  return LABELS[language];
}

export interface MenuActions {
  print(): void;
  printToPdf(): void;
  about(): void;
}

/** The native menu. Roles give the OS behaviour (clipboard, zoom); labels come from the locales. */
export function buildMenuTemplate(labels: MenuLabels, actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    {
      label: labels.file,
      submenu: [
        { label: labels.print, accelerator: 'CmdOrCtrl+P', click: actions.print },
        { label: labels.printToPdf, accelerator: 'CmdOrCtrl+Shift+P', click: actions.printToPdf },
        { type: 'separator' },
        { label: labels.quit, role: isMac ? 'quit' : 'close' },
      ],
    },
    {
      label: labels.edit,
      submenu: [
        { label: labels.undo, role: 'undo' },
        { label: labels.redo, role: 'redo' },
        { type: 'separator' },
        { label: labels.cut, role: 'cut' },
        { label: labels.copy, role: 'copy' },
        { label: labels.paste, role: 'paste' },
        { label: labels.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { label: labels.reload, role: 'reload' },
        { type: 'separator' },
        { label: labels.zoomIn, role: 'zoomIn' },
        { label: labels.zoomOut, role: 'zoomOut' },
        { label: labels.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: labels.fullscreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: labels.help,
      submenu: [{ label: labels.about, click: actions.about }],
    },
  ];
}
