import { concatBytes } from './bytes';
import { BLOCK_FRAME_LENGTH, DIGEST_LENGTH, PREFIX_LENGTH, type PackageSource } from './format';
import type { ByteSink } from './writer';

/** Test helpers: an in-memory sink, a chunked source, and the block layout of a written file. */

export const SOURCE: PackageSource = {
  districtCode: '1703202',
  officeName: { uzLatn: 'Gʻijduvon tumani', uzCyrl: 'Ғиждувон тумани', ru: 'Гиждуванский район' },
  installationId: 'inst-0001',
};

export function memorySink(): ByteSink & { chunks: Uint8Array[]; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    chunks,
    write: (chunk) => {
      chunks.push(chunk.slice());
    },
    bytes: () => concatBytes(chunks),
  };
}

/** The file cut into chunks of an awkward size, so no read lines up with a chunk boundary. */
export async function* chunked(bytes: Uint8Array, size = 4093): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export interface BlockSpan {
  start: number;
  end: number;
}

/** Where the header ends and each block (frame and ciphertext) sits. */
export function layoutOf(bytes: Uint8Array): { headerEnd: number; blocks: BlockSpan[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = PREFIX_LENGTH + view.getUint32(10, true) + 2 * DIGEST_LENGTH;
  const blocks: BlockSpan[] = [];
  for (let start = headerEnd; start < bytes.length; ) {
    const end = start + BLOCK_FRAME_LENGTH + view.getUint32(start + 1, true);
    blocks.push({ start, end });
    start = end;
  }
  return { headerEnd, blocks };
}
