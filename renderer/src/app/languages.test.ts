import { describe, expect, it } from 'vitest';
import { isUiLanguage, languageFromLocale } from './languages';

describe('first-run language', () => {
  it('follows the operating system: Russian for ru, Cyrillic for uz-Cyrl, else Uzbek Latin', () => {
    expect(languageFromLocale('ru-RU')).toBe('ru');
    expect(languageFromLocale('uz-Cyrl-UZ')).toBe('uz-Cyrl');
    expect(languageFromLocale('uz-UZ')).toBe('uz-Latn');
    expect(languageFromLocale('en-US')).toBe('uz-Latn');
  });

  it('accepts only the languages the app has', () => {
    expect(isUiLanguage('uz-Cyrl')).toBe(true);
    expect(isUiLanguage('uz')).toBe(false);
    expect(isUiLanguage(null)).toBe(false);
  });
});
