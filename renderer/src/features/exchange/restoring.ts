/**
 * Whether a restore is running in this window. The hourly automatic backup waits meanwhile: a
 * restore from the oldest automatic backup would otherwise have its file removed by the backup's
 * retention between the restore's passes, and a copy of data about to be replaced is not wanted.
 */
let running = 0;

export async function whileRestoring<T>(restore: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await restore();
  } finally {
    running -= 1;
  }
}

export function restoreRunning(): boolean {
  return running > 0;
}
