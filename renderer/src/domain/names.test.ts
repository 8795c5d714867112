import { describe, expect, it } from 'vitest';
import { biScriptFrom, biScriptIn, cleanText, suggestRussian, triLingualIn } from './names';

describe('names', () => {
  it('normalizes apostrophes and spaces as typed', () => {
    expect(cleanText("  G'ayratov   O`ktam ")).toBe('Gʻayratov Oʻktam');
  });

  it('keeps the typed spelling and suggests the other script', () => {
    expect(biScriptFrom('Ёқубов Шерзод')).toEqual({ latn: 'Yoqubov Sherzod', cyrl: 'Ёқубов Шерзод', typed: 'cyrl' });
    expect(biScriptFrom("Yo'ldoshev")).toEqual({ latn: 'Yoʻldoshev', cyrl: 'Йўлдошев', typed: 'latn' });
  });

  it('shows each language its script; Russian uses Cyrillic', () => {
    const name = biScriptFrom('Ҳасанов');
    expect(biScriptIn(name, 'uz-Latn')).toBe('Hasanov');
    expect(biScriptIn(name, 'uz-Cyrl')).toBe('Ҳасанов');
    expect(biScriptIn(name, 'ru')).toBe('Ҳасанов');
    expect(triLingualIn({ uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' }, 'ru')).toBe('Навруз');
  });

  it('suggests a Russian spelling without Uzbek-only letters', () => {
    expect(suggestRussian('Қўрғонча')).toBe('Кургонча');
    expect(suggestRussian('Ҳамкорлик')).toBe('Хамкорлик');
  });
});
