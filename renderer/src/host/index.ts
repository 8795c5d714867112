import { createBrowserHost } from './browserHost';
import type { HostApi } from './hostApi';

/**
 * Picks the host the renderer runs on: the one a preload (Electron) or the e2e fixture put on
 * `window.host`, else the browser host. Nothing else in the app asks where it runs.
 */
export function pickHost(): HostApi {
  const provided = (window as unknown as { host?: HostApi }).host;
  return provided ?? createBrowserHost();
}

export type * from './hostApi';
