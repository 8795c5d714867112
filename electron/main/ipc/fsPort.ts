/**
 * The file-system operations the file handlers use: a subset of `node:fs/promises`, injected so
 * tests and the e2e host can put faults at any step (a full disk, a failed rename, a pulled USB stick).
 */
export interface FileHandlePort {
  write(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FsPort {
  open(path: string, flags: 'wx' | 'r'): Promise<FileHandlePort>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile(): boolean }>;
  statfs(path: string): Promise<{ bavail: number | bigint; bsize: number | bigint }>;
  /** The bare names in a folder, like `fs.promises.readdir` without options. */
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}
