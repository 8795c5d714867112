import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isPermissionAllowed, securityHeaders } from './security';
import { attachWebContentsGuards, createWindowOptions, type GuardedContents } from './window';

describe('window options used by main', () => {
  const options = createWindowOptions('/app/preload.cjs', false);
  const prefs = options.webPreferences!;

  it('isolate and sandbox the renderer without Node.js', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('navigation and new windows', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents: GuardedContents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        openHandler = handler;
      },
    } as GuardedContents;
    attachWebContentsGuards(contents);
    const fire = (name: string, url: string) => {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { fire, open: (url: string) => openHandler?.({ url }) };
  }

  it('prevents every navigation, redirect and webview', () => {
    const contents = fakeContents();
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://hamkorlik/other.html')).toBe(true);
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-attach-webview', '')).toBe(true);
  });

  it('denies window.open', () => {
    expect(fakeContents().open('https://lex.uz/')).toEqual({ action: 'deny' });
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('allows no remote content and no eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      expect(values.some((v) => v.startsWith('http') || v === '*' || v === "'unsafe-eval'")).toBe(false);
    }
  });

  it('is sent with every response', () => {
    expect(securityHeaders('text/html')['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('external links and permissions', () => {
  it('opens only https addresses on the allow-list', () => {
    expect(isAllowedExternalUrl('https://lex.uz/docs/4396419')).toBe(true);
    expect(isAllowedExternalUrl('http://lex.uz/docs/4396419')).toBe(false);
    expect(isAllowedExternalUrl('https://lex.uz.evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@lex.uz/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('denies camera, geolocation and notifications', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
