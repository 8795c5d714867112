import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../domain/dates';
import { longDate, quotedDate, ruGenitive, shortName } from './format';
import { documentTexts } from './texts';

describe('document formats', () => {
  it('signature names keep Uzbek digraphs whole in initials and skip "oʻgʻli/qizi"', () => {
    expect(shortName('Xolmatov Shavkat Oʻrinovich')).toBe('Sh.Oʻ. Xolmatov');
    expect(shortName('Karimov Chori Gʻayrat oʻgʻli')).toBe('Ch.Gʻ. Karimov');
    expect(shortName('Ғаниева Ўғилой')).toBe('Ў. Ғаниева');
    expect(shortName('Toshmatov')).toBe('Toshmatov');
  });

  it('dates read as each language writes them in documents', () => {
    const date = '2025-03-12' as IsoDate;
    expect(longDate(date, documentTexts('uz-Latn'))).toBe('2025-yil 12-mart');
    expect(longDate(date, documentTexts('uz-Cyrl'))).toBe('2025 йил 12 март');
    expect(longDate(date, documentTexts('ru'))).toBe('12 марта 2025 года');
    expect(quotedDate(date, documentTexts('uz-Latn'))).toBe('2025-yil «12» mart');
    expect(quotedDate(date, documentTexts('ru'))).toBe('«12» марта 2025 г.');
  });

  it('Russian place names of the reference data go into the genitive', () => {
    expect(ruGenitive('Асакинский район')).toBe('Асакинского района');
    expect(ruGenitive('Андижанская область')).toBe('Андижанской области');
    expect(ruGenitive('город Ташкент')).toBe('города Ташкент');
    expect(ruGenitive('Республика Каракалпакстан')).toBe('Республики Каракалпакстан');
  });
});
