import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { resolveAppRequest } from './protocol';

const root = resolve('/srv/app/renderer');

describe('app:// protocol', () => {
  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(resolveAppRequest('GET', 'app://hamkorlik/', root)).toMatchObject({ status: 200, filePath: join(root, 'index.html') });
    expect(resolveAppRequest('GET', 'app://hamkorlik/assets/index-abc.js?x=1', root)).toMatchObject({
      status: 200,
      filePath: join(root, 'assets/index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('serves GET only', () => {
    expect(resolveAppRequest('POST', 'app://hamkorlik/index.html', root).status).toBe(405);
    expect(resolveAppRequest('PUT', 'app://hamkorlik/index.html', root).status).toBe(405);
  });

  it('refuses encoded separators, backslashes and NUL', () => {
    for (const path of ['/..%2fx.js', '/assets/..%2F..%2Fx.js', '/a%5c..%5cb.js', '/x%00.js']) {
      expect(resolveAppRequest('GET', `app://hamkorlik${path}`, root).status).toBe(403);
    }
  });

  it('never resolves outside the renderer folder, whatever the dot segments', () => {
    for (const path of ['/../../etc/passwd.txt', '/%2e%2e/secret.json', '/assets/%2e%2e/%2e%2e/x.js', '/./../x.js']) {
      const decision = resolveAppRequest('GET', `app://hamkorlik${path}`, root);
      if (decision.status === 200) expect(decision.filePath.startsWith(`${root}/`)).toBe(true);
      else expect(decision.status).toBe(403);
    }
  });

  it('refuses other hosts and unknown file types', () => {
    expect(resolveAppRequest('GET', 'app://evil/index.html', root).status).toBe(403);
    expect(resolveAppRequest('GET', 'app://hamkorlik/secret.db', root).status).toBe(404);
  });
});
