import { randomUUID } from 'node:crypto';
import type { ReadPart, StreamWriter } from './volumes';

/** A file open for reading: its parts end to end (one, or its volumes) and their total size. */
export interface OpenReadStream {
  parts: ReadPart[];
  size: number;
}

/**
 * What the main process remembers between calls: paths behind the file ids it handed out,
 * and the streams that are open. The renderer only ever holds opaque ids, never paths,
 * so a compromised page cannot make the host touch a file the user did not pick.
 */
export class FileRegistry {
  private readonly files = new Map<string, string>();
  readonly writers = new Map<string, StreamWriter>();
  readonly readers = new Map<string, OpenReadStream>();

  rememberFile(path: string): string {
    const fileId = randomUUID();
    this.files.set(fileId, path);
    return fileId;
  }

  pathOf(fileId: string): string | undefined {
    return this.files.get(fileId);
  }

  newStreamId(): string {
    return randomUUID();
  }

  /** Aborts unfinished writes and closes reads, e.g. when the window goes away. */
  async closeAll(): Promise<void> {
    const writers = [...this.writers.values()];
    const readers = [...this.readers.values()];
    this.writers.clear();
    this.readers.clear();
    await Promise.all([
      ...writers.map((writer) => writer.abort()),
      ...readers.flatMap((reader) => reader.parts.map((part) => part.handle.close().catch(() => undefined))),
    ]);
  }
}
