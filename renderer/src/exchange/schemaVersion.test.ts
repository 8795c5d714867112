import { describe, expect, it } from 'vitest';
import { encodeHeader, headerSchema, KDF_MIN, parseHeaderJson, PREFIX_LENGTH } from './format';
import { openPackage } from './reader';
import { chunked, memorySink, SOURCE } from './testing';
import { createPackageWriter } from './writer';

const PASSPHRASE = 'schema version test';

async function written(schemaVersion?: number): Promise<Uint8Array> {
  const sink = memorySink();
  const writer = await createPackageWriter(
    { kind: 'backup', source: SOURCE, keys: { passphrase: PASSPHRASE, kdf: KDF_MIN }, ...(schemaVersion === undefined ? {} : { schemaVersion }) },
    sink,
  );
  await writer.writeTable('cases', [{ id: 'c1' }]);
  await writer.finish();
  return sink.bytes();
}

describe('header schemaVersion (optional, backups)', () => {
  it('travels in the header, covered by the checksum and the MAC, and reads back', async () => {
    const opened = await openPackage(chunked(await written(6)));
    expect(opened.header.schemaVersion).toBe(6);
    const unlocked = await opened.unlock({ passphrase: PASSPHRASE });
    const blocks = [];
    for await (const block of unlocked.tables()) blocks.push(block);
    expect(blocks.map((block) => block.table)).toEqual(['cases']);
  });

  it('is absent when not given, so older readers and packages are unaffected', async () => {
    const opened = await openPackage(chunked(await written()));
    expect(opened.header).not.toHaveProperty('schemaVersion');
    await opened.close();
  });

  it('must be a positive integer when present', async () => {
    const opened = await openPackage(chunked(await written(3)));
    const header = { ...opened.header };
    await opened.close();
    for (const bad of [0, -1, 2.5, '6']) expect(headerSchema.safeParse({ ...header, schemaVersion: bad }).success, String(bad)).toBe(false);
    expect(() => parseHeaderJson(encodeHeader({ ...header, schemaVersion: 0 }).subarray(PREFIX_LENGTH))).toThrow(expect.objectContaining({ code: 'damaged' }));
  });
});
