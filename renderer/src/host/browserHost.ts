import type { FileFilter, HostApi, HostError, HostResult, SavedFile } from './hostApi';

/**
 * The host for `npm run start:web`: the unchanged renderer in an ordinary browser, where files
 * go through downloads and uploads instead of native dialogs. Large writes use the File System
 * Access API where the browser has it (Chromium writes to a swap file and moves it into place
 * on close, which is atomic), and otherwise collect the chunks and download them once.
 */
export function createBrowserHost(): HostApi {
  const files = new Map<string, File>();
  const writers = new Map<string, BrowserWriter>();
  const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
  const fail = (code: HostError['code'], detail?: string): HostResult<never> => ({ ok: false, error: detail ? { code, detail } : { code } });

  return {
    async appInfo() {
      return ok({
        version: __APP_VERSION__,
        locale: navigator.language,
        dataFolder: 'IndexedDB (browser profile)',
        installationId: browserInstallationId(),
        host: 'browser',
        platform: navigator.platform,
      });
    },
    async setLanguage() {
      return ok(undefined);
    },
    async saveFile({ suggestedName, bytes }) {
      download(new Blob([bytes as BlobPart]), suggestedName);
      return ok(savedFile(suggestedName, bytes.byteLength));
    },
    async openFile({ filters, maxBytes }) {
      const file = await pickFile(filters);
      if (!file) return fail('cancelled');
      if (file.size > maxBytes) return fail('too-large', `size:${file.size} max:${maxBytes}`);
      try {
        return ok({ name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (error) {
        return fail('io', String(error));
      }
    },
    async writeStreamOpen({ suggestedName, filters }) {
      let writer: BrowserWriter | null;
      try {
        writer = await openBrowserWriter(suggestedName, filters);
      } catch (error) {
        return fail('io', String(error));
      }
      if (!writer) return fail('cancelled');
      const streamId = crypto.randomUUID();
      writers.set(streamId, writer);
      return ok({ streamId, name: writer.name });
    },
    async writeStreamAppend(streamId, chunk) {
      const writer = writers.get(streamId);
      if (!writer) return fail('unknown-stream');
      try {
        await writer.append(chunk);
      } catch (error) {
        writers.delete(streamId);
        await writer.abort().catch(() => undefined);
        return fail(isQuota(error) ? 'disk-full' : 'io', String(error));
      }
      return ok(undefined);
    },
    async writeStreamCommit(streamId) {
      const writer = writers.get(streamId);
      if (!writer) return fail('unknown-stream');
      writers.delete(streamId);
      try {
        return ok(savedFile(writer.name, await writer.commit()));
      } catch (error) {
        return fail(isQuota(error) ? 'disk-full' : 'io', String(error));
      }
    },
    async writeStreamAbort(streamId) {
      const writer = writers.get(streamId);
      if (!writer) return fail('unknown-stream');
      writers.delete(streamId);
      await writer.abort();
      return ok(undefined);
    },
    async readStreamOpen({ filters }) {
      const file = await pickFile(filters);
      if (!file) return fail('cancelled');
      const streamId = crypto.randomUUID();
      files.set(streamId, file);
      return ok({ streamId, name: file.name, size: file.size });
    },
    async readStreamRead(streamId, offset, length) {
      const file = files.get(streamId);
      if (!file) return fail('unknown-stream');
      try {
        return ok(new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()));
      } catch (error) {
        return fail('io', String(error));
      }
    },
    async readStreamClose(streamId) {
      return files.delete(streamId) ? ok(undefined) : fail('unknown-stream');
    },
    async print() {
      window.print();
      return ok(undefined);
    },
    async printToPdf() {
      return fail('unsupported', 'use the print dialog and choose "Save as PDF"');
    },
    async showInFolder() {
      return fail('unsupported');
    },
    async openWithSystem() {
      return fail('unsupported');
    },
    async openExternal(url) {
      if (!url.startsWith('https://')) return fail('not-allowed');
      window.open(url, '_blank', 'noopener,noreferrer');
      return ok(undefined);
    },
    // A browser tab has no data folder of its own and no OS secret store: no automatic backups.
    async automaticBackupList() {
      return ok([]);
    },
    async automaticBackupWriteOpen() {
      return fail('unsupported');
    },
    async automaticBackupReadOpen() {
      return fail('unsupported');
    },
    async automaticBackupRemove() {
      return fail('unsupported');
    },
    async keepDataKey() {
      return fail('unsupported');
    },
    async keptDataKey() {
      return ok(null);
    },
    // A tab closes without asking the page (and with no automatic backups there is nothing to finish).
    closeRequested() {
      return new Promise<never>(() => undefined);
    },
    async closeAnswer() {
      return ok(undefined);
    },
  };
}

const isQuota = (error: unknown) => error instanceof DOMException && error.name === 'QuotaExceededError';

function savedFile(name: string, size: number): SavedFile {
  return { fileId: crypto.randomUUID(), name, size };
}

const INSTALLATION_KEY = 'hamkorlik.installationId';

function browserInstallationId(): string {
  let id = localStorage.getItem(INSTALLATION_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(INSTALLATION_KEY, id);
  }
  return id;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

interface BrowserWriter {
  name: string;
  append(chunk: Uint8Array): Promise<void>;
  commit(): Promise<number>;
  abort(): Promise<void>;
}

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: { suggestedName: string; types?: { description: string; accept: Record<string, string[]> }[] }) => Promise<{
    name: string;
    createWritable(): Promise<{ write(data: BufferSource): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
  }>;
}

async function openBrowserWriter(suggestedName: string, filters: FileFilter[]): Promise<BrowserWriter | null> {
  const picker = (window as unknown as SaveFilePickerWindow).showSaveFilePicker;
  let size = 0;
  if (picker) {
    let handle;
    try {
      handle = await picker({
        suggestedName,
        types: filters.map((f) => ({ description: f.name, accept: { 'application/octet-stream': f.extensions.map((e) => `.${e}`) } })),
      });
    } catch {
      return null; // the user closed the picker
    }
    const writable = await handle.createWritable();
    return {
      name: handle.name,
      append: async (chunk) => {
        await writable.write(chunk as BufferSource);
        size += chunk.byteLength;
      },
      commit: async () => {
        await writable.close();
        return size;
      },
      abort: () => writable.abort(),
    };
  }
  const parts: BlobPart[] = [];
  return {
    name: suggestedName,
    append: async (chunk) => {
      parts.push(chunk as BlobPart);
      size += chunk.byteLength;
    },
    commit: async () => {
      download(new Blob(parts), suggestedName);
      return size;
    },
    abort: async () => {
      parts.length = 0;
    },
  };
}
