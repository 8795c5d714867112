import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from '../fixtures';

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; detail?: string } };

test('the page sees one frozen host object and no Node or Electron internals', async ({ page, openApp }) => {
  await openApp();
  const shape = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      keys: Object.keys(w.host as object).sort(),
      frozen: Object.isFrozen(w.host),
      require: typeof w.require,
      process: typeof w.process,
      ipcRenderer: typeof w.ipcRenderer,
    };
  });
  expect(shape.keys).toEqual([
    'appInfo', 'automaticBackupList', 'automaticBackupReadOpen', 'automaticBackupRemove', 'automaticBackupWriteOpen', 'closeAnswer',
    'closeRequested', 'keepDataKey', 'keptDataKey', 'openExternal', 'openFile', 'openWithSystem', 'print', 'printToPdf', 'readStreamClose', 'readStreamOpen',
    'readStreamRead', 'saveFile', 'setLanguage', 'showInFolder', 'writeStreamAbort', 'writeStreamAppend', 'writeStreamCommit',
    'writeStreamOpen',
  ]);
  expect(shape).toMatchObject({ frozen: true, require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
});

test('malformed arguments from the page are refused as data, and nothing is written', async ({ page, openApp, host }) => {
  await openApp();
  const results = await page.evaluate(async () => {
    const h = (window as unknown as { host: Record<string, (...a: unknown[]) => Promise<Result<unknown>>> }).host;
    return Promise.all([
      h.saveFile!({ suggestedName: '../escape.txt', filters: [], bytes: new Uint8Array([1]) }),
      h.saveFile!({ suggestedName: 'ok.txt', filters: [], bytes: 'not bytes' }),
      h.setLanguage!('de'),
      h.readStreamRead!('not-an-id', 0, 1),
      h.openExternal!('http://example.com/'),
      // Only names of automatic backups reach the data folder, and only a 32-byte key is kept.
      h.automaticBackupReadOpen!('../office-key.bin'),
      h.automaticBackupWriteOpen!({ name: 'auto-2026-12-05T10-00-00.hmk/../../escape', expectedBytes: 1 }),
      h.automaticBackupRemove!('installation-id'),
      h.keepDataKey!(new Uint8Array(5)),
      h.closeAnswer!('later'),
    ]);
  });
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
    'invalid-argument', 'invalid-argument', 'invalid-argument', 'invalid-argument', 'not-allowed',
    'invalid-argument', 'invalid-argument', 'invalid-argument', 'invalid-argument', 'invalid-argument',
  ]);
  expect(host.shown).toEqual([]);
  expect(await readdir(host.folder)).toEqual([]);
  expect(await readdir(dirname(host.folder))).not.toContain('escape'); // the data folder
});

test('streamed files: chunks appended through the bridge commit verified, and ranges read back', async ({ page, openApp, host }) => {
  await openApp();
  const size = await page.evaluate(async () => {
    const h = (window as unknown as { host: import('../../renderer/src/host/hostApi').HostApi }).host;
    const opened = await h.writeStreamOpen({ suggestedName: 'backup.bin', filters: [{ name: 'Backup', extensions: ['bin'] }], expectedBytes: 3 * 1024 * 1024 });
    if (!opened.ok) throw new Error(opened.error.code);
    for (let i = 0; i < 3; i += 1) {
      const chunk = new Uint8Array(1024 * 1024).map((_, j) => (i * 7 + j) % 256);
      const appended = await h.writeStreamAppend(opened.value.streamId, chunk);
      if (!appended.ok) throw new Error(appended.error.code);
    }
    const committed = await h.writeStreamCommit(opened.value.streamId);
    if (!committed.ok) throw new Error(committed.error.code);
    return committed.value.size;
  });
  expect(size).toBe(3 * 1024 * 1024);
  const written = new Uint8Array(await readFile(join(host.folder, 'backup.bin')));
  expect(written.byteLength).toBe(3 * 1024 * 1024);
  expect(written[1024 * 1024 + 5]).toBe((7 + 5) % 256);

  const source = join(host.folder, 'incoming.bin');
  await writeFile(source, new Uint8Array(100_000).map((_, i) => i % 199));
  host.openQueue.push(source);
  const slice = await page.evaluate(async () => {
    const h = (window as unknown as { host: import('../../renderer/src/host/hostApi').HostApi }).host;
    const opened = await h.readStreamOpen({ filters: [] });
    if (!opened.ok) throw new Error(opened.error.code);
    const range = await h.readStreamRead(opened.value.streamId, 50_000, 10);
    await h.readStreamClose(opened.value.streamId);
    if (!range.ok) throw new Error(range.error.code);
    return { size: opened.value.size, bytes: Array.from(range.value), isBytes: range.value instanceof Uint8Array };
  });
  expect(slice).toEqual({ size: 100_000, bytes: Array.from({ length: 10 }, (_, i) => (50_000 + i) % 199), isBytes: true });
});

test('a disk that fills up during a save is reported as a full disk, with no file left behind', async ({ page, openApp, host }) => {
  await openApp();
  host.faults.push({ step: 'statfs', code: 'EIO' }); // an unreadable free-space figure must not block the save
  host.faults.push({ step: 'write', code: 'ENOSPC' });
  const result = await page.evaluate(async () => {
    const h = (window as unknown as { host: import('../../renderer/src/host/hostApi').HostApi }).host;
    return h.saveFile({ suggestedName: 'big.bin', filters: [], bytes: new Uint8Array(1000) });
  });
  expect(result).toEqual({ ok: false, error: { code: 'disk-full', detail: 'write:ENOSPC' } });
  expect(await readdir(host.folder)).toEqual([]);
});

test('the content security policy blocks inline script', async ({ page, openApp, allowCspViolations }) => {
  allowCspViolations.value = true;
  await openApp();
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
  });
  expect(ran).toBe(false);
  const header = await page.evaluate(async () => (await fetch('./index.html')).headers.get('content-security-policy'));
  expect(header).toContain("default-src 'none'");
});
