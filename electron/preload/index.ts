import { contextBridge, ipcRenderer } from 'electron';
import { createHostBridge } from './bridge';

// The page gets exactly one object, `window.host`; ipcRenderer itself never crosses the bridge.
contextBridge.exposeInMainWorld(
  'host',
  createHostBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
