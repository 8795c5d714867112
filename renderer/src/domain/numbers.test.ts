import { describe, expect, it } from 'vitest';
import { formatMegabytes, formatNumber } from './numbers';

// ru-RU groups digits with a no-break space.
const spaced = (text: string) => text.replace(/\s/gu, ' ');

describe('numbers as people read them', () => {
  it('groups digits and writes a decimal comma', () => {
    expect(spaced(formatNumber(200_000))).toBe('200 000');
    expect(spaced(formatNumber(1234.56, 1))).toBe('1 234,6');
    expect(formatNumber(7)).toBe('7');
  });

  it('gives sizes in megabytes with one decimal, a small file never as nothing', () => {
    expect(spaced(formatMegabytes(1_181_116_006))).toBe('1 126,4');
    expect(formatMegabytes(12_900)).toBe('0,1');
    expect(formatMegabytes(0)).toBe('0,0');
  });
});
