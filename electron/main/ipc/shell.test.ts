import { describe, expect, it } from 'vitest';
import { FileRegistry } from './fileRegistry';
import { createShellHandlers, type ShellPort } from './shell';

function recordingShell(): ShellPort & { opened: string[] } {
  const opened: string[] = [];
  return { opened, showItemInFolder: () => undefined, openPath: async (path) => (opened.push(path), ''), openExternal: async () => undefined };
}

describe('opening a saved file with the system', () => {
  it('opens the documents the app writes, and refuses a file of any other type the page saved', async () => {
    const shell = recordingShell();
    const registry = new FileRegistry();
    const handlers = createShellHandlers(shell, registry);
    const docx = registry.rememberFile('/home/office/Qaror 12-son.DOCX');
    expect(await handlers.openWithSystem(docx)).toEqual({ ok: true, value: undefined });
    for (const name of ['/home/office/x.exe', '/home/office/run.bat', '/home/office/page.hta', '/home/office/no-extension']) {
      const result = await handlers.openWithSystem(registry.rememberFile(name));
      expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    expect(shell.opened).toEqual(['/home/office/Qaror 12-son.DOCX']);
    expect(await handlers.openWithSystem('not-a-file-id')).toMatchObject({ ok: false, error: { code: 'unknown-file' } });
  });
});
