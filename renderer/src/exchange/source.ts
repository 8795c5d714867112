import { type Bytes } from './bytes';

/**
 * Where a package's bytes come from: any stream of chunks of any size (a file read through the
 * host, a ReadableStream, an array in tests). Only what the next block needs is buffered.
 */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Reads exact byte counts from a chunk stream. */
export class ChunkReader {
  private readonly iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private readonly chunks: Uint8Array[] = [];
  private offset = 0; // into chunks[0]
  private buffered = 0;
  private ended = false;

  constructor(source: ByteSource) {
    this.iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  /** `length` bytes, or fewer only when the source has ended. */
  async read(length: number): Promise<Bytes> {
    await this.fill(length);
    const size = Math.min(length, this.buffered);
    const out = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const chunk = this.chunks[0] as Uint8Array;
      const take = Math.min(chunk.length - this.offset, size - filled);
      out.set(chunk.subarray(this.offset, this.offset + take), filled);
      filled += take;
      this.offset += take;
      if (this.offset === chunk.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.buffered -= size;
    return out;
  }

  async atEnd(): Promise<boolean> {
    await this.fill(1);
    return this.buffered === 0;
  }

  /** Lets the source release its file; safe to call more than once. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.iterator.return?.();
  }

  private async fill(length: number): Promise<void> {
    while (this.buffered < length && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else if (next.value.length > 0) {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
  }
}
