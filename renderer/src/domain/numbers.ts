/** Digits grouped by a space and a decimal comma, as every UI language writes them (uz as ru): `200 000`, `12,3`. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return value.toLocaleString('ru-RU', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** A file's size in megabytes with one decimal (`1 126,4`); never `0,0` for a file that has bytes. */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 2 ** 20;
  return formatNumber(bytes > 0 ? Math.max(0.1, megabytes) : 0, 1);
}
