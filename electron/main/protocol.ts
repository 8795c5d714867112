import { extname, resolve, sep } from 'node:path';
import { APP_HOST } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequestDecision =
  | { status: 200; filePath: string; contentType: string }
  | { status: 400 | 403 | 404 | 405 };

/**
 * Decides what a request for the renderer's files gets: GET only, only our host, only files
 * inside the built renderer folder (no `..`, no encoded separators), `/` meaning index.html.
 * Shared by Electron's `app://` protocol and the e2e server, so both serve the same way.
 */
export function resolveAppRequest(method: string, rawUrl: string, root: string, expectedHost = APP_HOST): AppRequestDecision {
  if (method !== 'GET') return { status: 405 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400 };
  }
  if (url.host !== expectedHost) return { status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return { status: 403 };
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const filePath = resolve(base, `.${path}`);
  if (!filePath.startsWith(base + sep)) return { status: 403 };
  const contentType = CONTENT_TYPES[extname(filePath).toLowerCase()];
  if (!contentType) return { status: 404 };
  return { status: 200, filePath, contentType };
}
