/**
 * Security constants shared by the Electron shell and the e2e server, so that the e2e run
 * enforces exactly the policy users get. This module must stay free of `electron` imports.
 */

/** The scheme and host the renderer is served from. Changing either strands existing data:
 * IndexedDB is keyed by origin. See docs/STORAGE.md. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hamkorlik';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy of every page response. No remote content at all: scripts,
 * fonts and images come from the app itself. `style-src 'unsafe-inline'` is needed because
 * MUI (Emotion) injects <style> elements at run time and a static header cannot carry a nonce.
 * `wasm-unsafe-eval` lets WebAssembly (Argon2id for passwords and backups) compile without `eval`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

/** Headers sent with every file the renderer loads. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

/** Hosts the app may open in the system browser (legal texts the UI links to). */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = ['lex.uz', 'www.lex.uz'];

/** Only https addresses on the allow-list, without credentials, may leave the app. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_HOST_ALLOW_LIST.includes(url.hostname)
  );
}

/** Browser permissions the window may use; every other request (camera, geolocation, notifications …) is denied. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}
