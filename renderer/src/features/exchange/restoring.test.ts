import { describe, expect, it } from 'vitest';
import { restoreRunning, whileRestoring } from './restoring';

describe('a restore under way holds the automatic backup back', () => {
  it('is running while the restore runs, and not after it ends, however it ends', async () => {
    expect(restoreRunning()).toBe(false);
    let seen = false;
    await whileRestoring(async () => {
      seen = restoreRunning();
    });
    expect(seen).toBe(true);
    expect(restoreRunning()).toBe(false);
    await expect(whileRestoring(() => Promise.reject(new Error('wrong passphrase')))).rejects.toThrow('wrong passphrase');
    expect(restoreRunning()).toBe(false);
  });
});
